"""Page sections a reader sees, made from the content model and written into the Markdown between markers
(scripts/generate.py runs this after the diagrams and the estimates), so every site generator shows them.

    name               what it holds                                             where
    section-cards      a card per part of the handbook, with its page count      index.md
    case-cards         a card per case study                                     index.md, cases/index.md
    case-matrix        the case studies side by side, with their problem family  cases/matrix.md
    family-table       the problem families compared, with the cases of each     framework/playbook.md
    prompt-bank        interview prompts by family, from practice/prompt-bank.yml  practice/prompt-bank.md
    interview-box      a step's minutes and what to say, draw and leave (pacing)  each step chapter
    practice-timer     the pacing as data for the practice timer, and as a table  practice/timer.md
    notebook-list      the notebooks and the concepts each supports              notebooks/index.md
    lint-rules         the linter's rules                                        contributing/style-guide.md
    lint-thresholds    the linter's thresholds per page type                     contributing/style-guide.md
    concepts-by-stage  the concepts grouped by lifecycle stage                   concepts/index.md
    concepts-a-to-z    the concepts and their other names, A to Z                concepts/index.md
    concept-header     stage and other names, under the title                    every concept page
    concept-footer     Check yourself, Notebook, Related concepts, Used in       every concept page
    self-test-<stage>  every check-yourself question of one lifecycle stage      practice/self-tests/<stage>.md

A page asks for a section with `<!-- generated: name -->` and `<!-- /generated -->` (markers.py). Concept pages get
their two sections added when they lack them, the header just after the front matter and the footer at the end, so a
new concept page needs no markers: `python scripts/generate.py` writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from content_model import backlinks
from content_model.cases import Case, CaseErrors, load_cases
from content_model.families import Family, load_families
from content_model.concepts import STAGES, Concept, ConceptErrors, concept_id, load_concepts
from content_model.notebooks import Notebook, read_notebooks
from content_model.pages import docs_pages
from content_model.front_matter import key_line
from estimates.model import load as load_estimates
from content_model.problems import Problem

from . import case_pages, concept_pages, home_page, markers, notebook_index, pacing, prompt_bank, style_guide
from .markers import SectionError

CONCEPT_HEADER, CONCEPT_FOOTER = "concept-header", "concept-footer"


@dataclass
class Site:
    pages: list[str]  # docs-relative, Markdown pages and notebooks
    concepts: dict[str, Concept]
    cases: list[Case]
    notebooks: list[Notebook]
    graph: backlinks.LinkGraph
    families: dict[str, Family]
    bank: prompt_bank.Bank | None = None
    steps: list = ()

    def prompt_bank(self, page: str) -> str:
        if self.bank is None:
            raise SectionError(f"the prompt bank needs docs/{prompt_bank.BANK_FILE}")
        return prompt_bank.render(self.bank, self.families, {c.slug: c.title for c in self.cases},
                                  {cid: c.title for cid, c in self.concepts.items()}, page)

    def concept_of(self, page: str) -> Concept:
        cid = concept_id(page)
        if cid not in self.concepts:
            raise SectionError("concept sections belong on concept pages (docs/concepts/<id>.md) only")
        return self.concepts[cid]


# Section name -> its Markdown on a docs-relative page.
RENDERERS: dict[str, Callable[[Site, str], str]] = {
    "section-cards": lambda site, page: home_page.section_cards(site.pages),
    "case-cards": lambda site, page: case_pages.cards(site.cases, page),
    "case-matrix": lambda site, page: case_pages.matrix(site.cases, page, site.families),
    "family-table": lambda site, page: case_pages.family_tables(site.families, site.cases, page),
    "prompt-bank": lambda site, page: site.prompt_bank(page),
    "interview-box": lambda site, page: pacing.interview_box(site.steps, page),
    "practice-timer": lambda site, page: pacing.timer(site.steps),
    "notebook-list": lambda site, page: notebook_index.table(site.notebooks, site.concepts, page),
    "lint-rules": lambda site, page: style_guide.rules_table(),
    "lint-thresholds": lambda site, page: style_guide.thresholds_table(),
    "concepts-by-stage": lambda site, page: concept_pages.index_by_stage(site.concepts, page),
    "concepts-a-to-z": lambda site, page: concept_pages.index_a_to_z(site.concepts, page),
    CONCEPT_HEADER: lambda site, page: concept_pages.header(site.concept_of(page)),
    CONCEPT_FOOTER: lambda site, page: concept_pages.footer(
        site.concept_of(page), site.concepts, site.graph.backlinks[concept_id(page)], site.graph.titles),
    **{f"self-test-{stage}": (lambda stage: lambda site, page: concept_pages.self_test(site.concepts, stage, page))(stage)
       for stage in STAGES},
}


def load(docs_dir: Path, current_text: Callable[[Path], str]) -> tuple[Site | None, list[Problem]]:
    """The content model the sections are made from, or the problems that prevent reading it."""
    problems: list[str] = []
    try:
        concepts = load_concepts(docs_dir)
    except ConceptErrors as errors:
        concepts, problems = errors.concepts, problems + errors.problems
    try:
        cases = load_cases(docs_dir)
    except CaseErrors as errors:
        cases, problems = [], problems + errors.problems
    if not concepts:
        return None, [Problem.parse(message) for message in problems]
    # With problems, the sections are still planned from the valid records, so `generate.py --only` can write the
    # pages it was asked for; generate.py writes nothing while any problem it reports remains.
    pages = docs_pages(docs_dir)
    # Links in pages that are not concepts are the linter's to report (rule concept-links); they are not uses.
    graph = backlinks.build(docs_dir, pages, concepts, current_text)
    notebooks = read_notebooks(docs_dir) if (docs_dir / "notebooks").is_dir() else []
    families, family_problems = load_families(docs_dir)
    found = [Problem.parse(message) for message in problems] + family_problems
    for case in cases:
        family = case.meta.get("family")
        if family is not None and family not in families:
            text = (docs_dir / case.page).read_text(encoding="utf-8")
            found.append(Problem(f"docs/{case.page}", key_line(text, "family"), f"family '{family}' is not in "
                                 f"docs/framework/problem-families.yml (known: {', '.join(families) or 'none'})"))
    bank, bank_problems = prompt_bank.load_bank(docs_dir, set(families), {c.slug for c in cases}, set(concepts))
    framework_estimates = docs_dir / "framework" / "estimates.yml"
    estimates, estimate_problems = (load_estimates(framework_estimates, docs_dir, docs_dir.parent)
                                    if framework_estimates.exists() else (None, []))
    steps, pacing_problems = pacing.load_pacing(docs_dir, None if estimate_problems else estimates)
    return (Site(pages, concepts, cases, notebooks, graph, families, bank, steps),
            found + bank_problems + pacing_problems)


def plan(root: Path, current_text: Callable[[Path], str]) -> tuple[dict[Path, str], list[Problem]]:
    """Every page with generated sections, with the text it should have; `current_text(path)` gives a page's text
    as earlier generators left it."""
    docs_dir = root / "docs"
    site, problems = load(docs_dir, current_text)
    if site is None:
        return {}, problems
    problems = list(problems)
    wanted = {}
    for page in site.pages:
        if not page.endswith(".md"):
            continue
        path = docs_dir / page
        text = current_text(path)
        if concept_id(page) in site.concepts:
            text = markers.ensure(markers.ensure(text, CONCEPT_HEADER, "top"), CONCEPT_FOOTER, "end")
        filled, found = markers.fill(text, f"docs/{page}", lambda name: RENDERERS[name](site, page), set(RENDERERS))
        problems.extend(found)
        if markers.names(filled):
            wanted[path] = filled
    return wanted, problems
