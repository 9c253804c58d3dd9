"""What a reader sees of the concepts: the summary on hover, and the concept page first in search for its title and
for each of its other names."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from browser_pages import new_page
from conftest import ROOT
from test_search import first_result_path

sys.path.insert(0, str(ROOT / "scripts"))
from content_model.concepts import load_concepts  # noqa: E402

CONCEPTS = load_concepts(ROOT / "docs")
# The flagship pages, and a spread of stages and alias styles (abbreviations, spelled-out names).
SAMPLE = ["ab-testing", "data-drift", "cost-sensitive-learning", "population-stability-index", "hnsw", "ndcg",
          "training-serving-skew", "two-tower-retrieval", "knowledge-distillation", "class-imbalance"]
QUERIES = [(cid, query) for cid in SAMPLE for query in (CONCEPTS[cid].title, *CONCEPTS[cid].aliases)]


def test_hovering_a_concept_link_shows_its_summary(browser, site_url):
    page = new_page(browser, "light")
    page.goto(site_url + "framework/monitoring-and-iteration/", wait_until="load")
    link = page.locator("article a[href*='concepts/']").first
    href = link.get_attribute("href")
    concept_id = re.search(r"concepts/([a-z0-9-]+)/", href)[1]
    summary = CONCEPTS[concept_id].summary
    link.scroll_into_view_if_needed()
    link.hover()
    tooltip = page.get_by_role("tooltip").filter(has_text=summary[:40])
    tooltip.first.wait_for(state="visible", timeout=5_000)
    page.context.close()


@pytest.mark.parametrize("concept_id, query", QUERIES, ids=[f"{c}:{q}" for c, q in QUERIES])
def test_search_finds_the_concept_first_by_title_and_alias(browser, site_url, concept_id, query):
    found = first_result_path(browser, site_url, query)
    assert found == f"concepts/{concept_id}/", f"search {query!r}: first result {found!r}"
