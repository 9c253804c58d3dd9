"""Add the vendored KaTeX files to the pages that contain math, and only to those: the stylesheet where math was
rendered at build time (math_rendering.py), the stylesheet and the script where it is still TeX (a build without Node).

Mermaid is loaded on demand by docs/javascripts/mermaid-on-demand.js (only when a diagram nears the viewport); this does it for math,
so a page without formulas loads neither library.
"""
from __future__ import annotations

# arithmatex wraps Markdown math in this class; notebook Markdown cells keep their $...$ for KaTeX to find.
MATH_MARKERS = ('class="arithmatex"', "jp-RenderedMarkdown")

KATEX_CSS = "assets/vendor/katex/katex.min.css"
# KaTeX's stylesheet declares font-display: block, so a formula is laid out first in a fallback face and again when
# its fonts arrive, moving the text below it: a layout shift of 0.063 on the data-drift concept page (Lighthouse,
# mobile), the same with the math italic face alone preloaded. With both faces that nearly every formula uses
# preloaded (42 KB, fetched anyway), the shift is 0 and the first formula paragraph paints about 0.4 s later on slow
# 4G (1.7 -> 2.1 s, still under Lighthouse's 2.5 s for a good LCP): a reader starting to read is not moved.
KATEX_FONTS = ("assets/vendor/katex/fonts/KaTeX_Main-Regular.woff2", "assets/vendor/katex/fonts/KaTeX_Math-Italic.woff2")
KATEX_SCRIPTS = (
    "assets/vendor/katex/katex.min.js",
    "assets/vendor/katex/contrib/auto-render.min.js",
    "javascripts/katex-init.js",
)


def has_math(html: str) -> bool:
    return any(marker in html for marker in MATH_MARKERS)


def add_math_assets(html: str, root: str, prerendered: bool = False) -> str:
    """Return the page with KaTeX linked, `root` being the relative path from the page to the site root;
    `prerendered` when the page's math is already HTML (arithmatex spans and notebook cells alike)."""
    if not has_math(html):
        return html
    css = f'<link rel="stylesheet" href="{root}{KATEX_CSS}">' + "".join(
        f'<link rel="preload" href="{root}{font}" as="font" type="font/woff2" crossorigin>' for font in KATEX_FONTS)
    needs_script = not prerendered
    # Scripts go last and deferred, like the theme's (overrides/main.html): katex-init.js subscribes to Material's
    # document$, which the theme bundle defines.
    scripts = "".join(f'<script defer src="{root}{path}"></script>' for path in KATEX_SCRIPTS) if needs_script else ""
    if "</head>" not in html or "</body>" not in html:
        raise ValueError("page has no </head> or </body>: cannot add the math renderer")
    html = html.replace("</head>", css + "</head>", 1)
    head, _, tail = html.rpartition("</body>")
    return head + scripts + "</body>" + tail
