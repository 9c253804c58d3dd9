"""The generated views of the case studies: the comparison matrix and the case cards."""
from __future__ import annotations

from content_model.cases import Case
from content_model.links import relative_link

# (column heading, how to read it from a case's front matter)
COLUMNS = (
    ("Task type", lambda m: m["task_type"]),
    ("ML category", lambda m: m["ml_category"]),
    ("Labels", lambda m: m["label_source"]),
    ("Offline metrics", lambda m: "; ".join(m["offline_metrics"])),
    ("Online metrics", lambda m: "; ".join(m["online_metrics"])),
    ("Guardrails", lambda m: "; ".join(m["guardrail_metrics"])),
    ("Serving", lambda m: m["serving_mode"]),
    ("p99 budget (ms)", lambda m: "batch" if m["latency_budget_ms"] is None else str(m["latency_budget_ms"])),
    ("Scale", lambda m: "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in m["scale"].items())),
)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _link(from_page: str, case: Case) -> str:
    return relative_link(from_page, case.page)


def matrix(cases: list[Case], from_page: str) -> str:
    if not cases:
        return "No case study has been published yet."
    header = "| Case | " + " | ".join(title for title, _ in COLUMNS) + " |"
    rule = "| --- " * (len(COLUMNS) + 1) + "|"
    rows = [
        f"| [{_cell(case.title)}]({_link(from_page, case)}) | "
        + " | ".join(_cell(read(case.meta)) for _, read in COLUMNS) + " |"
        for case in cases
    ]
    return '<div class="case-matrix" markdown>\n\n' + "\n".join([header, rule, *rows]) + "\n\n</div>\n"


def cards(cases: list[Case], from_page: str) -> str:
    if not cases:
        return ""
    items = [
        f"- **[{_cell(case.title)}]({_link(from_page, case)})**\n\n    ---\n\n    {_cell(case.meta['summary'])}\n"
        for case in cases
    ]
    return '<div class="grid cards" markdown>\n\n' + "\n".join(items) + "\n</div>\n"
