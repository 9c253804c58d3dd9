"""llms.txt and llms-full.txt: the handbook in the form readers' assistants read (https://llmstxt.org).

llms.txt is an index: the site's name and description, then each navigation section with a link and a one-line
summary per page. llms-full.txt is the Markdown of every page in reading order, without front matter and without
the generated Mermaid (diagram source is noise to a reader; its caption stays). Plain functions over plain data, so
any site generator can call them; the MkDocs build calls them from overrides/hooks/llms_files.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_MERMAID = re.compile(r"```mermaid\n.*?```\n", re.S)
_COMMENT = re.compile(r"<!-- /?(?:diagram|estimates|generated|value)\b[^>]*-->\n?")


@dataclass(frozen=True)
class Page:
    section: str  # the top-level navigation section, e.g. "Concepts"
    title: str
    url: str  # absolute
    summary: str
    markdown: str  # the page's source


def index(site_name: str, description: str, pages: list[Page]) -> str:
    lines = [f"# {site_name}", "", f"> {description}", ""]
    section = None
    for page in pages:
        if page.section != section:
            section = page.section
            lines += ["", f"## {section}", ""]
        summary = f": {' '.join(page.summary.split())}" if page.summary else ""
        lines.append(f"- [{page.title}]({page.url}){summary}")
    return "\n".join(lines).replace("\n\n\n", "\n\n").strip() + "\n"


def full_text(site_name: str, pages: list[Page]) -> str:
    parts = [f"# {site_name}: full text", ""]
    for page in pages:
        body = _COMMENT.sub("", _MERMAID.sub("", _FRONT_MATTER.sub("", page.markdown, count=1)))
        parts += [f"# {page.title}", "", f"Source: {page.url}", "", body.strip(), "", "---", ""]
    return "\n".join(parts)
