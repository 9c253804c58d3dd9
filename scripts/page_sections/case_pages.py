"""The generated views of the case studies: the comparison matrix and the case cards."""
from __future__ import annotations

from content_model.cases import Case
from content_model.links import relative_link

# (column heading, how to read it from a case's front matter): short fields only, so the matrix fits a laptop screen;
# the long descriptions stay on the case pages.
COLUMNS = (
    ("Family", lambda m, families: families[m["family"]].title if m.get("family") in families else "unassigned"),
    ("Task", lambda m, families: m["task_type"]),
    ("Primary metric", lambda m, families: m.get("primary_metric") or m["offline_metrics"][0]),
    ("Serving", lambda m, families: m["serving_mode"]),
    ("p99 budget", lambda m, families: "batch" if m["latency_budget_ms"] is None else f"{m['latency_budget_ms']} ms"),
    ("Scale", lambda m, families: m.get("scale_headline") or str(next(iter(m["scale"].values())))),
    ("Shaped by", lambda m, families: m.get("key_constraint", "")),
)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _link(from_page: str, case: Case) -> str:
    return relative_link(from_page, case.page)


def matrix(cases: list[Case], from_page: str, families: dict | None = None) -> str:
    if not cases:
        return "No case study has been published yet."
    families = families or {}
    header = "| Case | " + " | ".join(title for title, _ in COLUMNS) + " |"
    rule = "| --- " * (len(COLUMNS) + 1) + "|"
    rows = [
        f"| [{_cell(case.title)}]({_link(from_page, case)}) | "
        + " | ".join(_cell(read(case.meta, families)) for _, read in COLUMNS) + " |"
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


def family_tables(families: dict, cases: list[Case], from_page: str) -> str:
    """The playbook's comparison of problem families, in two tables a laptop screen can hold, each row ending with
    the cases of that family (read from the cases' own front matter, as the case matrix is)."""
    from content_model.families import FIELDS

    by_family: dict[str, list[Case]] = {}
    for case in cases:
        by_family.setdefault(case.meta.get("family", ""), []).append(case)
    halves = (("Framing and data", FIELDS[:4]), ("Models and serving", FIELDS[4:]))
    lines = []
    for heading, fields in halves:
        lines += [f"**{heading}**", "", "| Family | " + " | ".join(title for _, title in fields) + " | Cases |",
                  "| --- " * (len(fields) + 2) + "|"]
        for family in families.values():
            worked = ", ".join(f"[{_cell(c.title)}]({_link(from_page, c)})" for c in by_family.get(family.id, [])) or "none yet"
            lines.append(f"| [{_cell(family.title)}](#{family.id}) | "
                         + " | ".join(_cell(family.fields[key]) for key, _ in fields) + f" | {worked} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
