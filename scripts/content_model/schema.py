"""Validate a page's front matter against the JSON Schema of its page type (schemas/*.schema.json).

The schemas are the written-down content model; every message names the file and the line of the offending key.
"""
from __future__ import annotations

import datetime
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .front_matter import FrontMatterError, key_line, split

SCHEMA_DIR = Path(__file__).parent / "schemas"


@lru_cache(maxsize=None)
def validator(page_type: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{page_type}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def problems_of(meta: dict, page_type: str, text: str, shown: str, template: str = "") -> list[str]:
    found = []
    hint = f" (see {template})" if template else ""
    for error in sorted(validator(page_type).iter_errors(as_json(meta)), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        key = str(path[0]) if path else None
        line = key_line(text, key) if key else 1
        if error.validator == "required":
            missing = error.message.split("'")[1]
            found.append(f"{shown}:1: missing front matter field '{missing}'{hint}")
        elif error.validator == "additionalProperties":
            extra = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
            line = key_line(text, extra.split(", ")[0])
            found.append(f"{shown}:{line}: unknown front matter field(s): {extra}{hint}")
        else:
            where = ".".join(str(p) for p in path) or "front matter"
            found.append(f"{shown}:{line}: '{where}' {_plain(error)}{hint}")
    return found


def as_json(meta: dict) -> dict:
    """The front matter as JSON sees it: YAML reads an unquoted 2026-12-06 as a date, JSON Schema wants a string."""
    return {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in meta.items()}


def _plain(error) -> str:
    if error.validator == "enum":
        return f"must be one of: {', '.join(map(str, error.validator_value))} (got {error.instance!r})"
    if error.validator == "type":
        return f"must be of type {error.validator_value} (got {error.instance!r})"
    if error.validator in ("minLength", "maxLength"):
        return f"has {len(error.instance)} characters; allowed {error.schema.get('minLength', 0)} to {error.schema.get('maxLength', 'any')}"
    return error.message


def read_valid(path: Path, docs_dir: Path, page_type: str, template: str, problems: list[str]) -> dict | None:
    """The front matter of one page if it is valid for its page type; otherwise None, with problems appended."""
    shown = f"docs/{path.relative_to(docs_dir).as_posix()}"
    text = path.read_text(encoding="utf-8")
    try:
        meta, _, _ = split(text, shown)
    except FrontMatterError as error:
        problems.append(str(error))
        return None
    found = problems_of(meta, page_type, text, shown, template)
    problems.extend(found)
    return None if found else meta
