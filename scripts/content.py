#!/usr/bin/env python3
"""Maintenance commands for the handbook's pages.

    python scripts/content.py new case <slug> [--title "Title"]     # scaffold a case page and its diagram stubs
    python scripts/content.py new concept <slug> [--title "Title"]  # scaffold a concept page
    python scripts/content.py lint [PATH ...]                       # check pages against the content model

`lint` prints one line per problem, `path:line: what is wrong (how to fix)`, and exits 1 if there is any.
Navigation needs no edit: cases and concepts are added to it from their front matter when the site is built.
A new concept page needs no generated-section markers: `python scripts/generate.py` adds them (scripts/page_sections/).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_model.lint import Linter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "scripts" / "templates"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

DIAGRAM_STUB = """title: TODO {what} of {title}
type: flowchart
direction: LR
# Use components from diagrams/catalog.yml by id, or declare local nodes here.
# The format: docs/contributing/diagrams.md
nodes:
  {slug_id}_model: {{label: "TODO model", kind: model, layer: serving}}
edges:
  - {{from: client, to: {slug_id}_model, label: "request", kind: request}}
"""

ESTIMATES_STUB = """# Back-of-the-envelope for {title}: stated assumptions and the formulas over them (format: scripts/estimates/model.py).
# scripts/generate.py renders this file into the page between the estimates markers, with the arithmetic shown.
assumptions:
  - {{id: requests_per_day, label: TODO requests a day, value: 1e6, unit: 1/day, why: TODO say where this comes from}}
  - {{id: peak_factor, label: Peak over average traffic, value: 2, unit: 1, why: TODO}}
sections:
  - id: traffic
    title: Traffic
    estimates:
      - {{id: peak_rate, label: Peak requests per second, formula: requests_per_day * peak_factor, unit: 1/s}}
      - {{id: peak_rate_second_way, label: TODO the same figure reached another way, formula: requests_per_day * peak_factor, unit: 1/s}}
checks:
  - {{label: TODO, estimate: peak_rate, against: peak_rate_second_way, within: 0.2, why: TODO}}
"""

CASE_DIAGRAMS = (("end-to-end", "end-to-end architecture"), ("training", "training pipeline"),
                 ("serving", "serving path"))


def new_page(kind: str, slug: str, title: str | None, root: Path = ROOT) -> list[Path]:
    if not SLUG.match(slug):
        raise SystemExit(f"slug {slug!r} must be lowercase words joined by hyphens, e.g. delivery-eta")
    title = title or slug.replace("-", " ").capitalize()
    template = (TEMPLATES / f"{kind}.md").read_text(encoding="utf-8")
    template = re.sub(r"^title: .*$", f"title: {title}", template, count=1, flags=re.M)
    if kind == "case":
        page = root / "docs" / "cases" / slug / "index.md"
        template = template.replace("cases/SLUG", f"cases/{slug}")
    else:
        page = root / "docs" / "concepts" / f"{slug}.md"
    if page.exists():
        raise SystemExit(f"{page.relative_to(root)} already exists")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(template, encoding="utf-8")
    created = [page]
    if kind == "case":
        estimates = page.parent / "estimates.yml"
        estimates.write_text(ESTIMATES_STUB.format(title=title), encoding="utf-8")
        created.append(estimates)
        for name, what in CASE_DIAGRAMS:
            diagram = root / "diagrams" / "cases" / slug / f"{name}.yml"
            diagram.parent.mkdir(parents=True, exist_ok=True)
            diagram.write_text(DIAGRAM_STUB.format(what=what, title=title, slug_id=slug.replace("-", "_")),
                               encoding="utf-8")
            created.append(diagram)
    return created


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="scaffold a page from its template")
    new.add_argument("kind", choices=["case", "concept"])
    new.add_argument("slug")
    new.add_argument("--title")
    lint = commands.add_parser("lint", help="check pages against the content model")
    lint.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)

    if args.command == "new":
        created = new_page(args.kind, args.slug, args.title, root)
        for path in created:
            print(f"created {path.relative_to(root)}")
        print(f"next: fill them in, then run `python scripts/content.py lint {created[0].relative_to(root)}` "
              "and `python scripts/generate.py`")
        return 0

    problems = Linter(root).run([p.resolve() for p in args.paths] or None)
    for problem in problems:
        print(problem)
    if problems:
        print(f"lint: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
