"""Concept data and what is made from it: validation with file and line, backlinks, the generated sections, tooltips."""
from __future__ import annotations

import pytest

from concept_fixtures import concept, make_site, pages_of

import tooltips  # overrides/hooks/tooltips.py
from content_model import backlinks
from content_model.concepts import ConceptErrors, load_concepts
from page_sections import concept_pages


def test_backlinks_are_complete_grouped_and_sorted(tmp_path):
    docs = make_site(tmp_path)
    concepts = load_concepts(docs)
    graph = backlinks.build(docs, pages_of(docs), concepts)
    assert graph.backlinks["data-drift"] == {
        "framework/monitoring.md", "framework/evaluation.md", "cases/fraud/index.md",
        "concepts/population-stability-index.md"}
    footer = concept_pages.footer(concepts["data-drift"], concepts, graph.backlinks["data-drift"], graph.titles)
    used_in = footer.split("## Used in")[1]
    order = [used_in.index(title) for title in ("Evaluation", "Monitoring and iteration", "Fraud detection",
                                                 "Population stability index")]
    assert order == sorted(order), "framework chapters first (A to Z), then cases, then concepts"
    assert "[Evaluation](../framework/evaluation.md)" in used_in
    assert "[Fraud detection](../cases/fraud/index.md)" in used_in
    assert graph.concept_links == 5


def test_a_concept_nobody_links_to_says_so(tmp_path):
    docs = make_site(tmp_path, {"concepts/cold-start.md": concept(
        "Cold start", "The problem of serving users or items that have no interaction history yet.", related=["data-drift"])})
    concepts = load_concepts(docs)
    graph = backlinks.build(docs, pages_of(docs), concepts)
    assert graph.backlinks["cold-start"] == set()
    assert "No page links here yet." in concept_pages.footer(concepts["cold-start"], concepts, set(), graph.titles)


def test_tooltips_carry_the_summary_on_every_concept_link():
    html = ('<p><a href="../../concepts/data-drift/">drift</a> and <a href="../../concepts/data-drift/#psi">psi</a>'
            ' and <a href="../other/">other</a> and <a href="https://example.org/concepts/data-drift/">ext</a></p>')
    summaries = {"concepts/data-drift/": 'Inputs change "a lot" & more.'}
    out = tooltips.add_tooltips(html, "cases/fraud/", summaries)
    assert out.count('title="Inputs change &quot;a lot&quot; &amp; more."') == 2
    assert '<a href="../other/">' in out and '<a href="https://example.org/concepts/data-drift/">' in out


def test_existing_link_titles_are_kept():
    html = '<a href="../concepts/data-drift/" title="mine">drift</a>'
    assert tooltips.add_tooltips(html, "framework/x/", {"concepts/data-drift/": "s" * 50}) == html


def test_broken_related_id_fails_with_file_and_line(tmp_path):
    docs = make_site(tmp_path, {"concepts/data-drift.md": concept(
        "Data drift", "A change in the distribution of model inputs or labels after training.", related=["no-such-concept"])})
    with pytest.raises(ConceptErrors) as error:
        load_concepts(docs)
    assert "docs/concepts/data-drift.md:6: related concept 'no-such-concept' does not exist" in str(error.value)


def test_duplicate_alias_across_concepts_fails(tmp_path):
    docs = make_site(tmp_path, {"concepts/covariate-shift.md": concept(
        "Covariate shift", "A change in the input distribution while the relation to the label stays the same.",
        aliases=["dataset shift"], related=["data-drift"])})
    with pytest.raises(ConceptErrors) as error:
        load_concepts(docs)
    message = str(error.value)
    assert "alias 'dataset shift' is also a name of concept" in message
    assert "docs/concepts/" in message and ":3:" in message


def test_alias_equal_to_another_title_fails(tmp_path):
    docs = make_site(tmp_path, {"concepts/covariate-shift.md": concept(
        "Covariate shift", "A change in the input distribution while the relation to the label stays the same.",
        aliases=["Data drift"], related=["data-drift"])})
    with pytest.raises(ConceptErrors, match="alias 'Data drift' is also a name of concept 'data-drift'"):
        load_concepts(docs)


@pytest.mark.parametrize("field, text, expected", [
    ("summary", None, "docs/concepts/data-drift.md:1: missing front matter field 'summary'"),
    ("stage", "stage: kitchen", "docs/concepts/data-drift.md:5: 'stage' must be one of"),
    ("aliases", "aliases: dataset shift", "docs/concepts/data-drift.md:3: 'aliases' must be of type array"),
])
def test_bad_front_matter_fails_with_file_and_line(tmp_path, field, text, expected):
    page = concept("Data drift", "A change in the distribution of model inputs or labels after training.",
                   aliases=["dataset shift"], related=["population-stability-index"])
    lines = [line for line in page.splitlines() if not line.startswith(f"{field}:")] if text is None else \
        [text if line.startswith(f"{field}:") else line for line in page.splitlines()]
    docs = make_site(tmp_path, {"concepts/data-drift.md": "\n".join(lines) + "\n"})
    with pytest.raises(ConceptErrors) as error:
        load_concepts(docs)
    assert expected in str(error.value)


def test_link_to_a_missing_concept_page_is_an_error_with_line(tmp_path):
    docs = make_site(tmp_path, {"framework/broken.md": "---\ntitle: Broken\n---\n\nText.\n\nSee [nothing](../concepts/nothing.md).\n"})
    graph = backlinks.build(docs, pages_of(docs), load_concepts(docs))
    assert graph.problems == ["docs/framework/broken.md:7: link to concept 'nothing', but docs/concepts/nothing.md does not exist"]


def test_index_groups_by_stage_and_lists_a_to_z(tmp_path):
    docs = make_site(tmp_path, {"concepts/baselines.md": concept(
        "Baselines", "Simple models and rules that a learned model must beat before it is worth shipping.",
        stage="modeling", related=["data-drift"])})
    concepts = load_concepts(docs)
    by_stage = concept_pages.index_by_stage(concepts)
    assert by_stage.index("## Modeling") < by_stage.index("## Monitoring and iteration")
    assert "| [Baselines](baselines.md) | Simple models" in by_stage
    a_to_z = concept_pages.index_a_to_z(concepts)
    assert a_to_z.index("**B**") < a_to_z.index("**D**") < a_to_z.index("**P**")
    assert "[Population stability index](population-stability-index.md) (also: PSI)" in a_to_z
