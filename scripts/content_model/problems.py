"""A problem found in a source file, tied to a file and line so a contributor can go straight to it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    @classmethod
    def parse(cls, message: str) -> Problem:
        """A problem from its one-line form, `path:line: message` (as ConceptErrors and CaseErrors list them)."""
        path, line, text = message.split(":", 2)
        return cls(path, int(line), text.strip())
