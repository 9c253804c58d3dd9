"""The notebooks' landing table, generated from the notebooks themselves and the concepts that cite them, so a new
notebook needs no list edited by hand."""
from __future__ import annotations

from content_model.concepts import Concept
from content_model.links import relative_link
from content_model.notebooks import Notebook


def table(notebooks: list[Notebook], concepts: dict[str, Concept], from_page: str = "notebooks/index.md") -> str:
    rows = ["| Notebook | What it computes | Concepts it supports |", "| --- | --- | --- |"]
    for notebook in notebooks:
        cited_by = sorted((c for c in concepts.values() if notebook.id in c.notebooks), key=lambda c: c.title.lower())
        supports = ", ".join(f"[{c.title}]({relative_link(from_page, c.page)})" for c in cited_by)
        rows.append(f"| [{notebook.title}]({relative_link(from_page, notebook.page)}) | "
                    f"{notebook.lead.replace('|', '/')} | {supports} |")
    return "\n".join(rows) + "\n"
