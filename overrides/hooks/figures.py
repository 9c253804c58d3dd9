"""Style the caption line that scripts/diagrams.py writes under each diagram ("Figure: ...").

The generator writes a plain paragraph, so the page also reads well on GitHub; on the site it gets a caption class.
"""
from __future__ import annotations

import re

_CAPTION = re.compile(r'(</code></pre>\s*)<p>(Figure: )')


def style_captions(html: str) -> str:
    return _CAPTION.sub(r'\1<p class="diagram-caption">\2', html)
