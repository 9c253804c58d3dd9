"""The JupyterLab theme shared by the notebook pages keeps only what a static notebook page can use
(overrides/hooks/lab_theme.py), and the built stylesheet is small enough not to hold up a notebook's first paint;
the build remembers the pruned theme and the notebooks' search entries between builds (build_cache.py)."""
from __future__ import annotations

import gzip
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "overrides" / "hooks"))
import lab_theme  # noqa: E402

THEME = """
.jupyter-wrapper :root { --jp-used: 1px; --jp-unused: 2px; --jp-chain: var(--jp-orphan); --jp-orphan: 3px; }
.jupyter-wrapper .jp-Cell { margin: var(--jp-used); }
.jupyter-wrapper .bp3-button, .jupyter-wrapper .jp-Cell .highlight { color: red; }
.jupyter-wrapper :is(.jp-Cell, .jp-Missing) p { color: blue; }
.jupyter-wrapper .bp3-drawer { padding: var(--jp-chain); }
@media print { .jupyter-wrapper .bp3-menu { display: none; } .jupyter-wrapper .jp-Cell { break-inside: avoid; } }
.jupyter-wrapper .md-typeset__table { width: 100%; }
"""
USED = {"jupyter-wrapper", "jp-Cell", "highlight"}


def test_rules_for_classes_no_page_uses_go_and_the_rest_stay():
    css = lab_theme.prune(THEME, USED)
    assert "bp3-" not in css
    # One selector of a list can go while the other stays; commas inside :is() do not split the list.
    assert ".jupyter-wrapper .jp-Cell .highlight{color: red" in css
    # Inside :is() one alternative is enough, so classes in a functional pseudo-class are not judged.
    assert ":is(.jp-Cell, .jp-Missing) p" in css
    # Classes Material adds at run time (md-*) are never in the built HTML; their rules stay.
    assert "md-typeset__table" in css
    assert "@media print" in css and "break-inside" in css and "bp3-menu" not in css


def test_custom_properties_nothing_reads_go_including_ones_only_removed_rules_read():
    css = lab_theme.prune(THEME, USED)
    assert "--jp-used" in css
    assert "--jp-unused" not in css
    # --jp-chain was read only by the Blueprint drawer rule; once it goes, --jp-orphan is read by nothing.
    assert "--jp-chain" not in css and "--jp-orphan" not in css


def test_a_theme_that_does_not_parse_stops_the_build():
    with pytest.raises(lab_theme.ThemeError, match="does not parse"):
        lab_theme.prune(".jp-Cell { color: red; } .jp-Cell", USED)


def test_classes_are_read_from_class_attributes():
    assert lab_theme.classes_in('<div class="jp-Cell jp-CodeCell"><span class="k">x</span></div>') == {
        "jp-Cell", "jp-CodeCell", "k"}


def test_the_built_notebook_theme_is_small_and_keeps_the_cell_layout(built_site):
    css = (built_site / "assets" / "stylesheets" / "jupyter-lab.css").read_text(encoding="utf-8")
    # nbconvert's full theme is about 575 KB (86 KB gzipped).
    assert len(gzip.compress(css.encode())) < 10_000
    for selector in (".jp-Cell", ".jp-InputPrompt", ".jp-OutputArea", ".highlight"):
        assert selector in css, selector


def test_build_cache_reuses_a_result_until_its_input_or_its_code_changes(tmp_path):
    import build_cache

    code = tmp_path / "step.py"
    code.write_text("VERSION = 1\n")
    calls = []

    def compute(value):
        calls.append(value)
        return {"value": value}

    cache = tmp_path / "cache"
    assert build_cache.cached(cache, "step", [code], "input", lambda: compute(1)) == {"value": 1}
    assert build_cache.cached(cache, "step", [code], "input", lambda: compute(2)) == {"value": 1}
    assert build_cache.cached(cache, "step", [code], "other input", lambda: compute(3)) == {"value": 3}
    code.write_text("VERSION = 2\n")
    assert build_cache.cached(cache, "step", [code], "input", lambda: compute(4)) == {"value": 4}
    assert calls == [1, 3, 4]
    assert not list(cache.glob("*.tmp"))
