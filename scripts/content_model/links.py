"""Find the Markdown links in a page and resolve them to docs-relative paths."""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .markdown_text import authored_lines

# [text](target "optional title"): the target stops at whitespace or ")".
_INLINE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Link:
    line: int
    text: str
    target: str  # as written, e.g. "../concepts/data-drift.md#psi"
    resolved: str  # docs-relative path without anchor, e.g. "concepts/data-drift.md"; "" for external links


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target)) or target.startswith("//")


def resolve(page: str, target: str) -> str:
    """Resolve a relative link written in docs-relative `page` to a docs-relative path (no anchor)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return page  # a same-page anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def relative_link(from_page: str, to_page: str) -> str:
    """The relative Markdown link from one docs-relative page to another, e.g. ../concepts/data-drift.md."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page))


def find_links(markdown: str, page: str, first_line: int = 1) -> list[Link]:
    """Inline links outside code and generated sections, with their line numbers (first_line is the line of
    markdown's first line). Generated sections are left out: a "Used in" list is not a use of the concepts it names."""
    links, in_fence = [], False
    for offset, line in authored_lines(markdown):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in _INLINE_LINK.finditer(_INLINE_CODE.sub("", line)):
            target = match["target"]
            resolved = "" if is_external(target) else resolve(page, target)
            links.append(Link(first_line + offset, match["text"], target, resolved))
    return links
