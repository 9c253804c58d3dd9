"""The notebooks' landing table and navigation, generated from the notebooks themselves and the concepts that cite
them, so a new notebook needs no list edited by hand."""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from content_model.concepts import Concept  # noqa: E402

PLACEHOLDER = "<!-- notebook-list -->"


@dataclass(frozen=True)
class Notebook:
    id: str
    page: str  # docs-relative, e.g. "notebooks/drift-detection.ipynb"
    title: str
    lead: str  # first sentence after the title


def read_notebooks(docs_dir: Path) -> list[Notebook]:
    notebooks = []
    for path in sorted((docs_dir / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        first = "".join(cells[0]["source"]) if cells and cells[0].get("cell_type") == "markdown" else ""
        lines = first.splitlines()
        title = lines[0][2:].strip() if lines and lines[0].startswith("# ") else path.stem
        prose = " ".join(line.strip() for line in lines[1:] if line.strip())
        prose = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", prose)  # the notebook's links are relative to its own page
        lead = re.split(r"(?<=[.!?])\s", prose, maxsplit=1)[0] if prose else ""
        notebooks.append(Notebook(path.stem, f"notebooks/{path.name}", title, lead))
    return sorted(notebooks, key=lambda n: n.title.lower())


def table(notebooks: list[Notebook], concepts: dict[str, Concept]) -> str:
    rows = ["| Notebook | What it computes | Concepts it supports |", "| --- | --- | --- |"]
    for notebook in notebooks:
        cited_by = sorted((c for c in concepts.values() if notebook.id in c.notebooks), key=lambda c: c.title.lower())
        supports = ", ".join(f"[{c.title}](../{c.page})" for c in cited_by)
        rows.append(f"| [{notebook.title}]({notebook.id}.ipynb) | {notebook.lead.replace('|', '/')} | {supports} |")
    return "\n".join(rows) + "\n"
