"""Find where pages include diagrams, and fill each include with the generated Mermaid.

A page includes a diagram with two marker lines; the generator owns everything between them:

    <!-- diagram: framework/overview -->
    <!-- /diagram -->
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .mermaid import render
from .source import Diagram

OPEN_MARKER = re.compile(r"^<!-- diagram: (?P<id>\S+) -->\s*$")
CLOSE_MARKER = re.compile(r"^<!-- /diagram -->\s*$")
MERMAID_FENCE = re.compile(r"^\s*(```|~~~)\s*mermaid\b")
CODE_FENCE = re.compile(r"^\s*(```|~~~)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


@dataclass(frozen=True)
class Include:
    page: str  # path relative to the repository root
    line: int  # line of the opening marker, 1-based
    diagram_id: str


@dataclass
class Page:
    path: Path
    shown: str
    text: str
    includes: list[Include]


def scan(page_path: Path, root: Path) -> tuple[Page, list[Problem]]:
    shown = page_path.relative_to(root).as_posix()
    text = page_path.read_text(encoding="utf-8")
    includes, problems = [], []
    open_include = None
    in_fence = False  # markers shown as examples inside code blocks are text, not includes
    for number, line in enumerate(text.splitlines(), start=1):
        if CODE_FENCE.match(line) and not open_include:
            if not in_fence and MERMAID_FENCE.match(line):
                problems.append(
                    Problem(shown, number, "hand-written Mermaid: put the diagram in diagrams/ and include it with markers")
                )
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        opening, closing = OPEN_MARKER.match(line), CLOSE_MARKER.match(line)
        if opening:
            if open_include:
                problems.append(Problem(shown, number, f"diagram marker inside the one opened on line {open_include.line}"))
            open_include = Include(shown, number, opening["id"])
            includes.append(open_include)
        elif closing:
            if not open_include:
                problems.append(Problem(shown, number, "'<!-- /diagram -->' without an opening '<!-- diagram: id -->'"))
            open_include = None
        elif line.lstrip().startswith("<!-- diagram") and not open_include:
            problems.append(Problem(shown, number, "malformed diagram marker (expected '<!-- diagram: group/name -->')"))
    if open_include:
        problems.append(Problem(shown, open_include.line, "diagram marker is never closed with '<!-- /diagram -->'"))
    return Page(page_path, shown, text, includes), problems


def diagram_block(diagram: Diagram) -> str:
    caption = _MARKDOWN_SPECIAL.sub(r"\\\1", diagram.title)
    return f"```mermaid\n{render(diagram)}```\n\nFigure: {caption}\n"


def fill(page: Page, diagrams: dict[str, Diagram]) -> str:
    """The page text with every include replaced by its diagram's current Mermaid."""
    out, skipping, in_fence = [], False, False
    for line in page.text.splitlines(keepends=True):
        if not skipping and CODE_FENCE.match(line):
            in_fence = not in_fence
        opening = None if in_fence else OPEN_MARKER.match(line)
        if opening:
            out.append(line)
            out.append("\n" + diagram_block(diagrams[opening["id"]]) + "\n")
            skipping = True
        elif CLOSE_MARKER.match(line) and not in_fence:
            out.append(line)
            skipping = False
        elif not skipping:
            out.append(line)
    return "".join(out)
