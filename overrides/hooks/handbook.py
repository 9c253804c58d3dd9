"""The build hooks of the handbook: one dispatcher, each job in its own module.

MkDocs imports this file by path (mkdocs.yml `hooks:`). The content model it relies on lives in scripts/content_model
as plain Python with no MkDocs import, so the content and its checks outlive the site generator; the modules beside
this file turn that model into pages.
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))
_SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
sys.path.insert(0, str(_SCRIPTS))

import case_pages  # noqa: E402
import concept_pages  # noqa: E402
import figures  # noqa: E402
import home_page  # noqa: E402
import navigation  # noqa: E402
import notebook_index  # noqa: E402
import notebook_pages  # noqa: E402
import page_assets  # noqa: E402
import search_hygiene  # noqa: E402
import style_guide  # noqa: E402
from content_model import backlinks, cases as case_model, concepts as concept_model  # noqa: E402

# State for one build, filled by on_config/on_files and read by the page events.
_state: dict = {}


def _fail(problems: list[str]) -> None:
    raise PluginError("content errors:\n" + "\n".join(problems))


def on_startup(command, dirty):
    _state["command"] = command


def on_pre_build(config):
    # While serving, a saved diagram or estimate source is redrawn into its pages at once (writing nothing when
    # nothing is stale, so the rebuild this triggers ends there). `make build` and CI use `generate.py --check`.
    if _state.get("command") == "serve":
        _generate_cli().main([])


def _generate_cli():
    spec = importlib.util.spec_from_file_location("generate_cli", _SCRIPTS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def on_config(config):
    docs_dir = Path(config.docs_dir)
    try:
        concepts = concept_model.load_concepts(docs_dir)
    except concept_model.ConceptErrors as errors:
        _fail(errors.problems)
    try:
        cases = case_model.load_cases(docs_dir)
    except case_model.CaseErrors as errors:
        _fail(errors.problems)
    command = _state.get("command")
    _state.clear()
    _state["command"] = command
    _state["concepts"] = concepts
    _state["cases"] = cases
    _state["notebook_pages"] = {}

    def concept_sections():
        sections = []
        for stage in concept_model.STAGES:
            members = sorted((c for c in concepts.values() if c.stage == stage), key=lambda c: c.title.lower())
            if members:
                sections.append({concept_model.STAGE_TITLES[stage]: [{c.title: c.page} for c in members]})
        return sections

    def case_entries():
        return ["cases/matrix.md", *({case.title: case.page} for case in cases)]

    notebooks = notebook_index.read_notebooks(docs_dir)
    _state["notebooks"] = notebooks

    if config.nav is not None:
        navigation.expand(config.nav, "notebooks/index.md", lambda: [{n.title: n.page} for n in notebooks])
        navigation.expand(config.nav, "concepts/index.md", concept_sections)
        navigation.expand(config.nav, "cases/index.md", case_entries)
    return config


def on_files(files, config):
    pages = sorted(f.src_uri for f in files if f.src_uri.endswith((".md", ".ipynb")) and f.is_documentation_page())
    graph = backlinks.build(Path(config.docs_dir), pages, _state["concepts"])
    if graph.problems:
        _fail(graph.problems)
    _state["graph"] = graph
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    concepts = _state["concepts"]
    cases = _state["cases"]
    if src == "index.md":
        markdown = home_page.fill(markdown, sorted(f.src_uri for f in files.documentation_pages()))
        case_grid = "## Case studies\n\n" + case_pages.cards(cases, src) if cases else ""
        return markdown.replace(case_pages.CARDS, case_grid)
    if src == "cases/index.md":
        return markdown.replace(case_pages.CARDS, case_pages.cards(cases, src))
    if src == "cases/matrix.md":
        return markdown.replace(case_pages.MATRIX, case_pages.matrix(cases, src))
    if src == "notebooks/index.md":
        return markdown.replace(notebook_index.PLACEHOLDER, notebook_index.table(_state["notebooks"], concepts))
    if src == "contributing/style-guide.md":
        return style_guide.fill(markdown)
    if src == "concepts/index.md":
        markdown = markdown.replace(concept_pages.INDEX_BY_STAGE, concept_pages.index_by_stage(concepts))
        return markdown.replace(concept_pages.INDEX_A_TO_Z, concept_pages.index_a_to_z(concepts))
    concept_id = concept_model.concept_id(src)
    if concept_id in concepts:
        # The aliases become search "tags", weighted like a title (mkdocs.yml), so searching any other name of the
        # concept finds its page first. Only the index reads them: the tags plugin, which would display them, is off.
        page.meta["tags"] = list(concepts[concept_id].aliases)
        graph = _state["graph"]
        return concept_pages.decorate(markdown, concepts[concept_id], concepts, graph.backlinks[concept_id],
                                      graph.titles)
    return markdown


@event_priority(-50)  # after other plugins have produced the HTML, before search indexes it
def on_page_content(html, page, config, files):
    summaries = {c.page.removesuffix(".md") + "/": c.summary for c in _state["concepts"].values()}
    html = concept_pages.add_tooltips(html, page.url, summaries)
    html = figures.style_captions(html)
    return search_hygiene.exclude_noise(html)


def on_post_page(output, page, config):
    if notebook_pages.is_notebook_page(output):
        try:
            output = notebook_pages.remove_third_party_loaders(output)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        _state["notebook_pages"][page.url] = (output, page.title)
    root = get_relative_url(".", page.url)
    root = "" if root == "." else root.rstrip("/") + "/"
    return page_assets.add_math_assets(output, root)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    notebooks = _state.get("notebook_pages", {})
    if not notebooks or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    kept = [doc for doc in index["docs"] if doc["location"].split("#")[0] not in notebooks]
    for location, (html, title) in notebooks.items():
        kept.extend(notebook_pages.search_entries(html, location, title))
    index["docs"] = kept
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
