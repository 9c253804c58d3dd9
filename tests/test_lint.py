"""The content linter: one fixture per rule with the exact message, the scaffold's failing report, and the real docs."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import content as content_cli  # noqa: E402  (scripts/content.py)
from content_model.lint import Linter  # noqa: E402

GOOD_CONCEPT_BODY = "\n\n".join([
    "## Definition", "Words " * 60,
    "## Why it matters in production", "Words " * 60,
    "## How to detect it", "Words " * 60 + "See [the other](other.md).",
    "## Trade-offs", "Words " * 60,
    "## Pitfalls", "- Words " + "words " * 20,
])


QUESTIONS = ("questions:\n"
             "  - question: \"Why can a stable model still be hurt by this?\"\n"
             "    answer: \"Because the inputs move while the model stays fixed, so its errors grow unseen.\"\n"
             "  - question: \"What would you alert on first?\"\n"
             "    answer: \"The inputs the model weighs most, per slice, with thresholds from past weeks.\"\n")


def concept_page(front: str = "", body: str = GOOD_CONCEPT_BODY, title: str = "Data drift", related: str = "other") -> str:
    front = front or (f"title: {title}\naliases: [dataset shift]\nsummary: A change in the distribution of inputs "
                      f"or labels that a model sees after training.\nstage: monitoring\nrelated: [{related}]\n"
                      + QUESTIONS + "last_reviewed: 2026-12-01")
    return f"---\n{front}\n---\n\n{body}\n"


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "docs" / "concepts").mkdir(parents=True)
    (tmp_path / "diagrams").mkdir()
    shutil.copytree(ROOT / "scripts" / "templates", tmp_path / "scripts" / "templates")
    (tmp_path / "docs" / "concepts" / "other.md").write_text(
        concept_page(title="Other concept", related="data-drift").replace("dataset shift", "another name")
        .replace("See [the other](other.md).", "See [drift](data-drift.md)."))
    return tmp_path


def lint(repo, page: str, text: str) -> list[str]:
    path = repo / "docs" / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return [str(p) for p in Linter(repo).run()]


def test_review_date_is_required_and_not_in_the_future(repo):
    reviewed = concept_page().replace("last_reviewed: 2026-12-01", "last_reviewed: 2999-01-01")
    assert "docs/concepts/data-drift.md:12: last_reviewed 2999-01-01 is in the future" in " ".join(
        lint(repo, "concepts/data-drift.md", reviewed))
    assert any("missing 'last_reviewed'" in p for p in lint(repo, "concepts/data-drift.md", concept_page().replace("\nlast_reviewed: 2026-12-01", "")))
    malformed = concept_page().replace("last_reviewed: 2026-12-01", "last_reviewed: last week")
    assert any("'last_reviewed' 'last week' does not match" in p for p in lint(repo, "concepts/data-drift.md", malformed))


def test_a_good_concept_passes(repo):
    assert lint(repo, "concepts/data-drift.md", concept_page()) == []


RULES = [
    ("front-matter: missing field",
     concept_page().replace("stage: monitoring\n", ""),
     "docs/concepts/data-drift.md:1: missing front matter field 'stage' (see scripts/templates/concept.md)"),
    ("front-matter: wrong value",
     concept_page().replace("stage: monitoring", "stage: cooking"),
     "docs/concepts/data-drift.md:5: 'stage' must be one of: framing, data, features, modeling, evaluation, serving, monitoring (got 'cooking') (see scripts/templates/concept.md)"),
    ("sections: missing",
     concept_page(body=GOOD_CONCEPT_BODY.replace("## Trade-offs", "## Costs")),
     "docs/concepts/data-drift.md:27: missing section '## Trade-offs' (required sections, in order: Definition; Why it matters in production; How to …; Trade-offs; Pitfalls)"),
    ("sections: generated section written by hand",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\n## Used in\n\n- Somewhere\n"),
     "docs/concepts/data-drift.md:35: section '## Used in' is written by scripts/generate.py between "
     "'<!-- generated: concept-footer -->' and '<!-- /generated -->' (remove this hand-written one)"),
    ("depth: too short",
     concept_page(body="## Definition\n\nShort.\n\n## Why it matters in production\n\nx\n\n## How to detect it\n\n[o](other.md)\n\n## Trade-offs\n\nx\n\n## Pitfalls\n\n- x\n"),
     "docs/concepts/data-drift.md:14: 17 words; a concept page needs at least 250"),
    ("placeholder",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\nTODO: add an example.\n"),
     "docs/concepts/data-drift.md:35: placeholder text (write the content, or remove the line)"),
    ("mermaid",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\n```mermaid\nflowchart LR\n  a --> b\n```\n"),
     "docs/concepts/data-drift.md:35: hand-written Mermaid (put the diagram in diagrams/ and include it with <!-- diagram: id --> markers; see docs/contributing/diagrams.md)"),
    ("alt-text",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\n![](chart.png)\n"),
     "docs/concepts/data-drift.md:35: image without alt text (describe the image in the [brackets] or alt=\"\")"),
    ("no-h1",
     concept_page(body="# Data drift\n\n" + GOOD_CONCEPT_BODY),
     "docs/concepts/data-drift.md:15: H1 in the body (the title comes from front matter: make this an H2)"),
    ("concept-links",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\nSee [ghost](ghost.md).\n"),
     "docs/concepts/data-drift.md:35: link to concept 'ghost', but docs/concepts/ghost.md does not exist"),
    ("related id",
     concept_page(related="ghost"),
     "docs/concepts/data-drift.md:6: related concept 'ghost' does not exist (no docs/concepts/ghost.md)"),
    ("template leftover",
     concept_page(body=GOOD_CONCEPT_BODY + "\n\n- A mistake teams make, and why it hurts.\n"),
     "docs/concepts/data-drift.md:35: text left over from the template (replace it with the page's own content)"),
]


@pytest.mark.parametrize("rule, text, expected", RULES, ids=[r[0] for r in RULES])
def test_each_rule_reports_file_line_and_fix(repo, rule, text, expected):
    assert expected in lint(repo, "concepts/data-drift.md", text)


def test_orphan_concept_is_reported_once_chapters_exist(repo):
    (repo / "docs" / "framework").mkdir()
    (repo / "docs" / "framework" / "x.md").write_text("---\ntitle: X\nsummary: A chapter that links no concept at all.\npart: overview\n---\n\n## Further reading\n\n- A.\n")
    problems = lint(repo, "concepts/data-drift.md", concept_page().replace("See [the other](other.md).", ""))
    assert "docs/concepts/other.md:1: orphan concept: no page links here (link it from the chapters and concepts that use it)" in problems


def test_notebook_with_outputs_is_reported(repo):
    import json
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
                          {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [], "source": ["1"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    problems = lint(repo, "notebooks/n.ipynb", json.dumps(notebook))
    assert any("docs/notebooks/n.ipynb:1: cell 2 has committed outputs" in p for p in problems)


def test_scaffolded_case_fails_naming_each_missing_part(repo, capsys):
    assert content_cli.main(["new", "case", "delivery-eta", "--title", "Delivery time estimation"], root=repo) == 0
    assert (repo / "docs/cases/delivery-eta/index.md").exists()
    assert (repo / "diagrams/cases/delivery-eta/end-to-end.yml").exists()
    capsys.readouterr()
    assert content_cli.main(["lint"], root=repo) == 1
    out = capsys.readouterr().out
    page = "docs/cases/delivery-eta/index.md"
    for expected in [
        f"{page}:3: 'summary' is still the template's example",
        f"{page}:4: 'teaches' is still the template's example",
        "words; a case needs at least 2500",
        "distinct concept links; a case needs at least 15",
        "back-of-the-envelope section shows too little arithmetic",
        "follow-up questions; a case needs at least 5",
        "further-reading entries; a case needs at least 5",
        "text left over from the template",
        "diagrams/cases/delivery-eta/end-to-end.yml:1: placeholder text in a source file",
    ]:
        assert expected in out, f"missing: {expected}\n{out}"


def test_new_refuses_a_bad_slug_and_an_existing_page(repo):
    with pytest.raises(SystemExit, match="lowercase words joined by hyphens"):
        content_cli.main(["new", "concept", "Bad Slug"], root=repo)
    with pytest.raises(SystemExit, match="already exists"):
        content_cli.main(["new", "concept", "other"], root=repo)


def test_the_whole_docs_tree_passes_lint():
    result = subprocess.run([sys.executable, "scripts/content.py", "lint"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_scaffolded_concept_names_its_template_questions(repo, capsys):
    assert content_cli.main(["new", "concept", "label-smoothing"], root=repo) == 0
    problems = [str(p) for p in Linter(repo).run()]
    assert any("docs/concepts/label-smoothing.md:" in p and "a question is still the template's example" in p
               for p in problems), problems
