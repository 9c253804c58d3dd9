"""Problems found in sources or pages, each tied to a file and line so a contributor can go straight to it."""
from __future__ import annotations

from content_model.problems import Problem  # noqa: F401  (re-exported for the pipeline)


class Problems(Exception):
    """Raised with every problem found, so one run reports all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))
