"""The external-links rule of the content linter: one fixture per problem, with the exact message."""
from __future__ import annotations

import json

import pytest

from test_lint import GOOD_CONCEPT_BODY, concept_page, lint, repo  # noqa: F401  (repo is a fixture)

PAGE = "docs/concepts/data-drift.md"
ABOUT = "---\ntitle: About\nsummary: Who writes this handbook, how it is licensed and how to contribute.\n---\n\n"


def with_line(text: str) -> str:
    return concept_page(body=GOOD_CONCEPT_BODY + "\n\n" + text + "\n")


LINE = with_line("MARK").splitlines().index("MARK") + 1  # where with_line() puts its text


BAD_LINKS = [
    ("http", "[Paper](http://example.org/paper)",
     "http://example.org/paper is not https (link the https:// address)"),
    ("dx.doi.org", "[Paper](https://dx.doi.org/10.1145/2939672.2939785)",
     "https://dx.doi.org/10.1145/2939672.2939785 is not a canonical DOI link (write https://doi.org/10.1145/2939672.2939785)"),
    ("arXiv pdf", "[Paper](https://arxiv.org/pdf/1706.03762v7.pdf)",
     "https://arxiv.org/pdf/1706.03762v7.pdf is not an arXiv abstract link (write https://arxiv.org/abs/1706.03762: the abstract page, no version, no PDF)"),
    ("arXiv version", "[Paper](https://arxiv.org/abs/1706.03762v2)",
     "https://arxiv.org/abs/1706.03762v2 is not an arXiv abstract link (write https://arxiv.org/abs/1706.03762: the abstract page, no version, no PDF)"),
    ("tracking", "[Post](https://example.org/post?id=3&utm_source=x&fbclid=abc)",
     "https://example.org/post?id=3&utm_source=x&fbclid=abc carries tracking parameters fbclid, utm_source (remove them)"),
    ("autolink", "<http://example.org/raw>",
     "http://example.org/raw is not https (link the https:// address)"),
]


@pytest.mark.parametrize("name, markdown, message", BAD_LINKS, ids=[b[0] for b in BAD_LINKS])
def test_each_bad_link_is_reported_with_file_line_and_fix(repo, name, markdown, message):
    assert f"{PAGE}:{LINE}: {message}" in lint(repo, "concepts/data-drift.md", with_line(markdown))


@pytest.mark.parametrize("markdown", [
    '- A. Author, "[A paper](https://arxiv.org/abs/1706.03762)", NeurIPS, 2017.',
    "[Old-style id](https://arxiv.org/abs/cs/0102003) and [DOI](https://doi.org/10.1145/2939672.2939785)",
    "[Local server](http://127.0.0.1:8000/) and [query](https://example.org/search?q=drift&page=2)",
    "`[in code](http://example.org)` and\n\n```text\n[in a fence](http://example.org)\n```",
])
def test_canonical_links_pass(repo, markdown):
    assert lint(repo, "concepts/data-drift.md", with_line(markdown)) == []


def test_one_url_has_one_link_text_across_the_site(repo):
    (repo / "docs" / "about.md").write_text(ABOUT + "Read [Attention Is All You Need](https://arxiv.org/abs/1706.03762).\n")
    problems = lint(repo, "concepts/data-drift.md", with_line("Read [the transformer paper](https://arxiv.org/abs/1706.03762)."))
    assert problems == [
        f'{PAGE}:{LINE}: https://arxiv.org/abs/1706.03762 is linked as "the transformer paper" here but as '
        '"Attention Is All You Need" at docs/about.md:6 (use one link text for one URL across the site)'
    ]


def test_the_same_text_twice_is_fine(repo):
    link = "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)"
    (repo / "docs" / "about.md").write_text(f"{ABOUT}Read {link}.\n")
    assert lint(repo, "concepts/data-drift.md", with_line(f"Also {link}.")) == []


def test_links_in_notebook_markdown_are_checked(repo):
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "[x](http://example.org)"]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    problems = lint(repo, "notebooks/n.ipynb", json.dumps(notebook))
    assert "docs/notebooks/n.ipynb:1: http://example.org is not https (link the https:// address)" in problems
