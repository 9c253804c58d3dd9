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
        """The page with every formula replaced by KaTeX's HTML (and MathML, for screen readers). The page's formulas
        go to Node in one request: one round trip per formula was most of the math's share of the build."""
        wanted: list[tuple[str, bool]] = []
        self._substitute(page_html, lambda tex, display: wanted.append((tex, display)) or "")
        if not wanted:
            return page_html
        rendered = iter(self._render_all(wanted))
        return self._substitute(page_html, lambda tex, display: next(rendered))

    def _substitute(self, page_html: str, render) -> str:
        """Replace each formula by render(tex, display), in page order (so a first pass can collect them)."""
        def arithmatex(match: re.Match) -> str:
            tag, source = match["tag"], html.unescape(match["tex"]).strip()
            left, right = _DELIMITERS[tag]
            if not (source.startswith(left) and source.endswith(right)):
                return match[0]
            return f'<{tag} class="arithmatex">{render(source[len(left):-len(right)], tag == "div")}</{tag}>'

        def notebook_formula(match: re.Match) -> str:
            source = match["display"] if match["display"] is not None else match["inline"]
            if "<" in source:
                raise MathError(f"notebook formula {source.strip()!r} contains HTML: the Markdown renderer split it")
            return render(html.unescape(source).strip(), match["display"] is not None)

        def notebook_cell(cell: re.Match) -> str:
            return cell["open"] + _NOTEBOOK_MATH.sub(notebook_formula, cell["body"]) + "</div>"

        return _NOTEBOOK_MARKDOWN.sub(notebook_cell, _MATH.sub(arithmatex, page_html))

    def _render_all(self, formulas: list[tuple[str, bool]]) -> list[str]:
        request = [{"tex": tex, "display": display} for tex, display in formulas]
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answers = json.loads(self.process.stdout.readline())
        for (tex, _), answer in zip(formulas, answers):
            if "error" in answer:
                raise MathError(f"KaTeX cannot render {tex!r}: {answer['error']}")
        return [answer["html"] for answer in answers]

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=10)
            self.process = None
