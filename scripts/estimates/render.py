"""Render evaluated estimates as Markdown: an assumptions table, each estimate with its arithmetic, the cross-checks.

The arithmetic is plain text with a little HTML (× and ≈, <sup> for powers), not TeX: rendered by KaTeX, the 95
estimate formulas of the fraud case were about 3,400 of its 7,352 elements, each one laid out on a phone. Numbers
have thousands separators; large or tiny ones are written a × 10<sup>b</sup>; a unit follows its number after a
no-break space, or directly as /s, /day.
"""
from __future__ import annotations

import ast
import math
import re

from .model import Check, Estimates, Quantity, Section

_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2, ast.Pow: 3}
_SPELLED = {"s": "second", "ms": "millisecond", "min": "minute", "h": "hour"}
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


NBSP = "\u00a0"
MINUS = "\u2212"


def number(value: float, digits: int = 12) -> str:
    """A number as it is shown in an estimate: 115,700, 0.25, 2.4 × 10<sup>10</sup>, 10<sup>−4</sup>."""
    mantissa, exponent = _split(value, digits)
    mantissa = mantissa.replace("-", MINUS)
    if exponent is None:
        return mantissa
    power = f"10<sup>{str(exponent).replace('-', MINUS)}</sup>"
    return f"{mantissa} × {power}" if mantissa != "1" else power


def plain_number(value: float, digits: int = 12) -> str:
    """A number as prose: 115,700, 0.25, 24 billion, 3.2 x 10^13."""
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if size <= magnitude < size * 1000:
            return f"{_trim(f'{value / size:.{max(digits, 1)}g}')} {word}"
    mantissa, exponent = _split(value, digits)
    return mantissa if exponent is None else f"{mantissa} × 10^{exponent}"


def _split(value: float, digits: int) -> tuple[str, int | None]:
    if value == 0:
        return "0", None
    magnitude = abs(value)
    if 1e-3 <= magnitude < 1e7:
        decimals = max(0, digits - 1 - math.floor(math.log10(magnitude)))
        text = f"{value:,.{min(decimals, 6)}f}"
        return (_trim(text) if "." in text else text), None
    exponent = math.floor(math.log10(magnitude))
    mantissa = round(value / 10 ** exponent, max(digits - 1, 0))
    if abs(mantissa) >= 10:
        mantissa, exponent = mantissa / 10, exponent + 1
    return _trim(f"{mantissa:.{max(digits - 1, 0)}f}"), exponent


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def unit_suffix(unit_text: str) -> str:
    """The unit after a number: "" for counts, "%" and "/s" directly, others after a no-break space."""
    if unit_text == "1":
        return ""
    if unit_text == "%" or unit_text.startswith("%/"):
        return unit_text
    if unit_text.startswith("1/"):
        return unit_text[1:]
    return NBSP + unit_text


def quantity_text(quantity: Quantity) -> str:
    return number(quantity.shown, quantity.digits + 3) + unit_suffix(quantity.unit_text)


def quantity_plain(quantity: Quantity) -> str:
    shown = plain_number(quantity.shown, quantity.digits + 3)
    if quantity.unit_text == "1":
        return shown
    if quantity.unit_text == "%":
        return f"{shown}%"
    if quantity.unit_text.startswith("1/"):
        per = quantity.unit_text[2:]
        return f"{shown} per {_SPELLED.get(per, per)}"
    return f"{shown} {quantity.unit_text}"


def formula_text(node: ast.expr, known: dict[str, Quantity], parent: int = 0) -> str:
    """The formula with every id replaced by its shown value, parenthesised only where precedence needs it."""
    if isinstance(node, ast.Constant):
        return number(float(node.value))
    if isinstance(node, ast.Name):
        text = quantity_text(known[node.id])
        needs_group = "×" in text or "/" in text
        return f"({text})" if needs_group and parent >= 2 else text
    if isinstance(node, ast.UnaryOp):
        return f"{MINUS}{formula_text(node.operand, known, 3)}"
    if isinstance(node, ast.BinOp):
        level = _PRECEDENCE[type(node.op)]
        left = formula_text(node.left, known, level)
        right = formula_text(node.right, known, level + (0 if isinstance(node.op, (ast.Add, ast.Mult)) else 1))
        symbol = {ast.Add: "+", ast.Sub: MINUS, ast.Mult: "×", ast.Div: "/"}.get(type(node.op))
        text = f"{left}<sup>{right}</sup>" if isinstance(node.op, ast.Pow) else f"{left} {symbol} {right}"
        return f"({text})" if level < parent else text
    if isinstance(node, ast.Call):
        arguments = [formula_text(argument, known) for argument in node.args]
        name = node.func.id
        wrap = {"ceil": "⌈{}⌉", "floor": "⌊{}⌋", "sqrt": "√({})", "log": "ln({})", "log2": "log<sub>2</sub>({})",
                "log10": "log<sub>10</sub>({})", "exp": "e<sup>{}</sup>", "round": "round({})"}
        if name in wrap:
            return wrap[name].format(arguments[0])
        return f"{name}({', '.join(arguments)})"
    raise ValueError(f"cannot render {ast.unparse(node)}")


def fill_placeholders(text: str, known: dict[str, Quantity]) -> str:
    """Replace {id} in a note with the quantity's value in prose."""
    return _PLACEHOLDER.sub(lambda m: quantity_plain(known[m[1]]) if m[1] in known else m[0], text)


def unknown_placeholders(text: str, known: dict[str, Quantity]) -> list[str]:
    return [name for name in _PLACEHOLDER.findall(text) if name not in known]


def estimate_line(quantity: Quantity, known: dict[str, Quantity]) -> str:
    exact_shown = quantity.exact / quantity.unit.factor
    relation = "=" if math.isclose(exact_shown, quantity.shown, rel_tol=1e-12, abs_tol=1e-12) else "≈"
    arithmetic = f"{formula_text(quantity.tree, known)} {relation} {quantity_text(quantity)}"
    note = fill_placeholders(quantity.note, known).strip()
    return f"- **{quantity.label}:** {arithmetic}" + (f". {note}" if note else "")


def assumptions_table(estimates: Estimates) -> list[str]:
    known = estimates.quantities
    rows = ["| Assumption | Value | Why |", "| --- | --- | --- |"]
    for quantity in estimates.assumptions:
        why = fill_placeholders(quantity.why, known).replace("|", "\\|")
        rows.append(f"| {quantity.label} | {quantity_text(quantity)} | {why} |")
    return rows


def section_lines(section: Section, known: dict[str, Quantity]) -> list[str]:
    lines = [f"**{section.title}.**", ""]
    if section.intro:
        lines += [fill_placeholders(section.intro, known).strip(), ""]
    lines += [estimate_line(quantity, known) for quantity in section.quantities]
    return lines + [""]


def check_line(check: Check) -> str:
    a, b = check.estimate, check.against
    return (f"- **{check.label}:** {_mid_sentence(a.label)} {quantity_text(a)} against {_mid_sentence(b.label)} "
            f"{quantity_text(b)}, {_percent(check.difference)} apart (allowed {_percent(check.within)}). "
            f"{fill_placeholders(check.why, {a.id: a, b.id: b}).strip()}")


def _mid_sentence(label: str) -> str:
    """A label inside a sentence: 'Busy cores' -> 'busy cores', but 'GPUs per region' and 'QPS' stay as written."""
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        return label[0].lower() + label[1:]
    return label


def _percent(share: float) -> str:
    return f"{share:.1%}" if share < 0.1 else f"{share:.0%}"


def render(estimates: Estimates, section_id: str | None = None) -> str:
    """The whole estimate (assumptions, sections, cross-checks), or one section of it."""
    known = estimates.quantities
    if section_id is not None:
        section = next(s for s in estimates.sections if s.id == section_id)
        return "\n".join(section_lines(section, known)).rstrip() + "\n"
    lines = ["**Assumptions.**", "", *assumptions_table(estimates), ""]
    for section in estimates.sections:
        lines += section_lines(section, known)
    if estimates.checks:
        lines += ["**Cross-checks.**", ""] + [check_line(check) for check in estimates.checks] + [""]
    return "\n".join(lines).rstrip() + "\n"
