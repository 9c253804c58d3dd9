"""Render the math of a page at build time with the vendored KaTeX (run by Node), so a page ships rendered formulas
and KaTeX's stylesheet, not KaTeX's 270 KB script. Without Node the pages keep their TeX and page_assets.py links the
script instead, as before: the site still renders, in the reader's browser.

pymdownx.arithmatex (generic mode) writes <span class="arithmatex">\\(..\\)</span> and <div class="arithmatex">\\[..\\]</div>;
notebook Markdown cells (mkdocs-jupyter) keep Jupyter's $..$ and $$..$$, rendered here too, so notebook pages need no
KaTeX script either. A formula KaTeX cannot parse stops the build, naming the page and the formula.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

_MATH = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.S)
_DELIMITERS = {"span": (r"\(", r"\)"), "div": (r"\[", r"\]")}
# Only inside notebook Markdown cells is $ a delimiter, so a "$5" in the site's prose stays text. The cells hold
# paragraphs, lists and tables, never a nested div, so the first </div> closes the cell.
_NOTEBOOK_MARKDOWN = re.compile(r'(?P<open><div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>)(?P<body>.*?)</div>', re.S)
_NOTEBOOK_MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$\n]+?)\$", re.S)


class MathError(ValueError):
    pass


class MathRenderer:
    def __init__(self, katex_js: Path, script: Path):
        node = shutil.which("node") or shutil.which("nodejs")
        self.process = None
        if node and katex_js.exists():
            self.process = subprocess.Popen([node, str(script), str(katex_js)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)

    @property
    def available(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def render_page(self, page_html: str) -> str:
        """The page with every arithmatex formula replaced by KaTeX's HTML (and MathML, for screen readers)."""
        def replace(match: re.Match) -> str:
            tag, source = match["tag"], html.unescape(match["tex"]).strip()
            left, right = _DELIMITERS[tag]
            if not (source.startswith(left) and source.endswith(right)):
                return match[0]
            tex = source[len(left):-len(right)]
            rendered = self._render(tex, display=tag == "div")
            return f'<{tag} class="arithmatex">{rendered}</{tag}>'
        return _NOTEBOOK_MARKDOWN.sub(self._render_cell, _MATH.sub(replace, page_html))

    def _render_cell(self, cell: re.Match) -> str:
        def replace(match: re.Match) -> str:
            source = match["display"] if match["display"] is not None else match["inline"]
            if "<" in source:
                raise MathError(f"notebook formula {source.strip()!r} contains HTML: the Markdown renderer split it")
            return self._render(html.unescape(source).strip(), display=match["display"] is not None)
        return cell["open"] + _NOTEBOOK_MATH.sub(replace, cell["body"]) + "</div>"

    def _render(self, tex: str, display: bool) -> str:
        self.process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if "error" in answer:
            raise MathError(f"KaTeX cannot render {tex!r}: {answer['error']}")
        return answer["html"]

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None
