"""Small concept sites for the concept and page-section tests: a few concept pages and chapters that link to them."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))


DEFAULT_QUESTIONS = """questions:
  - question: "What would you check first when this goes wrong in production?"
    answer: "The inputs and the label pipeline, before the model: most failures start there."
  - question: "What does it cost to ignore this concept at scale?"
    answer: "Silent quality loss that no offline metric shows until users leave."
"""


def concept(title: str, summary: str, stage: str = "monitoring", aliases=(), related=(), body: str = "") -> str:
    return textwrap.dedent(f"""\
        ---
        title: {title}
        aliases: [{", ".join(aliases)}]
        summary: {summary}
        stage: {stage}
        related: [{", ".join(related)}]
        questions:
          - question: "What would you check first when this goes wrong in production?"
            answer: "The inputs and the label pipeline, before the model: most failures start there."
          - question: "What does it cost to ignore this concept at scale?"
            answer: "Silent quality loss that no offline metric shows until users leave."
        last_reviewed: 2026-12-01
        ---

        ## Definition

        {body or "Words."}
        """)


def make_site(root: Path, extra: dict[str, str] | None = None) -> Path:
    docs = root / "docs"
    files = {
        "concepts/data-drift.md": concept("Data drift", "A change in the distribution of model inputs or labels after training.",
                                          aliases=["dataset shift"], related=["population-stability-index"]),
        "concepts/population-stability-index.md": concept(
            "Population stability index", "A binned divergence score that compares a feature's current and reference distributions.",
            aliases=["PSI"], related=["data-drift"], body="See [data drift](data-drift.md)."),
        "framework/monitoring.md": "---\ntitle: Monitoring and iteration\n---\n\nWatch for [drift](../concepts/data-drift.md).\n",
        "cases/fraud/index.md": "---\ntitle: Fraud detection\n---\n\nFraud rings cause [data drift](../../concepts/data-drift.md)"
                                " and [PSI](../../concepts/population-stability-index.md) alarms.\n",
        "framework/evaluation.md": "---\ntitle: Evaluation\n---\n\nAlso [drift](../concepts/data-drift.md#detect).\n",
    }
    files.update(extra or {})
    for page, text in files.items():
        path = docs / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return docs


def pages_of(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
