"""What a reader sees of the concepts: the summary on hover, and the concept page first in search for its title and
for each of its other names."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from browser_pages import new_page
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from content_model.concepts import load_concepts  # noqa: E402
from search_eval import material_top_pages  # noqa: E402

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


def test_search_finds_the_concept_first_by_title_and_alias(browser, site_url):
    """Every query typed into the search box, two pages at a time (scripts/search_eval.py), one test for all."""
    top = material_top_pages(browser, site_url, [query for _, query in QUERIES], parallel=2)
    wrong = [f"{query!r}: first result {(top[query] or ['nothing'])[0]!r}, expected concepts/{concept_id}/"
             for concept_id, query in QUERIES if not top[query] or top[query][0] != f"concepts/{concept_id}/"]
    assert not wrong, "\n".join(wrong)
