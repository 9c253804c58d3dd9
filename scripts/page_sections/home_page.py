"""The home page's "What is inside" grid, generated from the pages that exist, so it never links to a missing one."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    folder: str  # top-level folder under docs/
    icon: str
    title: str
    pitch: str
    noun: str  # what the section's pages are, for the count


SECTIONS = (
    Section("framework", ":material-stairs:", "The method", "The seven steps and the cross-cutting concerns", "chapter"),
    Section("cases", ":material-briefcase-outline:", "Case studies", "Worked designs that apply the seven steps", "case"),
    Section("concepts", ":material-lightbulb-on-outline:", "Concepts",
            "One page per idea, linked from every chapter that uses it", "concept"),
    Section("notebooks", ":material-notebook-outline:", "Notebooks",
            "Code the build executes, so every number is computed", "notebook"),
)
# Landing and listing pages inside a section, which are not counted as its members.
LISTING_PAGES = {"cases/matrix.md", "concepts/map.md"}


def section_cards(pages: list[str]) -> str:
    """Markdown for a card per section that has pages; `pages` are docs-relative paths (src_uri)."""
    cards = []
    for section in SECTIONS:
        members = [p for p in pages if p.startswith(section.folder + "/")]
        landing = f"{section.folder}/index.md"
        if not members or landing not in members:
            continue
        count = len([p for p in members if p != landing and p not in LISTING_PAGES])
        cards.append(
            f"- {section.icon} **[{section.title}]({landing})**\n\n    ---\n\n"
            f"    {section.pitch}: {count} {section.noun}{'s' if count != 1 else ''}.\n"
        )
    if not cards:
        return ""
    return '<div class="grid cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"
