#!/usr/bin/env python3
"""Write the Markdown summary of a pull request's preview: the pages it adds or changes, and the lint result.

    python scripts/pr_summary.py --base origin/main                      # summary of HEAD against main
    python scripts/pr_summary.py --base "$BASE_SHA" --build success --lint failure --lint-log lint.log

Pages are the Markdown files and notebooks under docs/ (not docs/assets/), compared between the merge base of
--base and HEAD with `git diff --name-status`, so a base branch that moved on does not show its own changes.
Word counts are prose words, as the content linter counts them (no code, no generated diagram blocks).
"""
from __future__ import annotations

import argparse
import json
import posixpath
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_model import front_matter  # noqa: E402
from content_model.markdown_text import word_count  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STATUS_NAMES = {"A": "added", "M": "changed", "R": "renamed", "C": "copied", "D": "deleted", "T": "changed"}
LOG_TAIL_LINES = 40  # enough to show the failing lint messages without burying the page table


@dataclass(frozen=True)
class PageChange:
    status: str  # one of STATUS_NAMES' values
    path: str  # repository-relative, as in the head commit (the old path for a deleted page)
    old_path: str | None  # the path in the base, for renames and copies
    title: str
    words: int | None  # None for a deleted page
    words_before: int | None  # None for an added page


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"pr_summary: git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def is_page(path: str) -> bool:
    return (path.startswith("docs/") and not path.startswith("docs/assets/")
            and path.endswith((".md", ".ipynb")))


def page_text(path: str, source: str) -> tuple[str, int]:
    """(title, prose words) of a Markdown page or a notebook, given its text."""
    if path.endswith(".ipynb"):
        try:
            cells = json.loads(source).get("cells", [])
        except json.JSONDecodeError:
            return posixpath.basename(path), 0
        markdown = "\n\n".join("".join(c.get("source", [])) for c in cells if c.get("cell_type") == "markdown")
        first = markdown.lstrip().splitlines()[:1]
        title = first[0].lstrip("# ").strip() if first and first[0].startswith("#") else posixpath.basename(path)
        return title, word_count(markdown)
    try:
        meta, body, _ = front_matter.split(source, path)
    except front_matter.FrontMatterError:
        meta, body = {}, source
    title = str(meta.get("title") or posixpath.basename(path))
    return title, word_count(body)


def changed_pages(repo: Path, base: str) -> list[PageChange]:
    merge_base = git(repo, "merge-base", base, "HEAD").strip()
    changes = []
    for line in git(repo, "diff", "--name-status", "-M", merge_base, "HEAD").splitlines():
        fields = line.split("\t")
        code, paths = fields[0][0], fields[1:]
        old_path, path = (paths[0], paths[1]) if code in "RC" else (None, paths[0])
        if not is_page(path) and not (old_path and is_page(old_path)):
            continue
        before = git(repo, "show", f"{merge_base}:{old_path or path}") if code != "A" else None
        after = git(repo, "show", f"HEAD:{path}") if code != "D" else None
        title, words = page_text(path, after) if after is not None else (None, None)
        title_before, words_before = page_text(old_path or path, before) if before is not None else (None, None)
        changes.append(PageChange(STATUS_NAMES.get(code, "changed"), path, old_path,
                                  title or title_before, words, words_before))
    return sorted(changes, key=lambda c: (c.status == "deleted", c.path))


def site_path(path: str) -> str:
    """Where a docs page is published: docs/concepts/x.md -> concepts/x/, docs/cases/a/index.md -> cases/a/."""
    relative = path.removeprefix("docs/").rsplit(".", 1)[0]
    if relative == "index":
        return ""
    if relative.endswith("/index"):
        return relative.removesuffix("index")
    return relative + "/"


def word_change(change: PageChange) -> str:
    difference = (change.words or 0) - (change.words_before or 0)
    return f"{difference:+,}" if difference else "0"


def render(changes: list[PageChange], lint: str | None, lint_log: str | None, build: str = "success") -> str:
    out = ["## Preview of this pull request", ""]
    if build == "success":
        out += ["The built site is attached to this run as the artifact **site**: download it, unzip it, and run "
                "`python -m http.server -d site` to browse it.", ""]
    else:
        out += [f"`make build`: {build}, so this run has no preview site (the Build step's log says why).", ""]
    if changes:
        out += [f"### Pages added or changed ({len(changes)})", "",
                "| Page | Status | Words | Change |", "| --- | --- | ---: | ---: |"]
        for change in changes:
            where = f"`{change.path}`" + (f" (`{site_path(change.path)}`)" if change.status != "deleted" else "")
            status = f"{change.status} from `{change.old_path}`" if change.old_path else change.status
            words = f"{change.words:,}" if change.words is not None else "–"
            title = change.title.replace("|", "\\|")  # a pipe would end the table cell
            out.append(f"| {title}<br>{where} | {status} | {words} | {word_change(change)} |")
    else:
        out.append("This pull request adds or changes no page under `docs/`.")
    out.append("")
    if lint is not None:
        passed = lint == "success"
        out += ["### Lint", "", f"`make lint`: {'passed' if passed else lint}", ""]
        if not passed and lint_log:
            tail = lint_log.rstrip().splitlines()[-LOG_TAIL_LINES:]
            out += ["```text", *tail, "```", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None, repo: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the branch or commit the pull request merges into")
    parser.add_argument("--build", default="success", help="outcome of `make build` (success unless told)")
    parser.add_argument("--lint", help="outcome of `make lint` (success, failure, ...); omit to leave it out")
    parser.add_argument("--lint-log", type=Path, help="the output of `make lint`, shown when it did not pass")
    args = parser.parse_args(argv)
    log = args.lint_log.read_text(encoding="utf-8", errors="replace") if args.lint_log and args.lint_log.exists() else None
    print(render(changed_pages(repo, args.base), args.lint, log, args.build))
    return 0


if __name__ == "__main__":
    sys.exit(main())
