"""The search index holds prose, not noise; and the search box finds the right page."""
from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from conftest import BASE_PATH

from browser_pages import new_page

# (query typed by a reader, path of the page that must be the first result)
SEARCHES = [
    ("capacity planning", "notebooks/back-of-the-envelope/"),
    ("fleet grows with the assumptions", "notebooks/back-of-the-envelope/"),
    ("component index", "components/"),
    ("diagram legend", "components/legend/"),
    ("CC BY", "about/license/"),
]


@pytest.fixture(scope="module")
def search_docs(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_index_has_no_mermaid_source(search_docs):
    offenders = [d["location"] for d in search_docs if "flowchart " in d["text"] or "classDef" in d["text"]
                 or "sequenceDiagram" in d["text"] or "-->" in d["text"]]
    assert not offenders, f"Mermaid source in the search index: {offenders}"


def test_index_has_no_notebook_noise(search_docs):
    offenders = [d["location"] for d in search_docs
                 if "In [" in d["text"] or "Copied!" in d["text"] or "Out[" in d["text"]
                 or (d["location"].startswith("notebooks/") and ("def " in d["text"] or "import " in d["text"]))]
    assert not offenders, f"notebook prompts or code in the search index: {offenders}"


def test_index_has_no_permalink_symbols(search_docs):
    offenders = [d["location"] for d in search_docs if "¶" in d["title"] or "¶" in d["text"]]
    assert not offenders, f"permalink symbols in the search index: {offenders}"


def test_notebook_results_are_searchable(search_docs):
    notebook = [d for d in search_docs if d["location"].startswith("notebooks/back-of-the-envelope/")]
    assert len(notebook) >= 4, "notebook sections missing from the index"
    text = " ".join(d["text"] for d in notebook)
    assert "Servers across three zones" in text, "computed outputs of the notebook are not searchable"


def search_first_result(page, query: str) -> str:
    page.locator("label.md-search__icon[for='__search']").first.evaluate("label => label.click()")
    meta = "document.querySelector('.md-search-result__meta')?.textContent || ''"
    # Material says "Initializing search" until its worker has loaded the index.
    page.wait_for_function(f"() => /Type to start/.test({meta})", timeout=10_000)
    # The whole query at once, then one key press (Material searches on keyup): typing key by key races the
    # answers to partial queries ("bi" for "bi-encoder"), and the first result read could belong to a prefix.
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"() => / matching document/.test({meta})", timeout=10_000)
    page.wait_for_timeout(300)  # let the answer to the final input render
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first.get_attribute("href")


def first_result_path(browser, site_url: str, query: str) -> str:
    """The site path (e.g. "concepts/ab-testing/") of the first result for a query typed on the home page."""
    page = new_page(browser, "light")
    page.goto(site_url, wait_until="load")
    href = search_first_result(page, query)
    page.context.close()
    return urlparse(href).path.removeprefix(BASE_PATH)


@pytest.mark.parametrize("query, expected", SEARCHES)
def test_search_box_finds_the_page(browser, site_url, query, expected):
    found = first_result_path(browser, site_url, query)
    assert found == expected, f"search for {query!r}: first result {found!r}, expected {expected!r}"


def test_the_index_loads_only_when_the_reader_searches(browser, site_url):
    """A reader who never searches never downloads the index; the first search fetches it and answers."""
    page = new_page(browser, "light")
    fetched = []
    page.on("request", lambda request: fetched.append(request.url)
            if "search_index.json" in request.url or "/workers/search." in request.url else None)
    page.goto(site_url + "concepts/data-drift/", wait_until="load")
    page.wait_for_timeout(1_000)
    assert fetched == [], "the search worker or index was fetched before the reader searched"
    href = search_first_result(page, "population stability index")
    assert len(fetched) == 2 and "concepts/population-stability-index/" in href
    page.context.close()


def test_the_not_found_page_offers_search(browser, site_url):
    """A mistyped address lands on a page whose search form opens the handbook's search with the query."""
    page = new_page(browser, "light")
    response = page.goto(site_url + "404.html", wait_until="load")
    assert response.ok
    page.get_by_label("Search the handbook").fill("population stability index")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Search").click()
    assert "q=population" in page.url
    page.locator(".md-search-result__item a").first.wait_for(timeout=10_000)
    assert "population-stability-index" in page.locator(".md-search-result__item a").first.get_attribute("href")
    page.context.close()
