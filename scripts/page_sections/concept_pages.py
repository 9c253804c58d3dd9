"""What a reader sees on and about concept pages: the header line (stage, other names), the closing sections
(notebook, related concepts, "Used in") and the concepts index, by stage and A to Z."""
from __future__ import annotations

from content_model.concepts import STAGE_TITLES, STAGES, Concept
from content_model.links import relative_link as relative

# Groups of "Used in", by top-level folder, in reading order.
USED_IN_GROUPS = (
    ("framework/", "Framework chapters"),
    ("cases/", "Case studies"),
    ("concepts/", "Concepts"),
    ("notebooks/", "Notebooks"),
    ("", "Other pages"),
)


def header(concept: Concept) -> str:
    stage = f"[{STAGE_TITLES[concept.stage]}]({relative(concept.page, 'concepts/index.md')}#{concept.stage})"
    parts = [f"**Stage:** {stage}"]
    if concept.aliases:
        parts.append("**Also called:** " + ", ".join(concept.aliases))
    return '<p class="concept-meta" markdown>' + " · ".join(parts) + "</p>\n"


def questions(concept: Concept, heading: str = "## Check yourself") -> list[str]:
    """The concept's questions, each folded with its answer (pymdownx.details: readable without JavaScript)."""
    lines = [heading, ""] if heading else []
    for question, answer in concept.questions:
        title = question.replace('"', "\u201c", 1).replace('"', "\u201d", 1).replace('"', "'")
        lines.append(f'??? question "{title}"')
        lines.append("")
        lines += [f"    {line}" if line.strip() else "" for line in answer.splitlines()]
        lines.append("")
    return lines


def footer(concept: Concept, concepts: dict[str, Concept], backlinks: set[str], titles: dict[str, str]) -> str:
    lines = questions(concept) if concept.questions else []
    if concept.notebooks:
        lines += ["## Notebook", ""]
        for notebook in concept.notebooks:
            page = f"notebooks/{notebook}.ipynb"
            lines.append(f"- [{titles.get(page, notebook)}]({relative(concept.page, page)})")
        lines.append("")
    lines += ["## Related concepts", ""]
    # An unknown related id is reported by load_concepts; it is skipped here so the rest can still be planned.
    for related in sorted((r for r in concept.related if r in concepts), key=lambda cid: concepts[cid].title.lower()):
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


def index_by_stage(concepts: dict[str, Concept], from_page: str = "concepts/index.md") -> str:
    lines = []
    for stage in STAGES:
        members = sorted((c for c in concepts.values() if c.stage == stage), key=lambda c: c.title.lower())
        if not members:
            continue
        lines += [f"## {STAGE_TITLES[stage]} {{ #{stage} }}", "", "| Concept | In one sentence |", "| --- | --- |"]
        lines += [f"| [{c.title}]({relative(from_page, c.page)}) | {_cell(c.summary)} |" for c in members]
        lines.append("")
    return "\n".join(lines)


def index_a_to_z(concepts: dict[str, Concept], from_page: str = "concepts/index.md") -> str:
    lines, letter = [], None
    for concept in sorted(concepts.values(), key=lambda c: c.title.lower()):
        first = concept.title[0].upper()
        if first != letter:
            letter = first
            lines += ["", f"**{letter}**", ""]
        aka = f" (also: {', '.join(concept.aliases)})" if concept.aliases else ""
        lines.append(f"- [{concept.title}]({relative(from_page, concept.page)}){aka}")
    return "\n".join(lines).lstrip() + "\n"


def self_test(concepts: dict[str, Concept], stage: str, from_page: str) -> str:
    """A stage's self-test: every question of every concept of the stage, grouped by concept."""
    lines = []
    members = sorted((c for c in concepts.values() if c.stage == stage and c.questions), key=lambda c: c.title.lower())
    for concept in members:
        lines += [f"## [{concept.title}]({relative(from_page, concept.page)})", ""]
        lines += questions(concept, heading="")
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
