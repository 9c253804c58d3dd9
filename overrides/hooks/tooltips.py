"""Tooltips on concept links: Material shows a link's title attribute on hover, so every link to a concept page gets
the concept's one-sentence summary as its title.

This stays a hook because it is theme behaviour (content.tooltips) on the rendered HTML; what a reader sees as text on
a concept page (its header, related concepts, "Used in") is written into the Markdown by scripts/generate.py.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re

_ANCHOR = re.compile(r'<a (?P<attrs>[^>]*?)href="(?P<href>[^"]+)"(?P<rest>[^>]*)>')


def add_tooltips(html: str, page_url: str, summaries_by_url: dict[str, str]) -> str:
    """Give every link to a concept page a title attribute with the concept's summary (Material shows it on hover)."""

    def replace(match: re.Match) -> str:
        href = match["href"]
        if "title=" in match["attrs"] + match["rest"] or href.startswith(("http:", "https:", "mailto:", "#")):
            return match.group(0)
        target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
        summary = summaries_by_url.get(target.strip("/") + "/")
        if summary is None:
            return match.group(0)
        return match.group(0)[:-1] + f' title="{html_lib.escape(summary, quote=True)}">'

    return _ANCHOR.sub(replace, html)
