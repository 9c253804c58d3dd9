"""Blocks a generator owns: an opening marker line, generated content, a closing marker line.

The estimates (`<!-- estimates: ... -->`) and the page sections (`<!-- generated: ... -->`) share this scanner, so
fences, nesting and unclosed blocks are handled, and reported, the same way for both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .problems import Problem

_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Markers:
    kind: str  # in messages: "estimates marker", "generated-section marker"
    opening: re.Pattern
    closing: re.Pattern
    close_text: str  # the closing marker as written, for messages
    open_example: str  # an opening marker as written, for messages


def fill(text: str, shown: str, markers: Markers, render: Callable[[re.Match, int, list[Problem]], str | None],
         other_line: Callable[[str, int, list[Problem]], str]) -> tuple[str, list[Problem]]:
    """The page with each block's content replaced by `render(opening match, line, problems)` (None: leave it empty,
    a problem was reported), and every line outside blocks and code fences passed through `other_line`.
    Markers inside code fences are examples, not blocks."""
    out, problems, block, in_fence = [], [], None, False
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if block is None and _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            out.append(line)
            continue
        opening, closing = markers.opening.match(line), markers.closing.match(line)
        if opening:
            if block is not None:
                problems.append(Problem(shown, number, f"{markers.kind} inside the one opened on line {block}"))
            block = number
            out.append(line)
            content = render(opening, number, problems)
            if content is not None:
                out.append(content)
        elif closing:
            if block is None:
                problems.append(Problem(shown, number, f"'{markers.close_text}' without an opening "
                                                       f"'{markers.open_example}'"))
            block = None
            out.append(line)
        elif block is None:
            out.append(other_line(line, number, problems))
        # else: inside a block, the generator owns the line
    if block is not None:
        problems.append(Problem(shown, block, f"{markers.kind} is never closed with '{markers.close_text}'"))
    return "".join(out), problems
