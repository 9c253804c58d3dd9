"""Notebooks as data: each docs/notebooks/<id>.ipynb gives its title and lead sentence from its first Markdown cell,
so a new notebook needs no list edited by hand (the notebook index and the navigation are made from these)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


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
