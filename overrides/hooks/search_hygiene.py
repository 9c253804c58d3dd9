"""Keep noise out of the search index.

Material's search skips any element that carries `data-search-exclude`. Diagram source is marked with it here,
before the search plugin reads the page, so that a search for "feature store" finds the prose that explains it
rather than a line of Mermaid. (Notebook pages get their entries rebuilt in notebook_pages.py.)
"""
from __future__ import annotations

import re

# Opening tags whose whole element is noise for a reader who searches.
_EXCLUDED_OPENINGS = [
    # Mermaid source emitted by mermaid2's custom fence.
    re.compile(r'<pre\s+class="mermaid"'),
    re.compile(r'<div\s+class="mermaid"'),
]


def exclude_noise(html: str) -> str:
    for opening in _EXCLUDED_OPENINGS:
        html = opening.sub(lambda m: m.group(0) + " data-search-exclude", html)
    return html
