"""Case studies as data: the front matter of docs/cases/<slug>/index.md feeds the case matrix, the case cards and
the navigation, so adding a case adds its row, its card and its menu entry with no other edit."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schema

CASES_DIR = "cases"


@dataclass(frozen=True)
class Case:
    slug: str
    page: str  # docs-relative, e.g. "cases/fraud-detection/index.md"
    meta: dict

    @property
    def title(self) -> str:
        return self.meta["title"]


class CaseErrors(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def case_pages(docs_dir: Path) -> list[Path]:
    folder = docs_dir / CASES_DIR
    return sorted(folder.glob("*/index.md")) if folder.exists() else []


def load_cases(docs_dir: Path) -> list[Case]:
    """Every case, validated against schemas/case.schema.json, sorted by title; raises CaseErrors."""
    cases, problems = [], []
    for path in case_pages(docs_dir):
        meta = schema.read_valid(path, docs_dir, "case", "scripts/templates/case.md", problems)
        if meta is None:
            continue
        page = path.relative_to(docs_dir).as_posix()
        cases.append(Case(path.parent.name, page, meta))
    if problems:
        raise CaseErrors(problems)
    return sorted(cases, key=lambda c: c.title.lower())
