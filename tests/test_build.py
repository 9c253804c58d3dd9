"""The strict build passes on the real docs, and stops with the file named when a link is broken."""
from __future__ import annotations

import re
import shutil

from conftest import ROOT, mkdocs_build

COPIED = ["mkdocs.yml", "docs", "overrides", "diagrams", "scripts", ".cache"]


def copy_project(destination):
    destination.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        elif source.exists():
            shutil.copy2(source, destination / name)
    return destination


def test_strict_build_passes(built_site):
    assert (built_site / "index.html").exists()
    assert (built_site / "search" / "search_index.json").exists()


def test_broken_link_fails_the_build_naming_the_file(tmp_path, built_site):  # built_site: notebooks cached
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about" / "license.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nowhere](no-such-page.md).\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about/license.md" in result.stderr and "no-such-page.md" in result.stderr


def test_missing_anchor_fails_the_build(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "about" / "license.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the notebooks](../notebooks/index.md#no-such-heading).\n",
                    encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-heading" in result.stderr


def test_page_left_out_of_the_navigation_fails_the_build(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "about" / "orphan.md").write_text("---\ntitle: Orphan\n---\n\nNot in the nav.\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "about/orphan.md" in result.stderr


def test_no_page_loads_mermaid_at_page_load_and_only_math_pages_load_katex(built_site):
    for page in built_site.rglob("*.html"):
        assert not re.search(r'<script[^>]*\ssrc="[^"]*vendor/mermaid/', page.read_text(encoding="utf-8")), page
    license_page = (built_site / "about" / "license" / "index.html").read_text(encoding="utf-8")
    assert "katex" not in license_page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-library="assets/vendor/mermaid/mermaid.esm.min.mjs"' in home


def test_math_is_rendered_at_build_time_notebook_cells_included(built_site):
    """With Node present (make test needs it) no page ships the KaTeX script: every formula, those in notebook
    Markdown cells too, is HTML already."""
    notebooks = sorted((built_site / "notebooks").glob("*/index.html"))
    assert len(notebooks) >= 10
    for page in built_site.rglob("*.html"):
        assert "katex.min.js" not in page.read_text(encoding="utf-8"), page
    for page in notebooks:
        text = page.read_text(encoding="utf-8")
        cells = re.findall(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>(.*?)</div>', text, re.S)
        prose = "".join(re.sub(r"<[^>]+>", "", cell) for cell in cells)
        assert "$" not in prose, f"{page}: a $ formula was left as TeX"
        assert 'class="katex"' in text, page


def test_every_script_is_deferred(built_site):
    """Scripts wait for the page to be parsed (overrides/main.html), so none holds the first paint on a phone."""
    for path in ("index.html", "cases/fraud-detection/index.html", "notebooks/calibration/index.html"):
        text = (built_site / path).read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*\ssrc=[^>]*>", text)
        assert len(scripts) >= 5, path
        assert all(" defer" in tag for tag in scripts), [tag for tag in scripts if " defer" not in tag]


def test_no_page_references_a_cdn(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for cdn in ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com"):
            assert cdn not in text, f"{page.relative_to(built_site)} references {cdn}"


def test_a_failing_notebook_cell_fails_the_build_naming_notebook_and_cell(tmp_path, built_site):
    import json

    project = copy_project(tmp_path / "project")
    notebook = project / "docs" / "notebooks" / "back-of-the-envelope.ipynb"
    data = json.loads(notebook.read_text(encoding="utf-8"))
    data["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                          "source": ["raise ValueError('capacity assumptions are inconsistent')"]})
    notebook.write_text(json.dumps(data), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "back-of-the-envelope.ipynb" in output
    assert "capacity assumptions are inconsistent" in output, "the failing cell and its error are shown"


def test_llms_txt_indexes_every_page_and_the_full_text_holds_the_prose(built_site):
    index = (built_site / "llms.txt").read_text(encoding="utf-8")
    assert index.startswith("# ML System Design Handbook\n\n> ")
    assert "## Concepts" in index and "concepts/data-drift/): " in index
    full = (built_site / "llms-full.txt").read_text(encoding="utf-8")
    assert "# Data drift" in full and "```mermaid" not in full and "<!-- generated" not in full
