"""The one clock: every statement of a step's minutes comes from the pace quantities in docs/framework/estimates.yml,
so the overview's table, the interview guide's table, the step chapters' boxes and the practice timer agree."""
from __future__ import annotations

import re

from conftest import ROOT

import diagram_fixtures  # noqa: F401  (puts scripts/ on sys.path)
from estimates.model import load as load_estimates
from page_sections import pacing

DOCS = ROOT / "docs"
_GENERATED = re.compile(r"<!-- generated: [a-z0-9-]+ -->.*?<!-- /generated -->", re.S)
_VALUE = re.compile(r"<!-- value: [^>]+ -->.*?<!-- /value -->")
_DIAGRAM = re.compile(r"<!-- diagram: [^>]+ -->.*?<!-- /diagram -->", re.S)
_MINUTES = re.compile(r"\b(\d+)\s*(?:-|to)?\s*(\d+)?\s*min(?:utes?)?\b")


def steps():
    estimates, problems = load_estimates(DOCS / "framework" / "estimates.yml", DOCS, ROOT)
    assert not problems, problems
    found, problems = pacing.load_pacing(DOCS, estimates)
    assert not problems, problems
    return found


def test_the_steps_fill_each_interview_exactly():
    found = steps()
    assert [s.number for s in found] == list(range(1, 8))
    for length in pacing.LENGTHS:
        assert sum(s.minutes[length] for s in found) == length


def test_no_page_or_diagram_types_a_step_minute_by_hand():
    """Outside generated text, a line that names a step by number and gives minutes must give that step's minutes."""
    found = steps()
    # The pages that talk about the interview clock; a case's "step 6" is a step of its own pipeline.
    sources = [DOCS / "index.md", *(DOCS / "framework").rglob("*.md"), *(DOCS / "practice").rglob("*.md"),
               *(ROOT / "diagrams" / "framework").rglob("*.yml"), *(ROOT / "diagrams" / "home").rglob("*.yml")]
    offenders = []
    for path in sources:
        text = _DIAGRAM.sub("", _GENERATED.sub("", _VALUE.sub("", path.read_text(encoding="utf-8"))))
        for number, line in enumerate(text.splitlines(), start=1):
            for step in found:
                # A statement about pacing names the step by number: "3. Data preparation" or "step 3".
                named = f"{step.number}. {step.title}".lower() in line.lower() or f"step {step.number}" in line.lower()
                if not named:
                    continue
                for match in _MINUTES.finditer(line):
                    stated = {int(match[1])} | ({int(match[2])} if match[2] else set())
                    if not stated <= set(step.minutes.values()):
                        offenders.append(f"{path.relative_to(ROOT)}:{number}: '{match[0]}' for step {step.number}")
    assert not offenders, "minutes typed by hand that disagree with docs/framework/estimates.yml:\n" + "\n".join(offenders)


def test_each_step_chapter_has_its_interview_box():
    for step in steps():
        text = (DOCS / step.chapter).read_text(encoding="utf-8")
        assert f'!!! abstract "In the interview: {step.minutes[45]} of 45 minutes"' in text, step.chapter
