"""Read an estimates file and evaluate it: stated assumptions, formulas over them, and cross-checks.

An estimates file (docs/<page folder>/estimates.yml) looks like this:

    assumptions:
      - {id: requests_per_day, label: Ad requests a day, value: 5e9, unit: 1/day, why: stated by the interviewer}
      - {id: peak_factor, label: Peak over average, value: 2, unit: 1, why: daily traffic curve}
    sections:
      - id: traffic
        title: Traffic
        estimates:
          - {id: peak_requests, label: Peak ad requests, formula: requests_per_day * peak_factor, unit: 1/s}
    checks:
      - {label: ..., estimate: busy_cores, against: busy_cores_from_flops, within: 0.3, why: ...}

Every value is rounded to its shown precision (`digits` significant figures, 3 by default) before later formulas use
it, so a reader who redoes the arithmetic on the page gets the page's numbers. Units are checked: a formula whose
result does not have the dimensions of its declared unit is an error naming the file and line.
"""
from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from diagram_pipeline import yaml_lines
from diagram_pipeline.errors import Problem

from . import units
from .units import Unit, UnitError

FUNCTIONS = {"ceil": math.ceil, "floor": math.floor, "min": min, "max": max, "sqrt": math.sqrt,
             "log": math.log, "log2": math.log2, "log10": math.log10, "exp": math.exp, "round": round}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_ASSUMPTION_KEYS = {"id", "label", "value", "unit", "why", "digits", "stated_as"}
_ESTIMATE_KEYS = {"id", "label", "formula", "unit", "note", "digits", "stated_as"}
_SECTION_KEYS = {"id", "title", "estimates", "intro"}
_CHECK_KEYS = {"label", "estimate", "against", "within", "why"}
_TOP_KEYS = {"assumptions", "sections", "checks"}


@dataclass
class Quantity:
    id: str
    label: str
    unit_text: str
    unit: Unit
    value: float  # in base units, rounded to the shown precision
    exact: float  # in base units, before rounding
    line: int
    digits: int = 3
    formula: str = ""
    tree: ast.expr | None = None
    why: str = ""
    note: str = ""
    stated_as: list[str] = field(default_factory=list)

    @property
    def shown(self) -> float:
        """The value in its own unit, as the page shows it."""
        return self.value / self.unit.factor


@dataclass
class Section:
    id: str
    title: str
    intro: str
    quantities: list[Quantity]
    line: int


@dataclass
class Check:
    label: str
    estimate: Quantity
    against: Quantity
    within: float
    why: str
    line: int

    @property
    def difference(self) -> float:
        return abs(self.estimate.value - self.against.value) / max(abs(self.estimate.value), abs(self.against.value))


@dataclass
class Estimates:
    id: str  # the page folder relative to docs/, e.g. cases/ad-click-prediction
    path: str  # shown in messages
    assumptions: list[Quantity]
    sections: list[Section]
    checks: list[Check]

    @property
    def quantities(self) -> dict[str, Quantity]:
        found = {q.id: q for q in self.assumptions}
        for section in self.sections:
            found.update((q.id, q) for q in section.quantities)
        return found


def round_significant(value: float, digits: int) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    scale = digits - 1 - math.floor(math.log10(abs(value)))
    return round(value, scale)


class _Reader:
    """Builds an Estimates from parsed YAML, collecting every problem rather than stopping at the first."""

    def __init__(self, shown: str):
        self.shown = shown
        self.problems: list[Problem] = []
        self.known: dict[str, Quantity] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.shown, line, message))

    def keys(self, item, allowed: set[str], required: set[str], what: str) -> bool:
        if not isinstance(item, dict):
            self.problem(getattr(item, "line", 1), f"each {what} must be a mapping")
            return False
        for key in sorted(set(item) - allowed):
            self.problem(item.line_of(key), f"unknown key '{key}' in {what} (allowed: {', '.join(sorted(allowed))})")
        for key in sorted(required - set(item)):
            self.problem(item.line, f"{what} is missing '{key}'")
        return required <= set(item)

    def unit(self, item) -> Unit | None:
        try:
            return units.parse(item["unit"])
        except UnitError as error:
            self.problem(item.line_of("unit"), str(error))
            return None

    def new_id(self, item) -> str | None:
        quantity_id = str(item["id"])
        if not _ID.match(quantity_id):
            self.problem(item.line_of("id"), f"id '{quantity_id}' must be lower_snake_case")
            return None
        if quantity_id in self.known or quantity_id in FUNCTIONS:
            self.problem(item.line_of("id"), f"id '{quantity_id}' is already used")
            return None
        return quantity_id

    def digits(self, item) -> int:
        digits = item.get("digits", 3)
        if not isinstance(digits, int) or not 1 <= digits <= 12:
            self.problem(item.line_of("digits"), "digits must be a whole number from 1 to 12")
            return 3
        return digits

    def stated_as(self, item) -> list[str]:
        patterns = item.get("stated_as", [])
        if not isinstance(patterns, list):
            self.problem(item.line_of("stated_as"), "stated_as must be a list of regular expressions")
            return []
        for pattern in patterns:
            try:
                if "value" not in re.compile(pattern).groupindex:
                    self.problem(item.line_of("stated_as"), f"pattern {pattern!r} needs a (?P<value>...) group")
            except re.error as error:
                self.problem(item.line_of("stated_as"), f"pattern {pattern!r} is not a regular expression: {error}")
        return [str(p) for p in patterns]

    def assumption(self, item) -> Quantity | None:
        if not self.keys(item, _ASSUMPTION_KEYS, {"id", "label", "value", "unit", "why"}, "assumption"):
            return None
        quantity_id, unit = self.new_id(item), self.unit(item)
        try:
            number = float(str(item["value"]).replace("_", "").replace(",", ""))
        except ValueError:
            self.problem(item.line_of("value"), f"value {item['value']!r} is not a number")
            return None
        if quantity_id is None or unit is None:
            return None
        value = number * unit.factor
        return Quantity(quantity_id, str(item["label"]), str(item["unit"]), unit, value, value, item.line,
                        digits=self.digits(item), why=str(item["why"]), stated_as=self.stated_as(item))

    def estimate(self, item) -> Quantity | None:
        if not self.keys(item, _ESTIMATE_KEYS, {"id", "label", "formula", "unit"}, "estimate"):
            return None
        quantity_id, unit, digits = self.new_id(item), self.unit(item), self.digits(item)
        formula = str(item["formula"])
        line = item.line_of("formula")
        try:
            tree = ast.parse(formula, mode="eval").body
        except SyntaxError as error:
            self.problem(line, f"formula '{formula}' is not valid: {error.msg}")
            return None
        try:
            value, result_unit = _evaluate(tree, self.known)
        except _FormulaError as error:
            self.problem(line, f"formula '{formula}': {error}")
            return None
        if quantity_id is None or unit is None:
            return None
        if not units.same_dims(result_unit, unit):
            self.problem(line, f"formula '{formula}' gives {units.describe(result_unit.dims)}, "
                               f"but the unit '{item['unit']}' is {units.describe(unit.dims)}")
            return None
        shown = round_significant(value / unit.factor, digits)
        return Quantity(quantity_id, str(item["label"]), str(item["unit"]), unit, shown * unit.factor, value,
                        item.line, digits=digits, formula=formula, tree=tree, note=str(item.get("note", "")),
                        stated_as=self.stated_as(item))

    def add(self, quantity: Quantity | None) -> None:
        if quantity is not None:
            if quantity.formula == "":  # an assumption is shown as stated, never re-rounded
                quantity.value = quantity.exact
            self.known[quantity.id] = quantity


def load(path: Path, docs_dir: Path, root: Path) -> tuple[Estimates | None, list[Problem]]:
    shown = path.relative_to(root).as_posix()
    reader = _Reader(shown)
    try:
        data = yaml_lines.load(path.read_text(encoding="utf-8"), shown)
    except yaml_lines.SyntaxProblem as error:
        return None, [error.problem]
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "an estimates file is a mapping with assumptions, sections and checks")]
    for key in sorted(set(data) - _TOP_KEYS):
        reader.problem(data.line_of(key), f"unknown key '{key}' (allowed: {', '.join(sorted(_TOP_KEYS))})")
    assumptions = []
    for item in data.get("assumptions") or []:
        quantity = reader.assumption(item)
        reader.add(quantity)
        if quantity:
            assumptions.append(quantity)
    sections, section_ids = [], set()
    for item in data.get("sections") or []:
        if not reader.keys(item, _SECTION_KEYS, {"id", "title", "estimates"}, "section"):
            continue
        if item["id"] in section_ids:
            reader.problem(item.line_of("id"), f"section id '{item['id']}' is already used")
        section_ids.add(item["id"])
        quantities = []
        for entry in item["estimates"] or []:
            quantity = reader.estimate(entry)
            reader.add(quantity)
            if quantity:
                quantities.append(quantity)
        sections.append(Section(str(item["id"]), str(item["title"]), str(item.get("intro", "")), quantities, item.line))
    checks = []
    for item in data.get("checks") or []:
        if not reader.keys(item, _CHECK_KEYS, {"label", "estimate", "against", "within", "why"}, "check"):
            continue
        pair = [reader.known.get(str(item[key])) for key in ("estimate", "against")]
        for key, found in zip(("estimate", "against"), pair):
            if found is None:
                reader.problem(item.line_of(key), f"check names '{item[key]}', which is not an estimate in this file")
        if None in pair:
            continue
        if not units.same_dims(pair[0].unit, pair[1].unit):
            reader.problem(item.line, f"check compares '{pair[0].id}' and '{pair[1].id}', which have different units")
            continue
        check = Check(str(item["label"]), pair[0], pair[1], float(item["within"]), str(item["why"]), item.line)
        if check.difference > check.within:
            reader.problem(item.line, f"cross-check '{check.label}' fails: {pair[0].id} and {pair[1].id} differ by "
                                      f"{check.difference:.0%}, more than the {check.within:.0%} allowed "
                                      "(one of the two estimates is wrong, or the tolerance is)")
        checks.append(check)
    if not assumptions and not sections:
        reader.problem(1, "an estimates file needs assumptions and sections")
    page_id = path.parent.relative_to(docs_dir).as_posix()
    return Estimates(page_id, shown, assumptions, sections, checks), reader.problems


class _FormulaError(ValueError):
    pass


def _evaluate(node: ast.expr, known: dict[str, Quantity]) -> tuple[float, Unit]:
    """Evaluate a formula node to (value in base units, unit); only arithmetic, known names and FUNCTIONS."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value), units.ONE
    if isinstance(node, ast.Name):
        if node.id not in known:
            raise _FormulaError(f"'{node.id}' is not an assumption or an earlier estimate in this file")
        quantity = known[node.id]
        return quantity.value, units.Unit(1.0, quantity.unit.dims)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        value, unit = _evaluate(node.operand, known)
        return (-value if isinstance(node.op, ast.USub) else value), unit
    if isinstance(node, ast.BinOp):
        left, left_unit = _evaluate(node.left, known)
        right, right_unit = _evaluate(node.right, known)
        if isinstance(node.op, (ast.Add, ast.Sub)):
            if not units.same_dims(left_unit, right_unit):
                raise _FormulaError(f"adds {units.describe(left_unit.dims)} to {units.describe(right_unit.dims)}")
            return (left + right if isinstance(node.op, ast.Add) else left - right), left_unit
        if isinstance(node.op, ast.Mult):
            return left * right, left_unit * right_unit
        if isinstance(node.op, ast.Div):
            if right == 0:
                raise _FormulaError("divides by zero")
            return left / right, left_unit / right_unit
        if isinstance(node.op, ast.Pow):
            if not right_unit.dimensionless or not units.is_integer(right) and not left_unit.dimensionless:
                raise _FormulaError("a power must be a plain number (and whole, unless the base is a plain number)")
            return left ** right, (left_unit ** int(right) if not left_unit.dimensionless else units.ONE)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords:
        arguments = [_evaluate(argument, known) for argument in node.args]
        name = node.func.id
        if name in ("min", "max"):
            if len(arguments) < 2 or any(not units.same_dims(arguments[0][1], u) for _, u in arguments):
                raise _FormulaError(f"{name}() needs two or more arguments of the same unit")
            return FUNCTIONS[name](value for value, _ in arguments), arguments[0][1]
        if len(arguments) != 1:
            raise _FormulaError(f"{name}() takes one argument")
        value, unit = arguments[0]
        if name == "sqrt":
            if any(power % 2 for power in unit.dims):
                raise _FormulaError("sqrt() of a unit with odd powers")
            return math.sqrt(value), units.Unit(1.0, tuple(power // 2 for power in unit.dims))
        if not unit.dimensionless:
            raise _FormulaError(f"{name}() needs a plain number; divide by a unit first")
        try:
            return float(FUNCTIONS[name](value)), units.ONE
        except ValueError as error:
            raise _FormulaError(f"{name}({value:g}): {error}") from None
    raise _FormulaError(f"cannot evaluate '{ast.unparse(node)}' (use numbers, ids, + - * / **, and "
                        f"{', '.join(FUNCTIONS)})")


def load_all(root: Path) -> tuple[dict[str, Estimates], list[Problem]]:
    docs_dir = root / "docs"
    found, problems = {}, []
    for path in sorted(docs_dir.rglob("estimates.yml")):
        estimates, file_problems = load(path, docs_dir, root)
        problems.extend(file_problems)
        if estimates is not None and not file_problems:
            found[estimates.id] = estimates
    return found, problems
