"""The build hooks of the handbook: one dispatcher, each job in its own module.

MkDocs imports this file by path (mkdocs.yml `hooks:`). Only what the theme needs lives here: the navigation
expanded from front matter, search tags from concept aliases, concept tooltips on links, figure captions, search
hygiene, math assets, and notebook pages cleaned of third-party loaders. Everything a reader sees as text (case
matrix and cards, concept index, each concept's header and "Used in", notebook list, lint rules) is written into the
Markdown by scripts/generate.py (scripts/page_sections/), so any site generator shows it. The content model lives in
scripts/content_model as plain Python with no MkDocs import.
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
_HOOKS = Path(__file__).resolve().parent
_SCRIPTS = _HOOKS.parents[1] / "scripts"
sys.path.insert(0, str(_SCRIPTS))

import build_cache  # noqa: E402
import figures  # noqa: E402
import llms_files  # noqa: E402
import navigation  # noqa: E402
import lab_theme  # noqa: E402
import notebook_pages  # noqa: E402
import page_assets  # noqa: E402
from math_rendering import MathError, MathRenderer  # noqa: E402
import search_hygiene  # noqa: E402
import tooltips  # noqa: E402
from content_model import cases as case_model, concepts as concept_model  # noqa: E402
from content_model.notebooks import read_notebooks  # noqa: E402

# State for one build, filled by on_config and read by the page events.
_state: dict = {}


def _fail(problems: list[str]) -> None:
    raise PluginError("content errors:\n" + "\n".join(problems))


def on_startup(command, dirty):
    _state["command"] = command


def on_pre_build(config):
    # While serving, a saved diagram or estimate source, or a new link to a concept, is written into its pages at once
    # (writing nothing when nothing is stale, so the rebuild this triggers ends there). `make build` and CI use
    # `generate.py --check`.
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

    notebooks = read_notebooks(docs_dir)

    if config.nav is not None:
        navigation.expand(config.nav, "notebooks/index.md", lambda: [{n.title: n.page} for n in notebooks])
        navigation.expand(config.nav, "concepts/index.md", concept_sections)
        navigation.expand(config.nav, "cases/index.md", case_entries)
    return config


def on_page_markdown(markdown, page, config, files):
    concept = _state["concepts"].get(concept_model.concept_id(page.file.src_uri))
    if concept is not None:
        # The aliases become search "tags", weighted like a title (mkdocs.yml), so searching any other name of the
        # concept finds its page first. Only the index reads them: the tags plugin, which would display them, is off.
        page.meta["tags"] = list(concept.aliases)
    return markdown


@event_priority(-50)  # after other plugins have produced the HTML, before search indexes it
def on_page_content(html, page, config, files):
    summaries = {c.page.removesuffix(".md") + "/": c.summary for c in _state["concepts"].values()}
    html = tooltips.add_tooltips(html, page.url, summaries)
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
    if notebook_pages.is_notebook_page(output):
        output, figures_by_name = notebook_pages.externalize_images(output)
        page_dir = Path(config.site_dir) / page.url
        page_dir.mkdir(parents=True, exist_ok=True)
        for name, data in figures_by_name.items():
            (page_dir / name).write_bytes(data)
        output, css = notebook_pages.share_lab_theme(output, root)
        if css is not None and _state.setdefault("lab_css", css) != css:
            raise PluginError(f"{page.file.src_uri}: its JupyterLab theme differs from other notebooks' (one shared file)")
    renderer = _math_renderer(config)
    if renderer.available and page_assets.has_math(output):
        try:
            output = renderer.render_page(output)
        except MathError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
    return page_assets.add_math_assets(output, root, prerendered=renderer.available)


def _math_renderer(config) -> MathRenderer:
    # One Node process for the whole build; it answers one formula per line.
    if "math" not in _state:
        docs = Path(config.docs_dir)
        _state["math"] = MathRenderer(docs / "assets" / "vendor" / "katex" / "katex.min.js", _SCRIPTS / "render_math.js")
    return _state["math"]


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def _cache_dir(config) -> Path:
    return Path(config.config_file_path).parent / ".cache" / "handbook"


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    if "lab_css" in _state:
        target = Path(config.site_dir) / notebook_pages.LAB_CSS
        target.parent.mkdir(parents=True, exist_ok=True)
        used = sorted(set().union(*(lab_theme.classes_in(html) for html, _ in _state["notebook_pages"].values())))
        try:
            css = build_cache.cached(_cache_dir(config), "lab-theme", [_HOOKS / "lab_theme.py"],
                                     _state["lab_css"] + "\n".join(used),
                                     lambda: lab_theme.prune(_state["lab_css"], set(used)))
            target.write_text(css, encoding="utf-8")
        except lab_theme.ThemeError as error:
            raise PluginError(f"{notebook_pages.LAB_CSS}: {error}") from None
    if "math" in _state:
        _state.pop("math").close()
    if "nav" in _state:
        llms_files.write(_state["nav"], config)
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    notebooks = _state.get("notebook_pages", {})
    if not notebooks or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    kept = [doc for doc in index["docs"] if doc["location"].split("#")[0] not in notebooks]
    for location, (html, title) in notebooks.items():
        kept.extend(build_cache.cached(_cache_dir(config), "notebook-search", [_HOOKS / "notebook_pages.py"],
                                       "\n".join((location, title, html)),
                                       lambda: notebook_pages.search_entries(html, location, title)))
    index["docs"] = kept
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
