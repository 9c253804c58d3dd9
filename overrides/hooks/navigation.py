"""Navigation sections generated from front matter, so adding a concept or a case needs no edit to mkdocs.yml.

mkdocs.yml names the section's landing page (`- Concepts: concepts/index.md`); the hook replaces that entry with
the landing page followed by the section's pages, grouped and ordered from their data.
"""
from __future__ import annotations

from typing import Callable


def expand(nav: list, landing: str, build_children: Callable[[], list]) -> bool:
    """Replace the entry whose value is `landing` with a section: [landing, *children]. True if found."""
    for index, entry in enumerate(nav):
        if isinstance(entry, dict):
            (title, value), = entry.items()
            if value == landing:
                nav[index] = {title: [landing, *build_children()]}
                return True
            if isinstance(value, list) and expand(value, landing, build_children):
                return True
    return False
