"""Read a Markdown page's YAML front matter, with the line numbers that error messages need."""
from __future__ import annotations

import re

import yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^---[ \t]*$", re.S | re.M)
# libyaml's loader when PyYAML has it (the wheels do): the build reads every concept's and case's front matter, and
# the pure-Python loader was a tenth of the build's time. Same YAML, same errors and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


def split(text: str, path: str) -> tuple[dict, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        data = yaml.load(match["yaml"], Loader=_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise FrontMatterError(path, (mark.line + 2) if mark else 1, f"front matter is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise FrontMatterError(path, 1, "front matter must be a YAML mapping")
    body_start = match.end() + 1  # just past the newline that ends the closing ---
    return data, text[body_start:], text[:body_start].count("\n") + 1


def key_line(text: str, key: str) -> int:
    """The line of `key:` inside the front matter, or 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
        if number > 1 and line.strip() == "---":
            break
    return 1
