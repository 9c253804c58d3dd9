"""The prompt bank: interview prompts as data (docs/practice/prompt-bank.yml), rendered grouped by problem family.

Each prompt names its closest cases and the concepts it leans on; a name that does not exist is an error with the
file and line, so the bank cannot point a reader at a page that is not there. Adding a prompt is one entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from content_model.links import relative_link
from content_model.problems import Problem
from diagram_pipeline import yaml_lines

BANK_FILE = "practice/prompt-bank.yml"
_PROMPT_KEYS = {"id", "prompt", "family", "source", "cases", "concepts", "different", "decision", "questions"}
_SOURCE_KEYS = {"id", "citation"}


@dataclass(frozen=True)
class Prompt:
    id: str
    prompt: str
    family: str
    source: str
    cases: tuple[str, ...]
    concepts: tuple[str, ...]
    different: tuple[str, ...]
    decision: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Bank:
    sources: dict[str, str]  # id -> citation
    prompts: list[Prompt]


def load_bank(docs_dir: Path, families: set[str], cases: set[str], concepts: set[str]) -> tuple[Bank | None, list[Problem]]:
    path = docs_dir / BANK_FILE
    shown = f"docs/{BANK_FILE}"
    if not path.exists():
        return None, []
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return None, [error.problem]
    if not isinstance(data, dict) or not isinstance(data.get("prompts"), list):
        return None, [Problem(shown, 1, "expected 'sources:' and 'prompts:' lists")]
    problems: list[Problem] = []
    sources = {}
    for item in data.get("sources") or []:
        if _keys(item, _SOURCE_KEYS, shown, "source", problems):
            sources[str(item["id"])] = " ".join(str(item["citation"]).split())
    prompts, seen = [], set()
    for item in data["prompts"]:
        if not _keys(item, _PROMPT_KEYS, shown, "prompt", problems):
            continue
        line = item.line_of
        if item["id"] in seen:
            problems.append(Problem(shown, line("id"), f"prompt id '{item['id']}' is used twice"))
        seen.add(item["id"])
        if item["family"] not in families:
            problems.append(Problem(shown, line("family"), f"family '{item['family']}' is not in "
                                                           "docs/framework/problem-families.yml"))
        if item["source"] not in sources:
            problems.append(Problem(shown, line("source"), f"source '{item['source']}' is not in this file's sources"))
        for slug in item["cases"]:
            if slug not in cases:
                problems.append(Problem(shown, line("cases"), f"case '{slug}' does not exist (no docs/cases/{slug}/index.md)"))
        for concept in item["concepts"]:
            if concept not in concepts:
                problems.append(Problem(shown, line("concepts"), f"concept '{concept}' does not exist "
                                                                 f"(no docs/concepts/{concept}.md)"))
        for key, low, high in (("different", 3, 5), ("questions", 3, 3)):
            if not isinstance(item[key], list) or not low <= len(item[key]) <= high:
                problems.append(Problem(shown, line(key), f"'{key}' needs {low} to {high} items" if low != high
                                        else f"'{key}' needs exactly {low} items"))
        prompts.append(Prompt(str(item["id"]), _one_line(item["prompt"]), str(item["family"]), str(item["source"]),
                              tuple(item["cases"]), tuple(item["concepts"]), tuple(map(_one_line, item["different"])),
                              _one_line(item["decision"]), tuple(map(_one_line, item["questions"]))))
    return Bank(sources, prompts), problems


def _keys(item, allowed: set[str], shown: str, what: str, problems: list[Problem]) -> bool:
    if not isinstance(item, dict):
        problems.append(Problem(shown, getattr(item, "line", 1), f"each {what} must be a mapping"))
        return False
    for key in sorted(set(item) - allowed):
        problems.append(Problem(shown, item.line_of(key), f"unknown key '{key}' in {what} (allowed: {', '.join(sorted(allowed))})"))
    missing = sorted(allowed - set(item))
    for key in missing:
        problems.append(Problem(shown, item.line, f"{what} is missing '{key}'"))
    return not missing


def _one_line(text) -> str:
    return " ".join(str(text).split())


def render(bank: Bank, families: dict, case_titles: dict[str, str], concept_titles: dict[str, str], from_page: str) -> str:
    """The prompts grouped by family (in the playbook's order), each with what is different, the decision that
    matters, the first three questions to ask, and where to read on; then the sources."""
    lines = []
    for family in families.values():
        members = [p for p in bank.prompts if p.family == family.id]
        if not members:
            continue
        playbook = relative_link(from_page, "framework/playbook.md")
        lines += [f"## {family.title} {{ #{family.id} }}", "",
                  f"How this family goes through the seven steps: [playbook]({playbook}#{family.id}).", ""]
        for prompt in members:
            lines += [f"### {prompt.prompt} {{ #{prompt.id} }}", ""]
            if prompt.cases:
                closest = ", ".join(f"[{case_titles.get(slug, slug)}]({relative_link(from_page, f'cases/{slug}/index.md')})"
                                    for slug in prompt.cases)
                lines += [f"**Closest cases:** {closest}", ""]
            lines += ["**What is different:**", ""] + [f"- {item}" for item in prompt.different] + [""]
            lines += [f"**The decision that matters most:** {prompt.decision}", ""]
            lines += ["**Ask first:**", ""] + [f"{n}. {q}" for n, q in enumerate(prompt.questions, start=1)] + [""]
            if prompt.concepts:
                read = ", ".join(f"[{concept_titles.get(c, c)}]({relative_link(from_page, f'concepts/{c}.md')})"
                                 for c in prompt.concepts)
                lines += [f"**Concepts:** {read}", ""]
            lines += [f"*Asked in this form in:* {bank.sources.get(prompt.source, prompt.source)}", ""]
    return "\n".join(lines).rstrip() + "\n"
