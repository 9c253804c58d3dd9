"""Which files under docs/ are pages of the site: the Markdown pages and the notebooks."""
from __future__ import annotations

from pathlib import Path

# Files the site does not publish (mkdocs.yml `exclude_docs`); estimates.yml files are not pages anyway.
NOT_PAGES = {"README.md"}


def docs_pages(docs_dir: Path) -> list[str]:
    """Docs-relative paths of every page, sorted: *.md and *.ipynb outside assets/ and hidden folders."""
    return sorted(
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*")
        if path.suffix in (".md", ".ipynb") and path.is_file() and path.name not in NOT_PAGES
        and not any(part == "assets" or part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )
