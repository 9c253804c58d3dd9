"""Make mkdocs-jupyter's notebook pages fit the site: no third-party loaders, math by the vendored KaTeX, and
search entries made of the notebook's prose and results rather than its prompts and code.

mkdocs-jupyter renders a notebook as one JupyterLab HTML blob. Its headings sit three divs deep, which Material's
search parser cannot split into sections (everything after the first cell lands in the page's first entry, code
and "Copied!" included), so the notebook's entries are rebuilt here from the HTML.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

NOTEBOOK_MARKER = 'class="jupyter-wrapper"'

# nbconvert's lab template loads MathJax and, for Mermaid cells, Mermaid from public CDNs. The site vendors its
# own renderers, so these loaders are removed (the empty MathJax <script src=""> included).
_THIRD_PARTY_LOADERS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded".*?</script>', re.S),
]

# Parts of a rendered notebook that are noise in search results.
# Markdown cells also sit in a .jp-InputArea, so only code cells lose theirs.
_NOISE_SELECTORS = ".jp-CodeCell .jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt, .zeroclipboard-container, .clipboard-copy-txt"
_TEXT_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "td", "th"]


# nbconvert's lab template inlines the whole JupyterLab theme (about 570 KB) into every notebook page; it is the same
# on every page, so it is written once as a stylesheet the browser caches (the block starts with @charset).
_LAB_THEME = re.compile(r'<style type="text/css">\s*@charset "UTF-8";(?P<css>.*?)</style>', re.S)
LAB_CSS = "assets/stylesheets/jupyter-lab.css"


def share_lab_theme(html: str, root: str) -> tuple[str, str | None]:
    """The page with its inlined JupyterLab theme replaced by a link to LAB_CSS, and the CSS (None if absent)."""
    match = _LAB_THEME.search(html)
    if not match:
        return html, None
    link = f'<link rel="stylesheet" href="{root}{LAB_CSS}">'
    return html[:match.start()] + link + html[match.end():], '@charset "UTF-8";' + match["css"]


_DATA_IMAGE = re.compile(r'<img(?P<before>[^>]*?) src="data:image/(?P<kind>png|jpeg|svg\+xml);base64,(?P<data>[A-Za-z0-9+/=\s]+)"')


def externalize_images(html: str) -> tuple[str, dict[str, bytes]]:
    """Figures inlined as base64 become files beside the page, loaded lazily: the HTML stays small and a reader who
    does not scroll to a figure does not download it. Returns the page and {file name: bytes}."""
    import base64
    import hashlib

    files: dict[str, bytes] = {}

    def replace(match: re.Match) -> str:
        data = base64.b64decode("".join(match["data"].split()))
        extension = {"png": "png", "jpeg": "jpg", "svg+xml": "svg"}[match["kind"]]
        name = f"figure-{hashlib.sha256(data).hexdigest()[:12]}.{extension}"
        files[name] = data
        return f'<img{match["before"]} loading="lazy" src="{name}"'

    return _DATA_IMAGE.sub(replace, html), files


def is_notebook_page(html: str) -> bool:
    return NOTEBOOK_MARKER in html


def remove_third_party_loaders(html: str) -> str:
    for loader in _THIRD_PARTY_LOADERS:
        html = loader.sub("", html)
    if "cdnjs.cloudflare.com" in html or "cdn.jsdelivr.net" in html:
        raise ValueError("notebook page still references a CDN after cleanup: the nbconvert template changed")
    return html


def search_entries(html: str, location: str, page_title: str) -> list[dict]:
    """One search entry per notebook section: heading text as title, Markdown prose and cell outputs as text."""
    soup = BeautifulSoup(html, "html.parser")
    wrapper = soup.select_one(".jupyter-wrapper")
    if wrapper is None:
        raise ValueError(f"{location}: no .jupyter-wrapper in a notebook page")
    for noise in wrapper.select(_NOISE_SELECTORS):
        noise.decompose()
    for permalink in wrapper.select("a.anchor-link"):
        permalink.decompose()

    entries = [{"location": location, "title": page_title, "text": []}]
    for element in wrapper.find_all(_TEXT_TAGS):
        if _has_text_ancestor(element):
            continue  # a <p> inside an <li> is already in the <li>'s text
        text = " ".join(element.get_text(" ").split())
        if not text:
            continue
        if element.name[0] == "h" and element.get("id"):
            if element.name == "h1" and len(entries) == 1 and not entries[0]["text"]:
                continue  # the notebook's title is the page title
            entries.append({"location": f"{location}#{element['id']}", "title": text, "text": []})
        else:
            entries[-1]["text"].append(text)
    return [{**entry, "text": " ".join(entry["text"])} for entry in entries]


def _has_text_ancestor(element: Tag) -> bool:
    return any(parent.name in _TEXT_TAGS for parent in element.parents)
