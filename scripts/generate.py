#!/usr/bin/env python3
"""Write every generated part of the handbook as Markdown, before any site generator runs.

    python scripts/generate.py           # bring every generated block and page up to date
    python scripts/generate.py --check   # write nothing; exit 1 naming each stale file or invalid source

Generated content lives in the committed Markdown (between marker comments, or as whole pages), so MkDocs, Zensical
or GitHub's own renderer show the same text, and a reviewer sees generated changes in the diff. Generators, in order:
  diagrams   diagrams/**/*.yml -> Mermaid in pages, the legend and component index (scripts/diagrams.py)
  estimates  docs/**/estimates.yml -> back-of-the-envelope blocks and inline values (scripts/estimates/)
  sections   front matter, notebooks and links -> case matrix and cards, concept index, each concept's header and
             "Used in", notebook list, lint rules (scripts/page_sections/)
Nothing is written if any generator finds a problem.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import estimates  # noqa: E402
import page_sections  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _diagrams():
    # Loaded by path: the name "diagrams" is also the diagram sources folder at the repository root.
    spec = importlib.util.spec_from_file_location("diagrams_cli", Path(__file__).with_name("diagrams.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def plan(root: Path) -> tuple[dict[Path, str], list]:
    """Every generated file with the content it should have, and the problems found; write nothing if any."""
    wanted, problems = _diagrams().plan(root)

    def current_text(path: Path) -> str:
        return wanted[path] if path in wanted else path.read_text(encoding="utf-8")

    for generator in (estimates, page_sections):
        filled, found = generator.plan(root, current_text)
        wanted.update(filled)
        problems = problems + found
    return wanted, problems


def stale_files(wanted: dict[Path, str]) -> list[Path]:
    return [path for path, text in sorted(wanted.items())
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything is stale or invalid")
    parser.add_argument("--only", nargs="+", metavar="FOLDER", type=Path,
                        help="consider only files under these folders (while editing one page and its sources)")
    args = parser.parse_args(argv)

    wanted, problems = plan(root)
    if args.only:
        folders = [(root / folder).resolve() for folder in args.only]
        inside = lambda path: any(path.resolve().is_relative_to(folder) for folder in folders)  # noqa: E731
        problems = [p for p in problems if inside(root / p.path)]
        wanted = {path: text for path, text in wanted.items() if inside(path)}
    if problems:
        for problem in sorted(set(problems)):
            print(problem, file=sys.stderr)
        print(f"generate: {len(set(problems))} problem(s); nothing was written", file=sys.stderr)
        return 1
    stale = stale_files(wanted)
    if args.check:
        for path in stale:
            print(f"{path.relative_to(root)}:1: generated content is stale (run: python scripts/generate.py)",
                  file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
    print(f"generate: {len(wanted)} file(s) checked, {len(stale)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
