"""scripts/estimates and scripts/generate.py: units checked, arithmetic shown, cross-checks enforced, stale pages and
contradicting statements reported as file:line, and the real repository's estimates current."""
from __future__ import annotations

import textwrap

import pytest

from conftest import ROOT
from diagram_fixtures import make_tree

import generate  # scripts/generate.py
from estimates import pages, render, units
from estimates.units import UnitError

ESTIMATES = """\
assumptions:
  - {id: requests_per_day, label: Requests a day, value: 8.64e9, unit: 1/day, why: stated}
  - {id: peak_factor, label: Peak over average, value: 2, unit: 1, why: "assumed: evening peak"}
  - {id: core_time, label: Core time per request, value: 20, unit: ms, why: "assumed: measured"}
  - {id: host_rate, label: Requests one host serves, value: 1600, unit: 1/s, why: "assumed: load test"}
  - {id: cores_per_host, label: Cores per host, value: 32, unit: 1, why: a common server}
sections:
  - id: traffic
    title: Traffic
    estimates:
      - {id: peak_rate, label: Peak requests, formula: requests_per_day * peak_factor, unit: 1/s, note: "About {peak_rate}"}
      - {id: busy_cores, label: Busy cores, formula: peak_rate * core_time, unit: 1}
      - {id: cores_from_hosts, label: Cores from a host test, formula: peak_rate / host_rate * cores_per_host, unit: 1}
checks:
  - {label: Cores two ways, estimate: busy_cores, against: cores_from_hosts, within: 0.1, why: they agree}
"""

PAGE = """\
---
title: Case
summary: A page with an estimates block and an inline value for the tests.
---

Peak traffic is <!-- value: case:peak_rate -->old<!-- /value --> at most.

<!-- estimates: case -->
<!-- /estimates -->

Text after.
"""


def tree(tmp_path, estimates: str = ESTIMATES, page: str = PAGE):
    root = make_tree(tmp_path)
    (root / "docs" / "case").mkdir()
    (root / "docs" / "case" / "estimates.yml").write_text(textwrap.dedent(estimates))
    (root / "docs" / "case" / "index.md").write_text(page)
    return root


def run(root, capsys, *args):
    code = generate.main(list(args), root=root)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_generate_writes_the_arithmetic_and_check_then_passes(tmp_path, capsys):
    root = tree(tmp_path)
    assert run(root, capsys, "--check")[0] == 1, "an empty block and a stale inline value are stale"
    assert run(root, capsys)[0] == 0
    text = (root / "docs" / "case" / "index.md").read_text()
    # 8.64e9 a day is 100,000 a second; twice that at peak; 200,000/s x 20 ms = 4,000 busy cores.
    assert "(8.64 × 10<sup>9</sup>/day) × 2 = 200,000/s. About 200,000 per second" in text
    assert "(200,000/s) × 20\u00a0ms = 4,000" in text
    assert "<!-- value: case:peak_rate -->200,000 per second<!-- /value -->" in text
    assert "| Core time per request | 20\u00a0ms | assumed: measured |" in text
    assert "Cores two ways" in text and text.rstrip().endswith("Text after.")
    assert run(root, capsys, "--check")[0] == 0


def test_a_formula_with_the_wrong_unit_names_file_and_line(tmp_path, capsys):
    bad = ESTIMATES.replace("formula: peak_rate * core_time, unit: 1}", "formula: peak_rate * core_time, unit: 1/s}")
    code, out = run(tree(tmp_path, bad), capsys)
    assert code == 1
    assert "docs/case/estimates.yml:12: formula 'peak_rate * core_time' gives 1, but the unit '1/s' is 1 / time" in out
    assert "nothing was written" in out


@pytest.mark.parametrize("change, message", [
    (("unit: ms", "unit: parsecs"), "docs/case/estimates.yml:4: unknown unit 'parsecs'"),
    (("requests_per_day * peak_factor", "requests_per_day + peak_factor"), "adds 1 / time to 1"),
    (("peak_rate * core_time", "peak_rate * missing_id"), "'missing_id' is not an assumption or an earlier estimate"),
    (("peak_rate * core_time", "__import__('os')"), "cannot evaluate"),
    (("value: 1600", "value: 2000"), "docs/case/estimates.yml:15: cross-check 'Cores two ways' fails: busy_cores "
                                     "and cores_from_hosts differ by 20%"),
    (("value: 2,", "value: two,"), "docs/case/estimates.yml:3: value 'two' is not a number"),
    (("why: stated}", "why: stated, extra: 1}"), "unknown key 'extra' in assumption"),
    (("id: busy_cores", "id: peak_rate"), "id 'peak_rate' is already used"),
])
def test_invalid_estimates_are_reported_and_nothing_is_written(tmp_path, capsys, change, message):
    root = tree(tmp_path, ESTIMATES.replace(*change))
    before = (root / "docs" / "case" / "index.md").read_text()
    code, out = run(root, capsys)
    assert code == 1 and message in out, out
    assert (root / "docs" / "case" / "index.md").read_text() == before


def test_markers_that_name_nothing_are_errors(tmp_path, capsys):
    page = PAGE.replace("<!-- estimates: case -->", "<!-- estimates: case#nowhere -->").replace(
        "case:peak_rate", "case:no_such")
    code, out = run(tree(tmp_path, page=page), capsys)
    assert code == 1
    assert "docs/case/index.md:6: value 'case:no_such' is not a quantity" in out
    assert "docs/case/index.md:8: docs/case/estimates.yml has no section 'nowhere'" in out


def test_an_unclosed_block_is_an_error(tmp_path, capsys):
    code, out = run(tree(tmp_path, page=PAGE.replace("<!-- /estimates -->\n", "")), capsys)
    assert code == 1 and "docs/case/index.md:8: estimates marker is never closed" in out


def test_a_page_that_states_a_convention_differently_fails(tmp_path, capsys):
    stated = ESTIMATES.replace("why: stated}", "why: stated, stated_as: ['(?P<value>[\\d.,]+ billion) requests a day']}")
    page = PAGE + "\nWe serve 8.64 billion requests a day.\nElsewhere: 9 billion requests a day.\n"
    code, out = run(tree(tmp_path, stated, page), capsys)
    assert code == 1
    assert "docs/case/index.md:14: states requests a day as '9 billion'" in out
    assert "docs/case/index.md:13" not in out


def test_only_limits_problems_and_writes_to_the_named_folders(tmp_path, capsys):
    root = tree(tmp_path)
    (root / "docs" / "other").mkdir()
    (root / "docs" / "other" / "estimates.yml").write_text("assumptions: [{id: x}]\n")
    assert run(root, capsys)[0] == 1
    assert run(root, capsys, "--only", "docs/case")[0] == 0
    assert "200,000 per second" in (root / "docs" / "case" / "index.md").read_text()


@pytest.mark.parametrize("text, factor, dims", [
    ("GB", 1e9, (0, 1, 0, 0)), ("1/s", 1.0, (-1, 0, 0, 0)), ("B/day", 1 / 86400, (-1, 1, 0, 0)),
    ("TFLOP/s", 1e12, (-1, 0, 1, 0)), ("USD/h", 1 / 3600, (-1, 0, 0, 1)), ("%", 0.01, (0, 0, 0, 0)),
    ("GB*s/day", 1e9 / 86400, (0, 1, 0, 0)), ("s^2", 1.0, (2, 0, 0, 0)),
])
def test_units_parse(text, factor, dims):
    unit = units.parse(text)
    assert unit.factor == pytest.approx(factor) and unit.dims == dims


@pytest.mark.parametrize("text", ["", "GB/", "GB GB", "furlong", "/s"])
def test_bad_units_raise(text):
    with pytest.raises(UnitError):
        units.parse(text)


@pytest.mark.parametrize("value, shown, prose", [
    (115700, "115,700", "115,700"), (0.25, "0.25", "0.25"), (2.4e10, "2.4 × 10<sup>10</sup>", "24 billion"),
    (1e10, "10<sup>10</sup>", "10 billion"), (0.0004, "4 × 10<sup>−4</sup>", "4 × 10^-4"),
    (3.2e13, "3.2 × 10<sup>13</sup>", "32 trillion"), (-1500, "−1,500", "-1,500"),
])
def test_numbers_format(value, shown, prose):
    assert render.number(value) == shown and render.plain_number(value) == prose


@pytest.mark.parametrize("text, value", [("15 million", 15e6), ("1.25M", 1.25e6), ("120,000", 120000.0),
                                         ("8", 8.0), ("24", 24.0), ("two", None)])
def test_stated_numbers_parse(text, value):
    assert pages.parse_stated(text) == value


def test_the_repository_estimates_are_valid_and_current(capsys):
    code, out = run(ROOT, capsys, "--check")
    assert code == 0, out
