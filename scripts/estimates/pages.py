"""Where pages use estimates, and what those places should say.

Three forms, all plain Markdown with HTML-comment markers, so any site generator renders the written result:

    <!-- estimates: cases/ad-click-prediction -->     the whole estimate of docs/cases/ad-click-prediction/estimates.yml
    <!-- /estimates -->
    <!-- estimates: framework#traffic -->              one section of docs/framework/estimates.yml
    <!-- /estimates -->
    <!-- value: framework:daily_users -->15 million<!-- /value -->     one value, inline in prose

A quantity may also list `stated_as` patterns: every statement of it anywhere in docs/ must give its value.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from content_model import marker_blocks
from diagram_pipeline.errors import Problem

from . import render
from .model import Estimates, Quantity

BLOCK_OPEN = re.compile(r"^<!-- estimates: (?P<id>[a-z0-9/_-]+)(?:#(?P<section>[a-z0-9_-]+))? -->\s*$")
BLOCK_CLOSE = re.compile(r"^<!-- /estimates -->\s*$")
INLINE = re.compile(r"<!-- value: (?P<file>[a-z0-9/_-]+):(?P<id>[a-z0-9_]+) -->(?P<text>.*?)<!-- /value -->")
_NUMBER = re.compile(r"^(?P<number>-?\d[\d,]*(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion|[kKMB])?\b")
_SCALES = {"thousand": 1e3, "k": 1e3, "K": 1e3, "million": 1e6, "M": 1e6, "billion": 1e9, "B": 1e9, "trillion": 1e12}


MARKERS = marker_blocks.Markers("estimates marker", BLOCK_OPEN, BLOCK_CLOSE, "<!-- /estimates -->",
                                "<!-- estimates: folder -->")


def fill(text: str, shown: str, estimates: dict[str, Estimates]) -> tuple[str, list[Problem]]:
    """The page text with every estimates block and inline value brought up to date."""
    def render_block(opening: re.Match, number: int, problems: list[Problem]) -> str | None:
        found = estimates.get(opening["id"])
        sections = {s.id for s in found.sections} if found else set()
        if found is None:
            problems.append(Problem(shown, number, f"no docs/{opening['id']}/estimates.yml (or it has errors)"))
        elif opening["section"] and opening["section"] not in sections:
            problems.append(Problem(shown, number, f"docs/{opening['id']}/estimates.yml has no section "
                                                   f"'{opening['section']}' (sections: {', '.join(sorted(sections))})"))
        else:
            return "\n" + render.render(found, opening["section"]) + "\n"
        return None

    def other_line(line: str, number: int, problems: list[Problem]) -> str:
        if line.lstrip().startswith("<!-- estimates") and not BLOCK_CLOSE.match(line):
            problems.append(Problem(shown, number, "malformed estimates marker "
                                                   "(expected '<!-- estimates: folder -->' or 'folder#section')"))
        return _fill_inline(line, shown, number, estimates, problems)

    return marker_blocks.fill(text, shown, MARKERS, render_block, other_line)


def _fill_inline(line: str, shown: str, number: int, estimates: dict[str, Estimates], problems: list[Problem]) -> str:
    def replace(match: re.Match) -> str:
        quantity = _lookup(match["file"], match["id"], estimates)
        if quantity is None:
            problems.append(Problem(shown, number, f"value '{match['file']}:{match['id']}' is not a quantity in "
                                                   f"docs/{match['file']}/estimates.yml"))
            return match[0]
        return f"<!-- value: {match['file']}:{match['id']} -->{render.quantity_plain(quantity)}<!-- /value -->"
    return INLINE.sub(replace, line)


def _lookup(file_id: str, quantity_id: str, estimates: dict[str, Estimates]) -> Quantity | None:
    found = estimates.get(file_id)
    return found.quantities.get(quantity_id) if found else None


def parse_stated(text: str) -> float | None:
    """A number as prose states it: '15 million', '1.25M', '120,000', '8%' (as 8), '24-hour' (as 24)."""
    match = _NUMBER.match(text.strip())
    if not match:
        return None
    value = float(match["number"].replace(",", ""))
    return value * _SCALES.get(match["scale"] or "", 1.0)


def statements(text: str, shown: str, estimates: dict[str, Estimates]) -> list[Problem]:
    """Every place the page states a quantity that has `stated_as` patterns must give the quantity's value."""
    problems = []
    quantities = [(found, q) for found in estimates.values() for q in found.quantities.values() if q.stated_as]
    lines = text.splitlines()
    for found, quantity in quantities:
        for pattern in quantity.stated_as:
            regex = re.compile(pattern)
            for number, line in enumerate(lines, start=1):
                for match in regex.finditer(line):
                    stated = parse_stated(match["value"])
                    if stated is None or not math.isclose(stated, quantity.shown, rel_tol=1e-9):
                        problems.append(Problem(shown, number, f"states {quantity.label.lower()} as "
                                                               f"'{match['value']}', but its one definition "
                                                               f"({found.path}:{quantity.line}) says "
                                                               f"{render.quantity_plain(quantity)}"))
    return problems


def pages(docs_dir: Path) -> list[Path]:
    return sorted(path for path in docs_dir.rglob("*.md") if "assets" not in path.parts)
