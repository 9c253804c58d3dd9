"""Who links to which concept: the data behind every concept page's "Used in" section."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import front_matter
from .concepts import Concept, concept_id
from .links import find_links

# Pages whose links to concepts are generated listings, not uses of the concept.
LISTING_PAGES = {"index.md", "concepts/index.md", "concepts/map.md", "components/index.md"}


@dataclass
class LinkGraph:
    backlinks: dict[str, set[str]] = field(default_factory=dict)  # concept id -> pages that link to it
    titles: dict[str, str] = field(default_factory=dict)  # page -> title
    problems: list[str] = field(default_factory=list)
    concept_links: int = 0  # every link to a concept page across the site


def page_source(path: Path, page: str, read_text: Callable[[Path], str] | None = None) -> tuple[str, str, int]:
    """(title, Markdown body, first line of the body) for a Markdown page or a notebook's Markdown cells."""
    text = read_text(path) if read_text else path.read_text(encoding="utf-8")
    if page.endswith(".ipynb"):
        cells = json.loads(text).get("cells", [])
        markdown = "\n\n".join("".join(c["source"]) for c in cells if c.get("cell_type") == "markdown")
        title = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), path.stem)
        return title, markdown, 1
    meta, body, first_line = front_matter.split(text, f"docs/{page}")
    title = meta.get("title") or next((line[2:].strip() for line in body.splitlines() if line.startswith("# ")),
                                      path.stem.replace("-", " ").capitalize())
    return str(title), body, first_line


def build(docs_dir: Path, pages: list[str], concepts: dict[str, Concept],
          read_text: Callable[[Path], str] | None = None) -> LinkGraph:
    """The links to concepts written in `pages` (docs-relative); `read_text(path)` gives a page's text when it is not
    the file's (scripts/generate.py passes the text earlier generators left). Generated sections are not read."""
    graph = LinkGraph(backlinks={cid: set() for cid in concepts})
    for page in pages:
        title, body, first_line = page_source(docs_dir / page, page, read_text)
        graph.titles[page] = title
        for link in find_links(body, _link_base(page), first_line):
            resolved = _as_source_path(link.resolved) if page.endswith(".ipynb") else link.resolved
            target = concept_id(resolved) if resolved else None
            if target is None:
                continue
            if target not in concepts:
                graph.problems.append(f"docs/{page}:{link.line}: link to concept '{target}', but "
                                      f"docs/concepts/{target}.md does not exist")
                continue
            graph.concept_links += 1
            if page not in LISTING_PAGES and page != concepts[target].page:
                graph.backlinks[target].add(page)
    return graph


def _link_base(page: str) -> str:
    """Where relative links in a page are resolved from.

    Markdown pages link to source files (../concepts/x.md), resolved from the file. Notebook Markdown is not
    rewritten by the build, so notebooks link to site URLs (../../concepts/x/), resolved from the page's URL,
    notebooks/<id>/.
    """
    if page.endswith(".ipynb"):
        return page.removesuffix(".ipynb") + "/index.md"
    return page


def _as_source_path(resolved: str) -> str:
    """concepts/data-drift (a site URL) -> concepts/data-drift.md (its source file)."""
    return resolved if resolved.endswith((".md", ".ipynb")) else resolved.rstrip("/") + ".md"
