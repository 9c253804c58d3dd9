"""The build hooks of the handbook: one dispatcher, each job in its own module beside this file.

MkDocs imports this file by path (mkdocs.yml `hooks:`). The modules it calls are plain Python with no MkDocs
import, so the content and its checks outlive the site generator.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))

import home_page  # noqa: E402
import notebook_pages  # noqa: E402
import page_assets  # noqa: E402
import search_hygiene  # noqa: E402

# Notebook pages seen in this build: location -> (html, title), for rebuilding their search entries.
_notebook_pages: dict[str, tuple[str, str]] = {}


def on_pre_build(config):
    _notebook_pages.clear()


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "index.md":
        markdown = home_page.fill(markdown, sorted(f.src_uri for f in files.documentation_pages()))
    return markdown


@event_priority(-50)  # after other plugins have produced the HTML, before search indexes it
def on_page_content(html, page, config, files):
    return search_hygiene.exclude_noise(html)


def on_post_page(output, page, config):
    if notebook_pages.is_notebook_page(output):
        try:
            output = notebook_pages.remove_third_party_loaders(output)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        _notebook_pages[page.url] = (output, page.title)
    root = get_relative_url(".", page.url)
    root = "" if root == "." else root.rstrip("/") + "/"
    return page_assets.add_math_assets(output, root)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not _notebook_pages or not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    kept = [doc for doc in index["docs"] if doc["location"].split("#")[0] not in _notebook_pages]
    for location, (html, title) in _notebook_pages.items():
        kept.extend(notebook_pages.search_entries(html, location, title))
    index["docs"] = kept
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
