"""The content linter: every page checked against the content model of its type.

Each problem is one line, `path:line: what is wrong (how to fix)`, so a contributor can jump to it. The rules are
listed in RULES (and in docs/contributing/style-guide.md); a page's type comes from where it lives.
"""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from . import front_matter, schema
from .backlinks import build as build_link_graph
from .concepts import ConceptErrors, concept_id, load_concepts
from .external_links import external_links, text_conflicts, url_problems
from .front_matter import FrontMatterError
from .links import find_links
from .markdown_text import headings, list_items, prose_lines, sections, word_count
from .problems import Problem

RULES = {
    "front-matter": "front matter matches the JSON Schema of the page type (scripts/content_model/schemas/)",
    "sections": "required H2 sections are present, in order",
    "depth": "minimum length and substance for the page type",
    "placeholder": "no to-do or fix-me markers, dummy Latin filler, a promise of text to come, or text left over from the template",
    "mermaid": "no hand-written Mermaid: diagrams come from diagrams/ through scripts/diagrams.py",
    "alt-text": "every image has alt text",
    "no-h1": "no H1 in the body of a page whose title is in front matter",
    "concept-links": "every link to a concept page points to an existing concept",
    "orphan": "every concept page is linked from at least one chapter, case or other concept",
    "notebook": "notebooks are committed without outputs and start with a title",
    "reviewed": "concept and case pages carry `last_reviewed` (YYYY-MM-DD), the date of their last staff-level "
                "review (every formula and number recomputed, every claim checked), never in the future",
    "external-links": "external links use https, DOIs as `https://doi.org/10.x/...`, arXiv papers as "
                      "`https://arxiv.org/abs/NNNN.NNNNN` (no version, no PDF), no tracking parameters (`utm_*`, "
                      "`fbclid`, `gclid`...), and one URL has one link text across the site",
}

CONCEPT_SECTIONS = ["Definition", "Why it matters in production", "How to …", "Trade-offs", "Pitfalls"]
CONCEPT_OPTIONAL_LAST = ["Further reading"]
CASE_SECTIONS = [
    "The prompt", "1. Clarify requirements", "Back-of-the-envelope estimates", "2. Frame it as an ML task",
    "3. Data preparation", "4. Model development", "5. Evaluation", "6. Deployment and serving",
    "7. Monitoring and iteration", "Interviewer follow-ups", "Pitfalls", "Further reading",
]
CASE_STEPS = [s for s in CASE_SECTIONS if s[0].isdigit()]
STEP_SECTIONS = [
    "What this step decides", "Questions to ask", "Decisions and trade-offs", "Running example",
    "What interviewers look for", "Checklist", "Common mistakes", "Further reading",
]
MIN_WORDS = {"concept": 250, "case": 2500, "framework": 1500}
CASE_MIN = {"diagrams": 2, "concept_links": 15, "follow_ups": 5, "further_reading": 5}
FREE_TEXT_FIELDS = {"title", "summary", "teaches", "label_source"}
# Sections scripts/page_sections/ writes at the end of every concept page.
GENERATED_SECTIONS = {"Used in", "Related concepts", "Notebook", "Check yourself"}
_PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME)\b|lorem ipsum|coming soon", re.I)
_INLINE_CODE = re.compile(r"`[^`]*`")
_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\(|<img(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.I)
_DIAGRAM_MARKER = re.compile(r"^<!-- diagram: \S+ -->\s*$", re.M)
_NUMBER = re.compile(r"\d[\d,.]*")


def page_type(page: str) -> str:
    """The content-model type of a docs-relative page."""
    if page.endswith(".ipynb"):
        return "notebook"
    if concept_id(page):
        return "concept"
    if re.fullmatch(r"cases/[^/]+/index\.md", page):
        return "case"
    if page.startswith("framework/"):
        return "framework"
    return "page"


class Linter:
    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        self.templates = root / "scripts" / "templates"
        self.problems: list[Problem] = []

    def add(self, shown: str, line: int, message: str) -> None:
        self.problems.append(Problem(shown, line, message))

    def run(self, only: list[Path] | None = None) -> list[Problem]:
        pages = sorted(p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*")
                       if p.suffix in (".md", ".ipynb") and "assets" not in p.parts)
        targets = [p for p in pages if only is None or (self.docs / p).resolve() in {o.resolve() for o in only}]
        for page in targets:
            if page.endswith(".ipynb"):
                self.notebook(page)
            else:
                self.markdown_page(page)
        self.site_wide(pages, check_orphans=only is None)
        self.link_texts(pages, set(targets))
        self.diagram_sources()
        return sorted(set(self.problems))

    def diagram_sources(self) -> None:
        sources = [*(self.root / "diagrams").rglob("*.yml"), *self.docs.rglob("estimates.yml")]
        for path in sorted(sources):
            shown = path.relative_to(self.root).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if _PLACEHOLDER.search(line):
                    self.add(shown, number, "placeholder text in a source file (write the real design and figures)")

    # -- every Markdown page -------------------------------------------------------------------------------------
    def markdown_page(self, page: str) -> None:
        shown, kind = f"docs/{page}", page_type(page)
        text = (self.docs / page).read_text(encoding="utf-8")
        try:
            meta, body, first = front_matter.split(text, shown)
        except FrontMatterError as error:
            self.add(shown, error.line, error.message)
            return
        generated = "Generated by scripts/diagrams.py" in body
        schema_name = {"concept": "concept", "case": "case", "framework": "framework"}.get(kind, "page")
        template = {"concept": "scripts/templates/concept.md", "case": "scripts/templates/case.md"}.get(kind, "")
        for message in schema.problems_of(meta, schema_name, text, shown, template):
            path, line, rest = message.split(":", 2)
            self.add(path, int(line), rest.strip())
        lines = prose_lines(body, first)
        for number, line in lines:
            if _PLACEHOLDER.search(_INLINE_CODE.sub("", line)):
                self.add(shown, number, "placeholder text (write the content, or remove the line)")
            if _IMAGE_NO_ALT.search(line):
                self.add(shown, number, "image without alt text (describe the image in the [brackets] or alt=\"\")")
        for link in external_links(body, page, first):
            for message in url_problems(link.url):
                self.add(shown, link.line, message)
        if not generated:
            self.handwritten_mermaid(shown, body, first)
        if kind in ("concept", "case", "framework"):
            for level, number, title in headings(body, first):
                if level == 1:
                    self.add(shown, number, "H1 in the body (the title comes from front matter: make this an H2)")
            self.template_leftovers(shown, kind, lines, meta, text)
        if kind in ("concept", "case"):
            self.review_date(shown, meta, text)
        if kind == "concept":
            self.concept(shown, body, first)
        elif kind == "case":
            self.case(shown, page, body, first)
        elif kind == "framework":
            self.framework(shown, meta, body, first)

    def handwritten_mermaid(self, shown: str, body: str, first: int) -> None:
        in_diagram = False
        for offset, line in enumerate(body.splitlines()):
            if line.startswith("<!-- diagram:"):
                in_diagram = True
            elif line.startswith("<!-- /diagram"):
                in_diagram = False
            elif re.match(r"^\s*(```|~~~)\s*mermaid\b", line) and not in_diagram:
                self.add(shown, first + offset, "hand-written Mermaid (put the diagram in diagrams/ and include it "
                                                "with <!-- diagram: id --> markers; see docs/contributing/diagrams.md)")

    def template_leftovers(self, shown: str, kind: str, lines: list[tuple[int, str]], meta: dict, text: str) -> None:
        template = self.templates / f"{kind}.md"
        if not template.exists():
            return
        template_meta, template_body, _ = front_matter.split(template.read_text(encoding="utf-8"), str(template))
        template_questions = {q["question"] for q in template_meta.get("questions", [])}
        if any(isinstance(q, dict) and q.get("question") in template_questions for q in meta.get("questions") or []):
            self.add(shown, front_matter.key_line(text, "questions"), "a question is still the template's example "
                                                                     "(write this concept's own)")
        for key, value in template_meta.items():
            # Only free-text fields: a category such as task_type may rightly equal the template's example.
            if key in FREE_TEXT_FIELDS and meta.get(key) == value:
                self.add(shown, front_matter.key_line(text, key), f"'{key}' is still the template's example "
                                                                   "(write this page's own)")
        leftovers = {line.strip() for _, line in prose_lines(template_body, 1)
                     if len(line.strip()) > 12 and not line.lstrip().startswith(("#", "<!--", "|", "!!!"))}
        for number, line in lines:
            if line.strip() in leftovers:
                self.add(shown, number, "text left over from the template (replace it with the page's own content)")

    def required_sections(self, shown: str, body: str, first: int, required: list[str], optional_last=()) -> dict:
        found = sections(body, first, 2)
        titles = [s.title for s in found]
        by_title = {s.title: s for s in found}
        position = 0
        for wanted in required:
            matches = [i for i, t in enumerate(titles) if _section_matches(t, wanted)]
            if not matches:
                where = found[min(position, len(found) - 1)].line if found else first
                self.add(shown, where, f"missing section '## {wanted}' (required sections, in order: "
                                       f"{'; '.join(required)})")
                continue
            if matches[0] < position:
                self.add(shown, found[matches[0]].line, f"section '## {titles[matches[0]]}' is out of order "
                                                        f"(required order: {'; '.join(required)})")
            position = max(position, matches[0] + 1)
        # `sections` reads only what a person wrote: the generated ones, between markers, are not in `found`.
        for section in found:
            if section.title in GENERATED_SECTIONS:
                self.add(shown, section.line, f"section '## {section.title}' is written by scripts/generate.py "
                                              "between '<!-- generated: concept-footer -->' and '<!-- /generated -->' "
                                              "(remove this hand-written one)")
        return by_title

    # -- page types ----------------------------------------------------------------------------------------------
    def review_date(self, shown: str, meta: dict, text: str) -> None:
        reviewed = meta.get("last_reviewed")
        line = front_matter.key_line(text, "last_reviewed")
        if reviewed is None:
            self.add(shown, 1, "missing 'last_reviewed': add the date of the page's staff-level review, once every "
                               "formula and number is recomputed and every claim checked (see the style guide)")
            return
        try:
            day = reviewed if isinstance(reviewed, datetime.date) else datetime.date.fromisoformat(str(reviewed))
        except ValueError:
            return  # the front-matter schema already names a malformed date
        if day > datetime.date.today():
            self.add(shown, line, f"last_reviewed {day.isoformat()} is in the future (use the date the review ended)")

    def concept(self, shown: str, body: str, first: int) -> None:
        self.required_sections(shown, body, first, CONCEPT_SECTIONS)
        words = word_count(body)
        if words < MIN_WORDS["concept"]:
            self.add(shown, first, f"{words} words; a concept page needs at least {MIN_WORDS['concept']}")

    def case(self, shown: str, page: str, body: str, first: int) -> None:
        found = self.required_sections(shown, body, first, CASE_SECTIONS)
        words = word_count(body)
        if words < MIN_WORDS["case"]:
            self.add(shown, first, f"{words} words; a case needs at least {MIN_WORDS['case']}")
        diagrams = len(_DIAGRAM_MARKER.findall(body))
        if diagrams < CASE_MIN["diagrams"]:
            self.add(shown, first, f"{diagrams} diagram(s); a case needs at least {CASE_MIN['diagrams']} generated "
                                   f"diagrams (end to end, and training or serving)")
        linked = {concept_id(l.resolved) for l in find_links(body, page, first)} - {None}
        if len(linked) < CASE_MIN["concept_links"]:
            self.add(shown, first, f"{len(linked)} distinct concept links; a case needs at least "
                                   f"{CASE_MIN['concept_links']} (link each concept on first use)")
        prompt = found.get("The prompt")
        if prompt and 'question "Try it first"' not in prompt.text:
            self.add(shown, prompt.line, 'no "Try it first" box in the prompt section (add !!! question "Try it first")')
        for step in CASE_STEPS:
            section = found.get(step)
            if section and not ("**Decision:**" in section.text and "**Rejected:**" in section.text):
                self.add(shown, section.line, f"step '{step}' does not end with '**Decision:** ... **Rejected:** ...'")
        estimates = found.get("Back-of-the-envelope estimates")
        if estimates:
            numbers = len(_NUMBER.findall(estimates.text))
            arithmetic = len(re.findall(r"[=×÷*/≈]|\\times|\\approx", estimates.text))
            if numbers < 10 or arithmetic < 3:
                self.add(shown, estimates.line, "back-of-the-envelope section shows too little arithmetic "
                                                "(give the numbers and each step of the calculation)")
        follow_ups = found.get("Interviewer follow-ups")
        if follow_ups:
            count = sum(1 for _, t in follow_ups.lines if t.startswith("### "))
            if count < CASE_MIN["follow_ups"]:
                self.add(shown, follow_ups.line, f"{count} follow-up questions; a case needs at least "
                                                 f"{CASE_MIN['follow_ups']} (each an ### question with its answer)")
        reading = found.get("Further reading")
        if reading:
            count = len(list_items(reading))
            if count < CASE_MIN["further_reading"]:
                self.add(shown, reading.line, f"{count} further-reading entries; a case needs at least "
                                              f"{CASE_MIN['further_reading']}")

    def framework(self, shown: str, meta: dict, body: str, first: int) -> None:
        part = meta.get("part")
        if part == "step":
            self.required_sections(shown, body, first, STEP_SECTIONS)
            if not _DIAGRAM_MARKER.search(body):
                self.add(shown, first, "a step chapter needs at least one generated diagram")
        else:
            found = sections(body, first, 2)
            if not found or found[-1].title != "Further reading":
                self.add(shown, found[-1].line if found else first, "the chapter must end with '## Further reading'")
        words = word_count(body)
        if words < MIN_WORDS["framework"]:
            self.add(shown, first, f"{words} words; a framework chapter needs at least {MIN_WORDS['framework']}")

    def notebook(self, page: str) -> None:
        shown = f"docs/{page}"
        try:
            notebook = json.loads((self.docs / page).read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            self.add(shown, error.lineno, f"notebook is not valid JSON: {error.msg}")
            return
        cells = notebook.get("cells", [])
        if not cells or cells[0].get("cell_type") != "markdown" or not "".join(cells[0]["source"]).startswith("# "):
            self.add(shown, 1, "a notebook starts with a Markdown cell holding its '# Title'")
        markdown = "\n".join("".join(c.get("source", [])) for c in cells if c.get("cell_type") == "markdown")
        for link in external_links(markdown, page):
            for message in url_problems(link.url):
                self.add(shown, 1, message)  # a cell has no line in the file: point at the notebook
        for index, cell in enumerate(cells, start=1):
            if cell.get("cell_type") == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
                self.add(shown, 1, f"cell {index} has committed outputs (the build executes notebooks: "
                                   f"run `nbstripout {shown}`)")

    # -- across pages ----------------------------------------------------------------------------------------------
    def link_texts(self, pages: list[str], targets: set[str]) -> None:
        """One URL, one link text: read every Markdown page, report the differing uses on the pages linted."""
        links = []
        for page in pages:
            if page.endswith(".md"):
                text = (self.docs / page).read_text(encoding="utf-8")
                try:
                    _, body, first = front_matter.split(text, page)
                except FrontMatterError:
                    continue  # reported by markdown_page
                links += [(f"docs/{page}", link) for link in external_links(body, page, first)]
        for shown, line, message in text_conflicts(links):
            if shown.removeprefix("docs/") in targets:
                self.add(shown, line, message)

    def site_wide(self, pages: list[str], check_orphans: bool) -> None:
        try:
            concepts = load_concepts(self.docs)
        except ConceptErrors as errors:
            for message in errors.problems:
                path, line, rest = message.split(":", 2)
                self.add(path, int(line), rest.strip())
            return
        graph = build_link_graph(self.docs, pages, concepts)
        for message in graph.problems:
            path, line, rest = message.split(":", 2)
            self.add(path, int(line), rest.strip())
        chapters_exist = any(page_type(p) in ("case", "framework") for p in pages)
        if check_orphans and chapters_exist:
            for cid, sources in sorted(graph.backlinks.items()):
                if not sources:
                    self.add(f"docs/{concepts[cid].page}", 1, "orphan concept: no page links here (link it from "
                                                              "the chapters and concepts that use it)")


def _section_matches(title: str, wanted: str) -> bool:
    if wanted.endswith("…"):
        return title.startswith(wanted[:-1].rstrip())
    return title == wanted

