"""The pull-request preview summary: pages added, changed, renamed and deleted, with word counts and the lint result."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import pr_summary  # noqa: E402  (scripts/pr_summary.py)


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def page(title: str, words: int) -> str:
    # Code and front matter are not prose: they must not count.
    return f"---\ntitle: {title}\n---\n\n" + "word " * words + "\n\n```python\nnot = counted\n```\n"


def write(repo, path: str, text: str) -> None:
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "Test")
    write(tmp_path, "docs/index.md", page("Home", 10))
    write(tmp_path, "docs/concepts/data-drift.md", page("Data drift", 100))
    write(tmp_path, "docs/concepts/old-name.md", page("Renamed concept", 50))
    write(tmp_path, "docs/concepts/gone.md", page("Gone", 30))
    write(tmp_path, "scripts/tool.py", "print('not a page')\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "base")
    git(tmp_path, "switch", "--quiet", "-c", "feature")
    write(tmp_path, "docs/concepts/data-drift.md", page("Data drift", 137))
    write(tmp_path, "docs/cases/new-case/index.md", page("A new case | with a pipe", 2600))
    git(tmp_path, "mv", "docs/concepts/old-name.md", "docs/concepts/new-name.md")
    git(tmp_path, "rm", "--quiet", "docs/concepts/gone.md")
    write(tmp_path, "docs/assets/vendor/lib.md", "vendored, not a page\n")
    write(tmp_path, "scripts/tool.py", "print('changed, still not a page')\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "feature")
    return tmp_path


def test_changed_pages_lists_each_page_once_with_its_words(repo):
    changes = {c.path: c for c in pr_summary.changed_pages(repo, "main")}
    assert sorted(changes) == ["docs/cases/new-case/index.md", "docs/concepts/data-drift.md",
                               "docs/concepts/gone.md", "docs/concepts/new-name.md"]
    assert (changes["docs/concepts/data-drift.md"].status, changes["docs/concepts/data-drift.md"].words,
            changes["docs/concepts/data-drift.md"].words_before) == ("changed", 137, 100)
    assert changes["docs/cases/new-case/index.md"].status == "added"
    assert changes["docs/concepts/new-name.md"].old_path == "docs/concepts/old-name.md"
    assert changes["docs/concepts/gone.md"].words is None


def test_summary_is_a_markdown_table_then_the_lint_result(repo, capsys):
    (repo / "lint.log").write_text("docs/concepts/x.md:3: missing section '## Pitfalls'\n")
    assert pr_summary.main(["--base", "main", "--lint", "failure", "--lint-log", str(repo / "lint.log")], repo=repo) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("## Preview of this pull request\n")
    assert "### Pages added or changed (4)" in summary
    rows = [line for line in summary.splitlines() if line.startswith("| ") and "<br>" in line]
    assert rows == [
        "| A new case \\| with a pipe<br>`docs/cases/new-case/index.md` (`cases/new-case/`) | added | 2,600 | +2,600 |",
        "| Data drift<br>`docs/concepts/data-drift.md` (`concepts/data-drift/`) | changed | 137 | +37 |",
        "| Renamed concept<br>`docs/concepts/new-name.md` (`concepts/new-name/`) | renamed from "
        "`docs/concepts/old-name.md` | 50 | 0 |",
        "| Gone<br>`docs/concepts/gone.md` | deleted | – | -30 |",
    ]
    assert "`make lint`: failure" in summary
    assert "```text\ndocs/concepts/x.md:3: missing section '## Pitfalls'\n```" in summary


def test_a_passing_lint_shows_no_log_and_no_pages_says_so(repo, capsys):
    git(repo, "switch", "--quiet", "main")
    pr_summary.main(["--base", "main", "--lint", "success"], repo=repo)
    summary = capsys.readouterr().out
    assert "adds or changes no page under `docs/`" in summary
    assert "`make lint`: passed" in summary and "```text" not in summary


def test_the_merge_base_hides_changes_made_on_the_base_since(repo):
    git(repo, "switch", "--quiet", "main")
    write(repo, "docs/concepts/main-only.md", page("Only on main", 40))
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "main moves on")
    git(repo, "switch", "--quiet", "feature")
    assert "docs/concepts/main-only.md" not in {c.path for c in pr_summary.changed_pages(repo, "main")}


def test_an_unknown_base_is_a_clear_error(repo):
    with pytest.raises(SystemExit, match="pr_summary: git merge-base no-such-branch HEAD failed"):
        pr_summary.changed_pages(repo, "no-such-branch")


def test_a_failed_build_says_there_is_no_preview(repo, capsys):
    pr_summary.main(["--base", "main", "--build", "failure"], repo=repo)
    summary = capsys.readouterr().out
    assert "`make build`: failure, so this run has no preview site" in summary
    assert "artifact **site**" not in summary and "### Lint" not in summary
