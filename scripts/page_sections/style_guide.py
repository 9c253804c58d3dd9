"""The style guide's CI tier, written from the linter's own rule table so the page and the checks cannot disagree."""
from __future__ import annotations

from content_model import lint


def rules_table() -> str:
    rows = [f"| `{name}` | {description} |" for name, description in lint.RULES.items()]
    return "\n".join(["| Rule | What it checks |", "| --- | --- |", *rows])


def thresholds_table() -> str:
    rows = [
        f"| Concept | at least {lint.MIN_WORDS['concept']} words; sections: {'; '.join(lint.CONCEPT_SECTIONS)} |",
        f"| Case study | {lint.MIN_WORDS['case']} words or more; {lint.CASE_MIN['diagrams']} generated diagrams; "
        f"{lint.CASE_MIN['concept_links']} distinct concept links; {lint.CASE_MIN['follow_ups']} follow-ups; "
        f"{lint.CASE_MIN['further_reading']} further-reading entries; a back-of-the-envelope section with its arithmetic; "
        f"each step ending with a decision and a rejected alternative; sections: {'; '.join(lint.CASE_SECTIONS)} |",
        f"| Framework step chapter | at least {lint.MIN_WORDS['framework']} words and one generated diagram; "
        f"sections: {'; '.join(lint.STEP_SECTIONS)} |",
    ]
    return "\n".join(["| Page type | Requirements |", "| --- | --- |", *rows])
