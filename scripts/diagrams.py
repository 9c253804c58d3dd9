#!/usr/bin/env python3
"""Generate and check the handbook's architecture diagrams.

    python scripts/diagrams.py generate   # write the Mermaid into every page that includes a diagram
    python scripts/diagrams.py check      # exit 1 naming each invalid source or stale page; write nothing

Sources: diagrams/catalog.yml (shared components) and diagrams/<group>/<name>.yml (one per diagram).
Generated: the block between `<!-- diagram: group/name -->` and `<!-- /diagram -->` in docs/**/*.md, plus the
legend and component index pages under docs/components/. Nothing is written if any source or page is invalid.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_model.concepts import ConceptErrors, load_concepts  # noqa: E402
from diagram_pipeline import concept_map, pages, reference_pages, source  # noqa: E402
from diagram_pipeline.errors import Problem  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEGEND_PAGE = "docs/components/legend.md"
INDEX_PAGE = "docs/components/index.md"
GENERATED_PAGES = (LEGEND_PAGE, INDEX_PAGE)


def plan(root: Path) -> tuple[dict[Path, str], list[Problem]]:
    """Every file the generator owns, with the content it should have; or the problems that prevent it."""
    diagrams_dir, docs_dir = root / "diagrams", root / "docs"
    catalog, diagrams, problems = source.load_all(diagrams_dir, root)
    try:
        diagrams.update(concept_map.concept_maps(load_concepts(docs_dir)))
    except ConceptErrors as errors:
        problems.extend(Problem.parse(line) for line in errors.problems)

    page_paths = sorted(p for p in docs_dir.rglob("*.md") if p.relative_to(root).as_posix() not in GENERATED_PAGES)
    scanned = []
    for path in page_paths:
        page, found = pages.scan(path, root)
        scanned.append(page)
        problems.extend(found)

    includes = [include for page in scanned for include in page.includes]
    known_ids = set(diagrams) | _source_ids(diagrams_dir)
    for include in includes:
        if include.diagram_id not in known_ids:
            problems.append(Problem(include.page, include.line,
                                    f"includes diagram '{include.diagram_id}', but diagrams/{include.diagram_id}.yml does not exist"))
    included = {include.diagram_id for include in includes}
    for diagram in diagrams.values():
        if diagram.id not in included:
            problems.append(Problem(diagram.path, 1, f"diagram '{diagram.id}' is not included by any page "
                                    f"(add '<!-- diagram: {diagram.id} -->' and '<!-- /diagram -->' to a page, or delete it)"))
    catalog_file = f"diagrams/{source.CATALOG_FILE}"
    for component in catalog.values():
        if component.concept and not (docs_dir / "concepts" / f"{component.concept}.md").exists():
            problems.append(Problem(catalog_file, component.concept_line, f"component '{component.id}' names concept "
                                    f"'{component.concept}', but docs/concepts/{component.concept}.md does not exist"))
    # Pages whose diagrams are all valid are planned even when another source has problems, so a contributor
    # working on one page (`generate.py --only`) is not blocked by a broken diagram elsewhere; callers still
    # write nothing while any problem they care about remains.
    wanted = {page.path: pages.fill(page, diagrams) for page in scanned
              if page.includes and all(include.diagram_id in diagrams for include in page.includes)}
    if problems:
        return wanted, problems
    titles = reference_pages.read_titles(page_paths, root)
    wanted[root / LEGEND_PAGE] = reference_pages.legend()
    wanted[root / INDEX_PAGE] = reference_pages.component_index(catalog, diagrams, includes, titles, INDEX_PAGE)
    return wanted, []


def _source_ids(diagrams_dir: Path) -> set[str]:
    # A page that includes a diagram whose source has errors is reported through those errors, not as "missing".
    return {p.relative_to(diagrams_dir).with_suffix("").as_posix() for p in diagrams_dir.rglob("*.yml")}


def stale_files(wanted: dict[Path, str]) -> list[Path]:
    return [path for path, text in wanted.items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["generate", "check"])
    args = parser.parse_args(argv)

    wanted, problems = plan(root)
    if problems:
        for problem in sorted(set(problems)):
            print(problem, file=sys.stderr)
        print(f"diagrams: {len(set(problems))} problem(s); nothing was written", file=sys.stderr)
        return 1

    stale = stale_files(wanted)
    if args.command == "check":
        for path in stale:
            print(f"{path.relative_to(root)}:1: generated diagrams are stale (run: python scripts/diagrams.py generate)",
                  file=sys.stderr)
        return 1 if stale else 0

    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(wanted[path], encoding="utf-8")
    print(f"diagrams: {len(wanted)} file(s) checked, {len(stale)} written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
