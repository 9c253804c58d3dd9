"""The repository's own guard rails: workflows, licenses, pinned requirements, vendored assets."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load_workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_ci_workflow_runs_make_test_on_pull_requests():
    workflow = load_workflow("ci.yml")
    assert "pull_request" in workflow["on"]
    commands = [step.get("run", "") for job in workflow["jobs"].values() for step in steps(job)]
    assert "make test" in commands


def test_pages_workflow_builds_strictly_and_deploys_with_official_actions():
    workflow = load_workflow("pages.yml")
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build_steps = steps(workflow["jobs"]["build"])
    assert any(step.get("run") == "make build" for step in build_steps)
    upload = [s for s in build_steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site"
    deploy_steps = steps(workflow["jobs"]["deploy"])
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy_steps)
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_make_build_is_strict():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in makefile


def test_ci_entry_point_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make serve" in readme
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith("make test")


def test_both_licenses_are_present():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for number, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), start=1):
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r "):
                assert "==" in line, f"{name}:{number}: {line!r} is not pinned with =="


def test_vendored_assets_match_their_manifest():
    result = subprocess.run([sys.executable, "scripts/vendor_assets.py", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_vendor_check_fails_on_a_changed_file(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    import vendor_assets

    copy = tmp_path / "vendor"
    copy.mkdir()
    for path in (ROOT / "docs/assets/vendor").rglob("*"):
        if path.is_file():
            target = copy / path.relative_to(ROOT / "docs/assets/vendor")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    monkeypatch.setattr(vendor_assets, "VENDOR_DIR", copy)
    monkeypatch.setattr(vendor_assets, "MANIFEST", copy / "manifest.json")
    monkeypatch.setattr(vendor_assets, "ROOT", tmp_path)
    assert vendor_assets.check() == 0
    (copy / "mermaid" / "mermaid.esm.min.mjs").write_text("tampered")
    assert vendor_assets.check() == 1


def test_hooks_module_imports_and_defines_its_events():
    """The smoke test the Pydantic docs run before building: the hooks module imports cleanly."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("handbook_hooks", ROOT / "overrides" / "hooks" / "handbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for event in ("on_config", "on_page_markdown", "on_page_content", "on_post_page", "on_post_build"):
        assert callable(getattr(module, event)), event
