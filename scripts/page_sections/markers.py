"""The marker syntax of generated page sections, and filling a page's sections with their current text.

A page asks for a section with two marker lines; the generator owns everything between them:

    <!-- generated: case-matrix -->
    <!-- /generated -->

Markers inside code fences are examples, not sections. The content model reads pages without these sections
(content_model.markdown_text.authored_lines), so a generated list never counts as something a person wrote.
"""
from __future__ import annotations

import re
from typing import Callable

from content_model.markdown_text import GENERATED_CLOSE, GENERATED_OPEN
from content_model import marker_blocks
from content_model.problems import Problem

CLOSE = "<!-- /generated -->"
_FENCE = re.compile(r"^\s*(```|~~~)")
_ANY_MARKER = re.compile(r"^\s*<!-- /?generated\b")
_BARE_PLACEHOLDER = re.compile(r"^<!-- (?P<name>[a-z0-9-]+) -->\s*$")


def opening(name: str) -> str:
    return f"<!-- generated: {name} -->"


def names(text: str) -> list[str]:
    """The section names a page asks for, in order (markers in code fences excluded)."""
    found, in_fence = [], False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and (match := GENERATED_OPEN.match(line)):
            found.append(match["name"])
    return found


class SectionError(ValueError):
    """Raised by a renderer when a section cannot be written on this page; the message says why."""


MARKERS = marker_blocks.Markers("generated-section marker", GENERATED_OPEN, GENERATED_CLOSE, CLOSE,
                                "<!-- generated: name -->")


def fill(text: str, shown: str, render: Callable[[str], str], known: set[str]) -> tuple[str, list[Problem]]:
    """The page text with the content of every section replaced by `render(name)` (which may raise SectionError).
    Written as: opening marker, blank line, content, blank line, closing marker."""
    def render_block(opening_match: re.Match, number: int, problems: list[Problem]) -> str | None:
        name = opening_match["name"]
        if name not in known:
            problems.append(Problem(shown, number, f"unknown generated section '{name}' (known: "
                                                   f"{', '.join(sorted(known))})"))
            return None
        try:
            content = render(name).strip("\n")
        except SectionError as error:
            problems.append(Problem(shown, number, str(error)))
            return None
        return "\n" + content + "\n\n" if content else "\n"

    def other_line(line: str, number: int, problems: list[Problem]) -> str:
        if _ANY_MARKER.match(line):
            problems.append(Problem(shown, number, "malformed generated-section marker (expected "
                                                   f"'<!-- generated: name -->' ... '{CLOSE}' on lines of their own)"))
        elif (bare := _BARE_PLACEHOLDER.match(line)) and bare["name"] in known:
            problems.append(Problem(shown, number, f"'{line.strip()}' is an old build-time placeholder: write "
                                                   f"'{opening(bare['name'])}' and '{CLOSE}' on two lines instead"))
        return line

    return marker_blocks.fill(text, shown, MARKERS, render_block, other_line)


def ensure(text: str, name: str, where: str) -> str:
    """The page with an empty `name` section added if it has none: `where` is "top" (just after the front matter)
    or "end" (after the last line)."""
    if name in names(text):
        return text
    empty = f"{opening(name)}\n{CLOSE}\n"
    if where == "end":
        return text.rstrip("\n") + "\n\n" + empty
    match = re.match(r"\A---[ \t]*\n.*?^---[ \t]*\n", text, re.S | re.M)
    head, body = (match.group(0), text[match.end():]) if match else ("", text)
    return head + ("\n" if head else "") + empty + "\n" + body.lstrip("\n")
