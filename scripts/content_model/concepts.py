"""Concept pages as data: each docs/concepts/<id>.md is both a page and a record (Kubernetes-glossary style).

load_concepts() reads and validates every record; problems name the file and the line, and the build stops on
any of them, so a broken related id or a duplicated alias never reaches a reader.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schema

STAGES = ("framing", "data", "features", "modeling", "evaluation", "serving", "monitoring")
STAGE_TITLES = {
    "framing": "Framing the problem",
    "data": "Data",
    "features": "Features",
    "modeling": "Modeling",
    "evaluation": "Evaluation and experimentation",
    "serving": "Serving",
    "monitoring": "Monitoring and iteration",
}
CONCEPTS_DIR = "concepts"
# Pages in docs/concepts/ that are about concepts rather than concepts themselves.
NOT_CONCEPTS = {"index.md", "map.md"}


@dataclass(frozen=True)
class Concept:
    id: str
    page: str  # docs-relative, e.g. "concepts/data-drift.md"
    title: str
    aliases: tuple[str, ...]
    summary: str
    stage: str
    related: tuple[str, ...]
    notebooks: tuple[str, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()  # (question, answer), for "Check yourself" and the stage self-test


class ConceptErrors(Exception):
    """Every problem found; `concepts` holds the records that were valid, for callers that can work around the rest
    (the generator with --only, while other pages are being written)."""

    def __init__(self, problems: list[str], concepts: dict | None = None):
        self.problems = problems
        self.concepts = concepts or {}
        super().__init__("\n".join(problems))


def concept_id(page: str) -> str | None:
    """The concept id of a docs-relative page path, or None if the page is not a concept."""
    folder, _, name = page.rpartition("/")
    if folder != CONCEPTS_DIR or not name.endswith(".md") or name in NOT_CONCEPTS:
        return None
    return name[:-3]


def _read_one(path: Path, docs_dir: Path, problems: list[str]) -> Concept | None:
    meta = schema.read_valid(path, docs_dir, "concept", "scripts/templates/concept.md", problems)
    if meta is None:
        return None
    page = path.relative_to(docs_dir).as_posix()
    return Concept(
        id=path.stem, page=page, title=meta["title"].strip(), aliases=tuple(a.strip() for a in meta["aliases"]),
        summary=" ".join(meta["summary"].split()), stage=meta["stage"], related=tuple(meta["related"]),
        notebooks=tuple(meta.get("notebooks", ())),
        questions=tuple((" ".join(q["question"].split()), q["answer"].strip()) for q in meta.get("questions", ())),
    )


def load_concepts(docs_dir: Path) -> dict[str, Concept]:
    """Every concept under docs/concepts/, validated as a set; raises ConceptErrors listing every problem."""
    problems: list[str] = []
    concepts: dict[str, Concept] = {}
    folder = docs_dir / CONCEPTS_DIR
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        if path.name in NOT_CONCEPTS:
            continue
        concept = _read_one(path, docs_dir, problems)
        if concept:
            concepts[concept.id] = concept

    names: dict[str, str] = {}  # casefolded title or alias -> concept id that owns it
    for concept in concepts.values():
        names[concept.title.casefold()] = concept.id
    for concept in concepts.values():
        shown, text = f"docs/{concept.page}", (docs_dir / concept.page).read_text(encoding="utf-8")
        for alias in concept.aliases:
            owner = names.setdefault(alias.casefold(), concept.id)
            if owner != concept.id:
                problems.append(f"{shown}:{_line_of(text, alias)}: alias {alias!r} is also a name of "
                                f"concept '{owner}' (docs/concepts/{owner}.md); an alias must name one concept only")
        for related in concept.related:
            if related == concept.id:
                problems.append(f"{shown}:{_line_of(text, related)}: 'related' lists the concept itself")
            elif related not in concepts:
                problems.append(f"{shown}:{_line_of(text, related)}: related concept '{related}' does not exist "
                                f"(no docs/concepts/{related}.md)")
        for notebook in concept.notebooks:
            if not (docs_dir / "notebooks" / f"{notebook}.ipynb").exists():
                problems.append(f"{shown}:{_line_of(text, notebook)}: notebook '{notebook}' does not exist "
                                f"(no docs/notebooks/{notebook}.ipynb)")
    if problems:
        raise ConceptErrors(problems, concepts)
    return concepts


def _line_of(text: str, needle: str) -> int:
    """The first front-matter line that mentions needle (for messages), or 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number > 1 and line.strip() == "---":
            break
        if needle in line:
            return number
    return 1
