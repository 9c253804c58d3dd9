"""scripts/page_sections through scripts/generate.py: sections written between markers, stale pages named by --check,
the same text on every run, "Used in" made from the links people wrote (never from generated lists), and marker
mistakes reported with file and line."""
from __future__ import annotations

import pytest

from concept_fixtures import DEFAULT_QUESTIONS, concept
from diagram_fixtures import make_tree

import generate  # scripts/generate.py
import page_sections
from content_model.lint import Linter
from page_sections import markers

PAGES = {
    "concepts/data-drift.md": concept("Data drift", "A change in the distribution of model inputs or labels after training.",
                                      aliases=["dataset shift"], related=["population-stability-index"]),
    "concepts/population-stability-index.md": concept(
        "Population stability index", "A binned divergence score that compares a feature's current and reference distributions.",
        aliases=["PSI"], related=["data-drift"], body="See [data drift](data-drift.md)."),
    "concepts/map.md": "---\ntitle: Concept map\n---\n\n<!-- diagram: concepts/map-monitoring -->\n<!-- /diagram -->\n",
    "concepts/index.md": "---\ntitle: Concepts\n---\n\nEvery concept.\n\n<!-- generated: concepts-by-stage -->\n"
                         "<!-- /generated -->\n\n## A to Z\n\n<!-- generated: concepts-a-to-z -->\n<!-- /generated -->\n",
    "framework/monitoring.md": "---\ntitle: Monitoring and iteration\n---\n\nWatch for [drift](../concepts/data-drift.md).\n",
}


def make_repo(tmp_path, extra: dict[str, str] | None = None):
    root = make_tree(tmp_path)
    for page, text in {**PAGES, **(extra or {})}.items():
        path = root / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(root, capsys, *args):
    code = generate.main(list(args), root=root)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def generated(text: str, name: str) -> str:
    """The content of one generated section of a page."""
    return text.split(f"<!-- generated: {name} -->\n", 1)[1].split("<!-- /generated -->", 1)[0]


def test_generate_writes_the_concept_sections_and_check_then_passes(tmp_path, capsys):
    root = make_repo(tmp_path)
    code, out = run(root, capsys, "--check")
    assert code == 1 and "docs/concepts/data-drift.md:1: generated content is stale" in out
    assert run(root, capsys)[0] == 0
    text = (root / "docs" / "concepts" / "data-drift.md").read_text()
    # The header sits just after the front matter, the footer at the end, each between its markers.
    assert text.index("---\n\n<!-- generated: concept-header -->\n") < text.index("## Definition")
    assert text.rstrip().endswith("<!-- /generated -->")
    assert ('<p class="concept-meta" markdown>**Stage:** [Monitoring and iteration](index.md#monitoring) · '
            "**Also called:** dataset shift</p>") in generated(text, "concept-header")
    footer = generated(text, "concept-footer")
    assert "## Related concepts\n\n- [Population stability index](population-stability-index.md)" in footer
    assert "**Framework chapters**\n\n- [Monitoring and iteration](../framework/monitoring.md)" in footer
    index = (root / "docs" / "concepts" / "index.md").read_text()
    assert "| [Data drift](data-drift.md) | A change in the distribution" in generated(index, "concepts-by-stage")
    assert "- [Population stability index](population-stability-index.md) (also: PSI)" in index
    assert run(root, capsys, "--check")[0] == 0


def test_a_new_link_makes_the_concept_page_stale_and_lands_in_its_used_in(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert run(root, capsys)[0] == 0
    chapter = root / "docs" / "framework" / "evaluation.md"
    chapter.write_text("---\ntitle: Evaluation\n---\n\nCompare with the [PSI](../concepts/population-stability-index.md).\n")
    code, out = run(root, capsys, "--check")
    assert code == 1
    assert "docs/concepts/population-stability-index.md:1: generated content is stale" in out
    assert "docs/concepts/data-drift.md" not in out, "only the concept that gained a link is stale"
    assert run(root, capsys)[0] == 0
    used_in = generated((root / "docs/concepts/population-stability-index.md").read_text(), "concept-footer")
    used_in = used_in.split("## Used in", 1)[1]
    assert "- [Evaluation](../framework/evaluation.md)" in used_in
    drift = generated((root / "docs/concepts/data-drift.md").read_text(), "concept-footer").split("## Used in", 1)[1]
    assert "**Concepts**\n\n- [Population stability index](population-stability-index.md)" in drift, \
        "a link in another concept's own text is a use"


def test_generated_lists_are_not_uses(tmp_path, capsys):
    """Data drift's "Related concepts" links to PSI; that generated link must not put Data drift in PSI's "Used in"."""
    root = make_repo(tmp_path, {"concepts/population-stability-index.md": PAGES[
        "concepts/population-stability-index.md"].replace("See [data drift](data-drift.md).", "No links.")})
    assert run(root, capsys)[0] == 0
    assert run(root, capsys)[0] == 0  # a second run reads the first run's sections, and must ignore them
    footer = generated((root / "docs/concepts/population-stability-index.md").read_text(), "concept-footer")
    assert footer.split("## Used in", 1)[1].strip() == "No page links here yet."


def test_output_is_deterministic_and_a_second_run_writes_nothing(tmp_path, capsys):
    root = make_repo(tmp_path)
    first, problems = generate.plan(root)
    assert problems == []
    assert generate.plan(root)[0] == first
    assert run(root, capsys)[0] == 0
    code, out = run(root, capsys)
    assert code == 0 and ", 0 written" in out
    assert {path: path.read_text() for path in first} == first


def test_hand_edits_inside_a_section_are_overwritten(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert run(root, capsys)[0] == 0
    page = root / "docs" / "concepts" / "index.md"
    clean = page.read_text()
    page.write_text(clean.replace("| [Data drift](data-drift.md) |", "| [Drift](data-drift.md) |"))
    code, out = run(root, capsys, "--check")
    assert code == 1 and "docs/concepts/index.md:1: generated content is stale" in out
    assert run(root, capsys)[0] == 0 and page.read_text() == clean


@pytest.mark.parametrize("page, text, message", [
    ("framework/x.md", "---\ntitle: X\n---\n\n<!-- generated: no-such-thing -->\n<!-- /generated -->\n",
     "docs/framework/x.md:5: unknown generated section 'no-such-thing' (known: "),
    ("framework/x.md", "---\ntitle: X\n---\n\n<!-- generated: case-matrix -->\n\nText.\n",
     "docs/framework/x.md:5: generated-section marker is never closed with '<!-- /generated -->'"),
    ("framework/x.md", "---\ntitle: X\n---\n\nText.\n\n<!-- /generated -->\n",
     "docs/framework/x.md:7: '<!-- /generated -->' without an opening '<!-- generated: name -->'"),
    ("framework/x.md", "---\ntitle: X\n---\n\n<!-- case-matrix -->\n",
     "docs/framework/x.md:5: '<!-- case-matrix -->' is an old build-time placeholder: write "
     "'<!-- generated: case-matrix -->' and '<!-- /generated -->' on two lines instead"),
    ("framework/x.md", "---\ntitle: X\n---\n\n<!-- generated: concept-footer -->\n<!-- /generated -->\n",
     "docs/framework/x.md:5: concept sections belong on concept pages (docs/concepts/<id>.md) only"),
])
def test_marker_mistakes_are_named_and_nothing_is_written(tmp_path, capsys, page, text, message):
    root = make_repo(tmp_path, {page: text})
    before = (root / "docs" / "concepts" / "data-drift.md").read_text()
    code, out = run(root, capsys)
    assert code == 1 and message in out, out
    assert (root / "docs" / "concepts" / "data-drift.md").read_text() == before


def test_markers_in_code_fences_are_examples(tmp_path, capsys):
    example = "---\ntitle: X\n---\n\n```markdown\n<!-- generated: case-matrix -->\n<!-- /generated -->\n```\n"
    root = make_repo(tmp_path, {"contributing/x.md": example})
    assert run(root, capsys)[0] == 0
    assert (root / "docs" / "contributing" / "x.md").read_text() == example


def test_ensure_adds_missing_concept_sections_once():
    page = "---\ntitle: T\n---\n\n## Definition\n\nText.\n"
    once = markers.ensure(markers.ensure(page, "concept-header", "top"), "concept-footer", "end")
    assert once == ("---\ntitle: T\n---\n\n<!-- generated: concept-header -->\n<!-- /generated -->\n\n"
                    "## Definition\n\nText.\n\n<!-- generated: concept-footer -->\n<!-- /generated -->\n")
    assert markers.ensure(markers.ensure(once, "concept-header", "top"), "concept-footer", "end") == once


def test_the_linter_accepts_generated_sections_and_rejects_hand_written_ones(tmp_path, capsys):
    root = make_repo(tmp_path)
    assert run(root, capsys)[0] == 0
    page = root / "docs" / "concepts" / "data-drift.md"
    problems = [str(p) for p in Linter(root).run([page])]
    assert not [p for p in problems if "is written by scripts/generate.py" in p], problems
    page.write_text(page.read_text() + "\n## Used in\n\n- [Somewhere](../framework/monitoring.md)\n")
    problems = [str(p) for p in Linter(root).run([page])]
    assert any("section '## Used in' is written by scripts/generate.py" in p for p in problems), problems


def test_every_section_name_has_a_renderer_documented():
    for name in page_sections.RENDERERS:
        documented = name if not name.startswith("self-test-") else "self-test-<stage>"
        assert f"    {documented} " in page_sections.__doc__, f"document section '{name}' in scripts/page_sections/__init__.py"


QUESTIONS = """questions:
  - question: "Why is a PSI of 0.1 not proof that the model got worse?"
    answer: "PSI measures how far an input moved, not what that did to the predictions or the outcome."
  - question: What does an empty bin do to PSI?
    answer: |-
      The log term is undefined, so a floor value decides the result.
      Report empty bins by name instead of hiding them.
"""


def test_questions_are_folded_on_the_concept_page_and_collected_in_the_stage_self_test(tmp_path, capsys):
    psi = PAGES["concepts/population-stability-index.md"].replace(DEFAULT_QUESTIONS, QUESTIONS)
    self_test = "---\ntitle: Self-test\n---\n\n<!-- generated: self-test-monitoring -->\n<!-- /generated -->\n"
    root = make_repo(tmp_path, {"concepts/population-stability-index.md": psi, "practice/monitoring.md": self_test})
    assert run(root, capsys)[0] == 0
    footer = generated((root / "docs" / "concepts" / "population-stability-index.md").read_text(), "concept-footer")
    assert footer.startswith("\n## Check yourself\n\n??? question \"Why is a PSI of 0.1 not proof that the model got"
                             " worse?\"\n\n    PSI measures how far an input moved")
    assert "??? question \"What does an empty bin do to PSI?\"\n\n    The log term is undefined, so a floor value " \
           "decides the result.\n    Report empty bins by name" in footer
    quiz = generated((root / "docs" / "practice" / "monitoring.md").read_text(), "self-test-monitoring")
    assert quiz.startswith("\n## [Data drift](../concepts/data-drift.md)\n\n??? question")
    assert ("## [Population stability index](../concepts/population-stability-index.md)\n\n"
            "??? question \"Why is a PSI of 0.1 not proof") in quiz


def test_a_question_without_an_answer_is_a_front_matter_error(tmp_path, capsys):
    psi = PAGES["concepts/population-stability-index.md"].replace(
        DEFAULT_QUESTIONS, "questions:\n  - question: What does PSI measure exactly?\n")
    code, out = run(make_repo(tmp_path, {"concepts/population-stability-index.md": psi}), capsys)
    assert code == 1 and "docs/concepts/population-stability-index.md" in out and "questions" in out


FAMILIES = """families:
  - id: recommendation
    title: Recommendation
    summary: Choose which items to show a user from a large catalog.
    framing: rank items by predicted engagement value
    labels: logged engagement on shown items
    offline_metrics: recall@k, nDCG@k
    online_metrics: engagement per user
    baseline: popularity
    strong_model: two-tower retrieval and a multi-task ranker
    serving: online funnel
    pitfall: training only on what the last model showed
"""
CASE = """---
title: Event recommendation
summary: A feed of local events ranked for each user, with registrations as the label and a 48-hour window.
teaches: Ranking with graded labels from a funnel of registrations, saves and clicks.
task_type: learning to rank
ml_category: recommendation
offline_metrics: [nDCG@10]
online_metrics: [registrations per user]
guardrail_metrics: [p99 latency]
serving_mode: online
latency_budget_ms: 200
scale: {users: 10 million daily}
label_source: Registrations within 48 hours of an impression
family: FAMILY
primary_metric: nDCG@10
scale_headline: 1,900 requests/s at peak
key_constraint: events expire within days
---

Text.
"""
MATRIX_PAGE = "---\ntitle: Matrix\n---\n\n<!-- generated: case-matrix -->\n<!-- /generated -->\n"
PLAYBOOK_PAGE = "---\ntitle: Playbook\n---\n\n<!-- generated: family-table -->\n<!-- /generated -->\n"


def family_repo(tmp_path, family="recommendation", families=FAMILIES):
    return make_repo(tmp_path, {"framework/problem-families.yml": families,
                                "cases/event-recommendation/index.md": CASE.replace("FAMILY", family),
                                "cases/matrix.md": MATRIX_PAGE, "framework/playbook.md": PLAYBOOK_PAGE})


def test_the_case_matrix_and_the_playbook_share_the_family_data(tmp_path, capsys):
    root = family_repo(tmp_path)
    assert run(root, capsys)[0] == 0
    matrix = generated((root / "docs" / "cases" / "matrix.md").read_text(), "case-matrix")
    assert ("| [Event recommendation](event-recommendation/index.md) | Recommendation | learning to rank | nDCG@10 | "
            "online | 200 ms | 1,900 requests/s at peak | events expire within days |") in matrix
    playbook = generated((root / "docs" / "framework" / "playbook.md").read_text(), "family-table")
    assert "| [Recommendation](#recommendation) | rank items by predicted engagement value |" in playbook
    assert playbook.count("[Event recommendation](../cases/event-recommendation/index.md)") == 2


def test_a_case_naming_an_unknown_family_is_an_error(tmp_path, capsys):
    code, out = run(family_repo(tmp_path, family="astrology"), capsys)
    assert code == 1
    assert "docs/cases/event-recommendation/index.md:14: family 'astrology' is not in docs/framework/problem-families.yml" in out


def test_a_family_cell_too_long_for_a_table_is_an_error(tmp_path, capsys):
    code, out = run(family_repo(tmp_path, families=FAMILIES.replace("baseline: popularity", "baseline: " + "p" * 120)), capsys)
    assert code == 1 and "docs/framework/problem-families.yml:9: 'baseline' has 120 characters" in out


BANK = """sources:
  - {id: public-bank, citation: "A public question bank, 2024"}
prompts:
  - id: local-events
    prompt: Design recommendations for local events.
    family: recommendation
    source: public-bank
    cases: [event-recommendation]
    concepts: [data-drift]
    different: [events expire, location matters, friends attend together]
    decision: How to rank items that have no history yet.
    questions: ["How many events?", "How far do people travel?", "What counts as success?"]
"""
BANK_PAGE = "---\ntitle: Prompt bank\n---\n\n<!-- generated: prompt-bank -->\n<!-- /generated -->\n"


def bank_repo(tmp_path, bank=BANK):
    root = family_repo(tmp_path)
    for page, text in {"practice/prompt-bank.yml": bank, "practice/prompt-bank.md": BANK_PAGE}.items():
        (root / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / page).write_text(text)
    return root


def test_the_prompt_bank_groups_prompts_by_family_and_links_cases_and_concepts(tmp_path, capsys):
    root = bank_repo(tmp_path)
    assert run(root, capsys)[0] == 0
    page = generated((root / "docs" / "practice" / "prompt-bank.md").read_text(), "prompt-bank")
    assert page.startswith("\n## Recommendation { #recommendation }\n")
    assert "### Design recommendations for local events. { #local-events }" in page
    assert "**Closest cases:** [Event recommendation](../cases/event-recommendation/index.md)" in page
    assert "1. How many events?\n2. How far do people travel?\n3. What counts as success?" in page
    assert "**Concepts:** [Data drift](../concepts/data-drift.md)" in page


@pytest.mark.parametrize("change, message", [
    (("cases: [event-recommendation]", "cases: [ghost-case]"), "docs/practice/prompt-bank.yml:8: case 'ghost-case' does not exist"),
    (("concepts: [data-drift]", "concepts: [ghost]"), "docs/practice/prompt-bank.yml:9: concept 'ghost' does not exist"),
    (("family: recommendation", "family: astrology"), "docs/practice/prompt-bank.yml:6: family 'astrology' is not in"),
    (('questions: ["How many events?", ', "questions: ["), "docs/practice/prompt-bank.yml:12: 'questions' needs exactly 3 items"),
])
def test_a_prompt_pointing_at_nothing_is_an_error(tmp_path, capsys, change, message):
    code, out = run(bank_repo(tmp_path, BANK.replace(*change)), capsys)
    assert code == 1 and message in out, out
