"""What the build adds to and around concept pages: the header line, "Used in", tooltips, and the index."""
from __future__ import annotations

import html as html_lib
import posixpath
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from content_model.concepts import STAGE_TITLES, STAGES, Concept  # noqa: E402
from content_model.links import relative_link as relative  # noqa: E402

# Groups of "Used in", by top-level folder, in reading order.
USED_IN_GROUPS = (
    ("framework/", "Framework chapters"),
    ("cases/", "Case studies"),
    ("concepts/", "Concepts"),
    ("notebooks/", "Notebooks"),
    ("", "Other pages"),
)
INDEX_BY_STAGE = "<!-- concepts-by-stage -->"
INDEX_A_TO_Z = "<!-- concepts-a-to-z -->"


def header(concept: Concept) -> str:
    stage = f"[{STAGE_TITLES[concept.stage]}]({relative(concept.page, 'concepts/index.md')}#{concept.stage})"
    parts = [f"**Stage:** {stage}"]
    if concept.aliases:
        parts.append("**Also called:** " + ", ".join(concept.aliases))
    return '<p class="concept-meta" markdown>' + " · ".join(parts) + "</p>\n\n"


def footer(concept: Concept, concepts: dict[str, Concept], backlinks: set[str], titles: dict[str, str]) -> str:
    lines = []
    if concept.notebooks:
        lines += ["## Notebook", ""]
        for notebook in concept.notebooks:
            page = f"notebooks/{notebook}.ipynb"
            lines.append(f"- [{titles.get(page, notebook)}]({relative(concept.page, page)})")
        lines.append("")
    lines += ["## Related concepts", ""]
    for related in sorted(concept.related, key=lambda cid: concepts[cid].title.lower()):
        lines.append(f"- [{concepts[related].title}]({relative(concept.page, concepts[related].page)})")
    lines += ["", "## Used in", ""]
    if not backlinks:
        lines.append("No page links here yet.")
    for prefix, heading in USED_IN_GROUPS:
        group = sorted((p for p in backlinks if p.startswith(prefix) and _group_of(p) == prefix),
                       key=lambda p: (titles.get(p, p).lower(), p))
        if group:
            lines += [f"**{heading}**", ""]
            lines += [f"- [{titles.get(p, p)}]({relative(concept.page, p)})" for p in group]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _group_of(page: str) -> str:
    return next(prefix for prefix, _ in USED_IN_GROUPS if page.startswith(prefix))


def decorate(markdown: str, concept: Concept, concepts: dict[str, Concept], backlinks: set[str],
             titles: dict[str, str]) -> str:
    return header(concept) + markdown.rstrip() + "\n\n" + footer(concept, concepts, backlinks, titles)


def index_by_stage(concepts: dict[str, Concept]) -> str:
    lines = []
    for stage in STAGES:
        members = sorted((c for c in concepts.values() if c.stage == stage), key=lambda c: c.title.lower())
        if not members:
            continue
        lines += [f"## {STAGE_TITLES[stage]} {{ #{stage} }}", "", "| Concept | In one sentence |", "| --- | --- |"]
        lines += [f"| [{c.title}]({c.id}.md) | {_cell(c.summary)} |" for c in members]
        lines.append("")
    return "\n".join(lines)


def index_a_to_z(concepts: dict[str, Concept]) -> str:
    lines, letter = [], None
    for concept in sorted(concepts.values(), key=lambda c: c.title.lower()):
        first = concept.title[0].upper()
        if first != letter:
            letter = first
            lines += ["", f"**{letter}**", ""]
        aka = f" (also: {', '.join(concept.aliases)})" if concept.aliases else ""
        lines.append(f"- [{concept.title}]({concept.id}.md){aka}")
    return "\n".join(lines).lstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_ANCHOR = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>[^"]+)"(?P<rest>[^>]*)>')


def add_tooltips(html: str, page_url: str, summaries_by_url: dict[str, str]) -> str:
    """Give every link to a concept page a title attribute with the concept's summary (Material shows it on hover)."""

    def replace(match: re.Match) -> str:
        href = match["href"]
        if "title=" in match["attrs"] + match["rest"] or href.startswith(("http:", "https:", "mailto:", "#")):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
        summary = summaries_by_url.get(target.strip("/") + "/")
        if summary is None:
            return match.group(0)
        return match.group(0)[:-1] + f' title="{html_lib.escape(summary, quote=True)}">'

    return _ANCHOR.sub(replace, html)
