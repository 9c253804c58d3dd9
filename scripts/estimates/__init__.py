"""Back-of-the-envelope estimates as code: one evaluator (units checked), rendered into pages with the arithmetic shown.

The cases, the framework's running example and the estimation notebook all use it, so a figure is computed once.
"""
from __future__ import annotations

from pathlib import Path

from diagram_pipeline.errors import Problem

from . import pages
from .model import Estimates, load, load_all  # noqa: F401  (the notebook imports these from here)
from . import render  # noqa: F401  (render.render(estimates) writes the Markdown)


def plan(root: Path, current_text) -> tuple[dict[Path, str], list[Problem]]:
    """Every page that uses estimates, with the text it should have; `current_text(path)` gives a page's text
    as earlier generators left it, so generators that write into the same page compose."""
    estimates, problems = load_all(root)
    wanted = {}
    for path in pages.pages(root / "docs"):
        shown = path.relative_to(root).as_posix()
        text = current_text(path)
        problems.extend(pages.statements(text, shown, estimates))
        if "<!-- estimates" not in text and "<!-- value:" not in text:
            continue
        filled, found = pages.fill(text, shown, estimates)
        problems.extend(found)
        wanted[path] = filled
    return wanted, problems
