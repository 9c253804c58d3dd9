"""Zensical, Material's successor, builds the same pages with the same generated sections as MkDocs.

Zensical reads mkdocs.yml but runs no MkDocs hooks and ignores plugins it does not implement (mkdocs-jupyter, so the
notebook pages are MkDocs-only). Everything a reader sees as text is written into the Markdown by scripts/generate.py,
so it must appear in both builds. Skipped when zensical is not installed; `make test` installs it
(requirements-dev.txt).
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from content_model import backlinks  # noqa: E402
from content_model.cases import load_cases  # noqa: E402
from content_model.concepts import load_concepts  # noqa: E402
from content_model.pages import docs_pages  # noqa: E402

pytestmark = [
    pytest.mark.zensical,
    pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="zensical is not installed"),
]

# What Zensical needs to build: the config, the pages and the theme overrides (custom_dir).
COPIED = ["mkdocs.yml", "docs", "overrides"]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    # `zensical build` has no --site-dir: it builds into site/ beside the config (and keeps .cache/ there), so it
    # runs on a copy of the project rather than writing into the repository.
    project = tmp_path_factory.mktemp("zensical")
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return project / "site"


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def notebook_pages() -> set[str]:
    return {f"notebooks/{page.removeprefix('notebooks/').removesuffix('.ipynb')}/index.html"
            for page in docs_pages(ROOT / "docs") if page.endswith(".ipynb")}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def used_in(site: Path, concept_id: str) -> list[str]:
    """The link targets of a concept page's "Used in" section, in order. Zensical has no notebook pages, so its links
    to a notebook stay links to the .ipynb file (copied as is); they are read as the page MkDocs makes of it."""
    heading = soup(site, f"concepts/{concept_id}/index.html").find("h2", id="used-in")
    assert heading is not None, f"concepts/{concept_id}: no 'Used in' section"
    links = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        links += [re.sub(r"\.ipynb$", "/", a["href"]) for a in element.find_all("a") if not a.get("class")]
    return links


def test_zensical_renders_every_markdown_page_mkdocs_renders(built_site, zensical_site):
    mkdocs_pages = html_pages(built_site)
    notebooks = notebook_pages()
    assert notebooks and notebooks <= mkdocs_pages
    assert html_pages(zensical_site) == mkdocs_pages - notebooks


def test_every_concept_has_the_same_used_in_in_both(built_site, zensical_site):
    concepts = load_concepts(ROOT / "docs")
    graph = backlinks.build(ROOT / "docs", docs_pages(ROOT / "docs"), concepts)
    for cid in concepts:
        assert used_in(zensical_site, cid) == used_in(built_site, cid), cid
        assert len(used_in(built_site, cid)) == len(graph.backlinks[cid]), cid
    # One concept checked by name: a page that links to it is listed.
    assert "../../framework/monitoring-and-iteration/" in used_in(zensical_site, "data-drift")


def test_generated_concept_header_is_in_both(built_site, zensical_site):
    for site in (built_site, zensical_site):
        header = soup(site, "concepts/data-drift/index.html").select_one("p.concept-meta")
        assert header is not None and "Also called:" in header.get_text()


def test_case_matrix_rows_are_in_both(built_site, zensical_site):
    cases = load_cases(ROOT / "docs")

    def rows(site):
        table = soup(site, "cases/matrix/index.html").select(".case-matrix table tbody tr")
        return [(row.find("a").get_text(), len(row.find_all("td"))) for row in table]

    assert rows(zensical_site) == rows(built_site)
    assert [title for title, _ in rows(built_site)] == [case.title for case in cases]


def test_concept_index_is_in_both(built_site, zensical_site):
    def index(site):
        page = soup(site, "concepts/index.html")
        by_stage = [(h2.get("id"), len(h2.find_next("table").select("tbody tr"))) for h2 in page.select("article h2[id]")
                    if h2.find_next_sibling("table") is not None and h2.get("id") != "a-to-z"]
        a_to_z = page.find("h2", id="a-to-z").find_all_next("li")
        return by_stage, len([li for li in a_to_z if li.find_parent("article")])

    assert index(zensical_site) == index(built_site)
    by_stage, listed = index(built_site)
    concepts = load_concepts(ROOT / "docs")
    assert sum(count for _, count in by_stage) == len(concepts) == listed
