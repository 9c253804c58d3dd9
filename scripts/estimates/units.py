"""Units for back-of-the-envelope estimates: enough dimensional analysis to catch per-day vs per-second,
GB vs TB and dollars vs hours, and nothing more.

A quantity is a magnitude in base units (second, byte, FLOP, US dollar) with a vector of dimension exponents.
Counts (requests, cores, users) are dimensionless: the estimate's label says what is being counted.
Decimal prefixes throughout (1 GB = 10^9 bytes), as capacity planning and cloud pricing use them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

BASE = ("time", "data", "compute", "money")


class UnitError(ValueError):
    pass


@dataclass(frozen=True)
class Unit:
    factor: float  # how many base units one of this unit is
    dims: tuple[int, ...]  # exponents, in the order of BASE

    def __mul__(self, other: "Unit") -> "Unit":
        return Unit(self.factor * other.factor, tuple(a + b for a, b in zip(self.dims, other.dims)))

    def __truediv__(self, other: "Unit") -> "Unit":
        return Unit(self.factor / other.factor, tuple(a - b for a, b in zip(self.dims, other.dims)))

    def __pow__(self, power: int) -> "Unit":
        return Unit(self.factor ** power, tuple(a * power for a in self.dims))

    @property
    def dimensionless(self) -> bool:
        return not any(self.dims)


def _dims(**exponents: int) -> tuple[int, ...]:
    return tuple(exponents.get(name, 0) for name in BASE)


ONE = Unit(1.0, _dims())
_TIME, _DATA, _COMPUTE, _MONEY = _dims(time=1), _dims(data=1), _dims(compute=1), _dims(money=1)

# Calendar units are conventions; a month is 30 days and a year 365 days, stated once here.
NAMED: dict[str, Unit] = {
    "1": ONE, "%": Unit(0.01, _dims()),
    "ns": Unit(1e-9, _TIME), "us": Unit(1e-6, _TIME), "ms": Unit(1e-3, _TIME), "s": Unit(1.0, _TIME),
    "min": Unit(60.0, _TIME), "h": Unit(3600.0, _TIME), "day": Unit(86400.0, _TIME),
    "week": Unit(7 * 86400.0, _TIME), "month": Unit(30 * 86400.0, _TIME), "year": Unit(365 * 86400.0, _TIME),
    "bit": Unit(0.125, _DATA), "B": Unit(1.0, _DATA),
    "KB": Unit(1e3, _DATA), "MB": Unit(1e6, _DATA), "GB": Unit(1e9, _DATA), "TB": Unit(1e12, _DATA),
    "PB": Unit(1e15, _DATA), "EB": Unit(1e18, _DATA),
    "KiB": Unit(2.0 ** 10, _DATA), "MiB": Unit(2.0 ** 20, _DATA), "GiB": Unit(2.0 ** 30, _DATA),
    "TiB": Unit(2.0 ** 40, _DATA),
    "Mbit": Unit(1e6 / 8, _DATA), "Gbit": Unit(1e9 / 8, _DATA),
    "FLOP": Unit(1.0, _COMPUTE), "MFLOP": Unit(1e6, _COMPUTE), "GFLOP": Unit(1e9, _COMPUTE),
    "TFLOP": Unit(1e12, _COMPUTE), "PFLOP": Unit(1e15, _COMPUTE),
    "USD": Unit(1.0, _MONEY),
}

_TOKEN = re.compile(r"\s*(?:(?P<name>[A-Za-z%]+|1)(?:\^(?P<power>-?\d+))?|(?P<op>[*/]))")


def parse(text: str) -> Unit:
    """Parse a unit such as `GB`, `1/s`, `B/day`, `FLOP/s`, `USD/h` or `GB*s/day`; raise UnitError if unknown."""
    text = str(text).strip()
    if not text:
        raise UnitError("empty unit (use 1 for a plain count)")
    unit, op, position = None, "*", 0
    expect_term = True
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            raise UnitError(f"cannot read unit '{text}' at '{text[position:]}'")
        position = match.end()
        if match["op"]:
            if expect_term:
                raise UnitError(f"unit '{text}' has two operators in a row")
            op, expect_term = match["op"], True
            continue
        if not expect_term:
            raise UnitError(f"unit '{text}' needs * or / between units")
        name = match["name"]
        if name not in NAMED:
            raise UnitError(f"unknown unit '{name}' in '{text}' (known: {', '.join(NAMED)})")
        term = NAMED[name] ** int(match["power"] or 1)
        unit = term if unit is None else (unit * term if op == "*" else unit / term)
        expect_term = False
    if expect_term:
        raise UnitError(f"unit '{text}' ends with an operator")
    return unit


def describe(dims: tuple[int, ...]) -> str:
    """Dimensions in words, for error messages: 'data / time'."""
    up = [name if power == 1 else f"{name}^{power}" for name, power in zip(BASE, dims) if power > 0]
    down = [name if power == -1 else f"{name}^{-power}" for name, power in zip(BASE, dims) if power < 0]
    text = " * ".join(up) or "1"
    return f"{text} / {' * '.join(down)}" if down else text


def same_dims(a: Unit, b: Unit) -> bool:
    return a.dims == b.dims


def is_integer(value: float) -> bool:
    return math.isfinite(value) and float(value).is_integer()
