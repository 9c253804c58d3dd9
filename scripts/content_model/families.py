"""Problem families as data: docs/framework/problem-families.yml lists each family of ML system design problem
(recommendation, search and ranking, forecasting, ...) with how it usually goes through the seven steps.

One data model feeds two views: the playbook's comparison table, and the case matrix, whose rows name their family
in front matter (`family:`). A case naming an unknown family is an error, so the two views cannot disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diagram_pipeline import yaml_lines

from .problems import Problem

FAMILIES_FILE = "framework/problem-families.yml"
# The short fields of the comparison table, in column order: (key, column heading).
FIELDS = (
    ("framing", "Usual framing"),
    ("labels", "Where labels come from"),
    ("offline_metrics", "Offline metrics"),
    ("online_metrics", "Online metrics"),
    ("baseline", "Baseline"),
    ("strong_model", "Strong model"),
    ("serving", "Serving pattern"),
    ("pitfall", "Classic pitfall"),
)
_REQUIRED = {"id", "title", "summary", *(key for key, _ in FIELDS)}
_MAX_SHORT = 90  # characters: a table cell a reader can scan


@dataclass(frozen=True)
class Family:
    id: str
    title: str
    summary: str
    fields: dict[str, str]
    line: int


def load_families(docs_dir: Path) -> tuple[dict[str, Family], list[Problem]]:
    path = docs_dir / FAMILIES_FILE
    shown = f"docs/{FAMILIES_FILE}"
    if not path.exists():
        return {}, []
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return {}, [error.problem]
    problems: list[Problem] = []
    items = data.get("families") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        return {}, [Problem(shown, 1, "expected a top-level 'families:' list")]
    families: dict[str, Family] = {}
    for item in items:
        if not isinstance(item, dict):
            problems.append(Problem(shown, getattr(items, "line", 1), "each family must be a mapping"))
            continue
        for key in sorted(set(item) - _REQUIRED):
            problems.append(Problem(shown, item.line_of(key), f"unknown key '{key}' (allowed: {', '.join(sorted(_REQUIRED))})"))
        for key in sorted(_REQUIRED - set(item)):
            problems.append(Problem(shown, item.line, f"family is missing '{key}'"))
        if not _REQUIRED <= set(item):
            continue
        family_id = str(item["id"])
        if family_id in families:
            problems.append(Problem(shown, item.line_of("id"), f"family id '{family_id}' is used twice"))
            continue
        for key, _ in FIELDS:
            if len(str(item[key])) > _MAX_SHORT:
                problems.append(Problem(shown, item.line_of(key), f"'{key}' has {len(str(item[key]))} characters; a table "
                                                                  f"cell holds at most {_MAX_SHORT} (put the detail in the playbook prose)"))
        families[family_id] = Family(family_id, str(item["title"]), " ".join(str(item["summary"]).split()),
                                     {key: " ".join(str(item[key]).split()) for key, _ in FIELDS}, item.line)
    return families, problems
