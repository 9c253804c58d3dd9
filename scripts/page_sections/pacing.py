"""The one clock: the minutes per step of an interview (pace quantities in docs/framework/estimates.yml) and what to
say, draw and leave for later in each (docs/framework/pacing.yml), rendered as the "In the interview" box on each step
chapter and as the data of the practice timer."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from content_model.problems import Problem
from diagram_pipeline import yaml_lines

PACING_FILE = "framework/pacing.yml"
LENGTHS = (45, 60)
_KEYS = {"step", "title", "chapter", "minutes_45", "minutes_60", "say", "draw", "later"}


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    chapter: str  # docs-relative
    minutes: dict[int, int]  # interview length -> minutes of this step
    say: str
    draw: str
    later: str


def load_pacing(docs_dir: Path, framework_estimates) -> tuple[list[Step], list[Problem]]:
    """The steps with their minutes read from the framework's estimates; problems name file and line."""
    path, shown = docs_dir / PACING_FILE, f"docs/{PACING_FILE}"
    if not path.exists():
        return [], []
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return [], [error.problem]
    quantities = framework_estimates.quantities if framework_estimates else {}
    steps, problems = [], []
    for item in (data or {}).get("steps") or []:
        missing = sorted(_KEYS - set(item))
        for key in sorted(set(item) - _KEYS):
            problems.append(Problem(shown, item.line_of(key), f"unknown key '{key}' (allowed: {', '.join(sorted(_KEYS))})"))
        if missing:
            problems.append(Problem(shown, item.line, f"step is missing {', '.join(missing)}"))
            continue
        minutes = {}
        for length in LENGTHS:
            key = f"minutes_{length}"
            quantity = quantities.get(str(item[key]))
            if quantity is None or quantity.unit_text != "min":
                problems.append(Problem(shown, item.line_of(key), f"'{item[key]}' is not a quantity in minutes in "
                                                                  "docs/framework/estimates.yml"))
                continue
            minutes[length] = round(quantity.shown)
        if len(minutes) < len(LENGTHS):
            continue  # reported above; a step without its minutes cannot be drawn
        if not (docs_dir / str(item["chapter"])).exists():
            problems.append(Problem(shown, item.line_of("chapter"), f"chapter docs/{item['chapter']} does not exist"))
        steps.append(Step(int(item["step"]), str(item["title"]), str(item["chapter"]), minutes,
                          *(" ".join(str(item[key]).split()) for key in ("say", "draw", "later"))))
    for length in LENGTHS:
        total = sum(step.minutes.get(length, 0) for step in steps)
        if steps and total != length:
            problems.append(Problem(shown, 1, f"the steps' minutes add up to {total}, not {length}"))
    if [s.number for s in steps] != list(range(1, len(steps) + 1)):
        problems.append(Problem(shown, 1, "steps must be numbered 1, 2, 3, ... in order"))
    return steps, problems


def interview_box(steps: list[Step], page: str) -> str:
    """The box at the top of a step chapter: its minutes in a 45- and a 60-minute interview, and what to cover."""
    step = next((s for s in steps if s.chapter == page), None)
    if step is None:
        from .markers import SectionError
        raise SectionError(f"no step in docs/{PACING_FILE} has chapter {page}")
    start = sum(s.minutes[45] for s in steps if s.number < step.number)
    return "\n".join([
        f'!!! abstract "In the interview: {step.minutes[45]} of 45 minutes"',
        "",
        f"    Minutes {start} to {start + step.minutes[45]} of a 45-minute interview "
        f"({step.minutes[60]} minutes of a 60-minute one).",
        "",
        f"    - **Say:** {step.say}.",
        f"    - **Draw:** {step.draw}.",
        f"    - **Leave for later:** {step.later}.",
        "",
    ])


def timer(steps: list[Step]) -> str:
    """The practice timer's markup: the plan as data for docs/javascripts/practice-timer.js, and a plain table that
    is the whole content when JavaScript is off."""
    plan = {str(length): [{"step": s.number, "title": s.title, "minutes": s.minutes[length]} for s in steps]
            for length in LENGTHS}
    rows = ["| Step | 45-minute interview | 60-minute interview |", "| --- | --- | --- |"]
    rows += [f"| {s.number}. {s.title} | {s.minutes[45]} min | {s.minutes[60]} min |" for s in steps]
    data = html.escape(json.dumps(plan, separators=(",", ":")), quote=True)
    return f'<div class="hb-timer" data-plan="{data}"></div>\n\n' + "\n".join(rows) + "\n"
