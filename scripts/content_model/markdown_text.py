"""Small, dependable readings of a Markdown body: its sections, its prose words, its list items."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*(\{[^}]*\})?\s*$")
_DIAGRAM_OPEN = re.compile(r"^<!-- diagram: \S+ -->\s*$")
_DIAGRAM_CLOSE = re.compile(r"^<!-- /diagram -->\s*$")
# Blocks that scripts/generate.py writes (scripts/page_sections/): the generator owns the lines between the markers.
GENERATED_OPEN = re.compile(r"^<!-- generated: (?P<name>[a-z0-9-]+) -->\s*$")
GENERATED_CLOSE = re.compile(r"^<!-- /generated -->\s*$")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


@dataclass
class Section:
    level: int
    title: str
    line: int  # line of the heading in the file
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) of the body

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)


def authored_lines(body: str) -> list[tuple[int, str]]:
    """(offset, text) of every line a person wrote: generated page sections (between `<!-- generated: name -->` and
    `<!-- /generated -->`, outside code fences) are left out, markers included."""
    out, in_fence, in_generated = [], False, False
    for offset, line in enumerate(body.splitlines()):
        if not in_generated and _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and GENERATED_OPEN.match(line):
            in_generated = True
            continue
        elif not in_fence and in_generated and GENERATED_CLOSE.match(line):
            in_generated = False
            continue
        if not in_generated:
            out.append((offset, line))
    return out


def prose_lines(body: str, first_line: int) -> list[tuple[int, str]]:
    """(line number, text) of every line outside code fences, generated diagram blocks and generated sections."""
    out, in_fence, in_diagram = [], False, False
    for offset, line in authored_lines(body):
        number = first_line + offset
        if _DIAGRAM_OPEN.match(line):
            in_diagram = True
            continue
        if _DIAGRAM_CLOSE.match(line):
            in_diagram = False
            continue
        if in_diagram:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            out.append((number, line))
    return out


def sections(body: str, first_line: int, level: int) -> list[Section]:
    """Headings of exactly `level` with the prose lines under each (until the next heading of that level or higher)."""
    found: list[Section] = []
    for number, line in prose_lines(body, first_line):
        heading = _HEADING.match(line)
        if heading and len(heading["hashes"]) <= level:
            if len(heading["hashes"]) == level:
                found.append(Section(level, heading["text"].strip(), number))
            else:
                found.append(Section(len(heading["hashes"]), heading["text"].strip(), number))
            continue
        if found:
            found[-1].lines.append((number, line))
    return [s for s in found if s.level == level]


def headings(body: str, first_line: int) -> list[tuple[int, int, str]]:
    """(level, line, text) of every heading outside code."""
    out = []
    for number, line in prose_lines(body, first_line):
        heading = _HEADING.match(line)
        if heading:
            out.append((len(heading["hashes"]), number, heading["text"].strip()))
    return out


def word_count(body: str) -> int:
    text = "\n".join(line for _, line in prose_lines(body, 1))
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets are not words
    return len(_WORD.findall(text))


def list_items(section: Section) -> list[tuple[int, str]]:
    return [(n, t) for n, t in section.lines if re.match(r"^\s{0,3}[-*+]\s+\S", t) or re.match(r"^\s{0,3}\d+\.\s+\S", t)]
