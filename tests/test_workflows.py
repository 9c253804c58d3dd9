"""The GitHub workflows a security reviewer signs, and the Dependabot config that keeps their pins current."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from test_repository import load_workflow

sys.path.insert(0, str(ROOT / "scripts"))
import vendor_assets  # noqa: E402  (scripts/vendor_assets.py)

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(r"^\s*(- )?uses:", line):
            assert PINNED.match(line), f"{path.name}:{number}: pin to a full commit hash with '# vX.Y.Z': {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_permissions_are_granted_per_job_and_checkouts_keep_no_token(path):
    workflow = load_workflow(path.name)
    assert workflow["permissions"] == {}, f"{path.name}: top-level permissions must be {{}}"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name}: job {name} must say which permissions it needs"
    assert "pull_request_target" not in workflow["on"]
    for step in all_steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False, f"{path.name}: checkout persists the token"


def test_a_newer_push_cancels_the_older_preview_and_ci():
    for name in ("ci.yml", "preview.yml"):
        workflow = load_workflow(name)
        assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    assert load_workflow("preview.yml")["concurrency"]["cancel-in-progress"] is True
    assert load_workflow("pages.yml")["concurrency"]["cancel-in-progress"] is False, "never cut a deployment short"


def test_preview_builds_uploads_the_site_and_writes_the_summary_without_secrets():
    text = (ROOT / ".github" / "workflows" / "preview.yml").read_text(encoding="utf-8")
    workflow = load_workflow("preview.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert "${{ secrets." not in text and "github.token" not in text
    steps = all_steps(workflow)
    assert any(step.get("run") == "make build" for step in steps)
    upload = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload and upload[0]["with"]["path"] == "site/"
    summary = next(s for s in steps if "pr_summary.py" in s.get("run", ""))
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"] and "${{" not in summary["run"]


def test_linkcheck_runs_weekly_and_only_its_issue_job_may_write_issues():
    workflow = load_workflow("linkcheck.yml")
    assert workflow["on"]["schedule"]
    jobs = workflow["jobs"]
    assert any("make linkcheck" in step.get("run", "") for step in jobs["check"]["steps"])
    assert jobs["issue"]["permissions"] == {"issues": "write"}
    assert all("issues" not in job["permissions"] for name, job in jobs.items() if name != "issue")
    assert "gh issue create --title" in jobs["issue"]["steps"][0]["run"]


def test_zizmor_finds_nothing_and_the_workflows_match_their_schema():
    zizmor = subprocess.run([BIN / "zizmor", "--offline", ".github/workflows"], cwd=ROOT, capture_output=True, text=True)
    assert zizmor.returncode == 0 and "No findings to report" in zizmor.stdout, zizmor.stdout + zizmor.stderr
    schema = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert schema.returncode == 0, schema.stdout + schema.stderr


def test_make_lint_audits_the_workflows_and_make_test_never_checks_links():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    assert "$(VENV)/bin/zizmor --offline .github/workflows" in lint
    assert "$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml" in lint
    assert "linkcheck" not in makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]


def test_dependabot_updates_each_pinned_directory_weekly_in_one_grouped_pull_request():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {(u["package-ecosystem"], u["directory"]): u for u in config["updates"]}
    # Every directory with a package.json under version control is watched: the vendored libraries, axe-core, Lighthouse.
    npm_dirs = {"/" + path.parent.relative_to(ROOT).as_posix() for path in ROOT.glob("**/package.json")
                if "node_modules" not in path.parts and ".venv" not in path.parts and "site" not in path.parts}
    assert set(updates) == {("github-actions", "/"), ("pip", "/")} | {("npm", d) for d in npm_dirs}
    assert ("npm", "/" + vendor_assets.PACKAGE_JSON.parent.relative_to(ROOT).as_posix()) in updates
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]


def test_vendored_versions_come_from_package_json():
    versions = json.loads(vendor_assets.PACKAGE_JSON.read_text(encoding="utf-8"))["dependencies"]
    manifest = json.loads(vendor_assets.MANIFEST.read_text(encoding="utf-8"))
    assert {package: version for package, (version, _) in vendor_assets.pins().items()} == versions
    assert {package: entry["version"] for package, entry in manifest.items()} == versions


@pytest.mark.parametrize("dependencies, message", [
    ({"mermaid": "^11.12.1", "katex": "0.16.25"}, "mermaid must be pinned to an exact version such as 11.12.1 (got '^11.12.1')"),
    ({"mermaid": "11.12.1"}, "dependencies ['mermaid'] must be exactly the vendored packages ['katex', 'mermaid']"),
])
def test_a_loose_or_missing_pin_is_a_clear_error(tmp_path, dependencies, message):
    package_json = tmp_path / "package.json"
    package_json.write_text(json.dumps({"dependencies": dependencies}))
    with pytest.raises(vendor_assets.PinError, match=re.escape(f"{package_json}: {message}")):
        vendor_assets.pins(package_json)


def test_a_fork_publishes_with_its_own_links(tmp_path):
    """mkdocs.yml takes the site and repository URLs from the environment; the Pages build sets them from the
    repository it runs in, so nothing names the original repository in a fork's published site."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for variable in ("SITE_URL", "REPO_URL", "REPO_NAME"):
        assert f"!ENV [{variable}," in config
    pages = load_workflow(ROOT / ".github" / "workflows" / "pages.yml")
    script = next(step["run"] for step in all_steps(pages) if "SITE_URL=" in step.get("run", ""))
    github_env = tmp_path / "github_env"
    subprocess.run(["bash", "-c", script], check=True, timeout=10,
                   env={"GITHUB_REPOSITORY_OWNER": "SomeFork", "GITHUB_REPOSITORY": "SomeFork/handbook",
                        "GITHUB_SERVER_URL": "https://github.com", "GITHUB_ENV": str(github_env)})
    written = github_env.read_text()
    assert "SITE_URL=https://somefork.github.io/handbook/" in written
    assert "REPO_URL=https://github.com/SomeFork/handbook" in written
