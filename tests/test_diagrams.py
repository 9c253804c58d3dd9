"""scripts/diagrams.py: generation, check mode, and a clear file:line message for every kind of invalid input."""
from __future__ import annotations

import re
import time

import pytest

from diagram_fixtures import DIAGRAM, PAGE, make_tree

import diagrams as cli  # scripts/diagrams.py
from diagram_pipeline import mermaid, source
from diagram_pipeline.source import Component, Diagram, Edge


def run(root, command, capsys):
    code = cli.main([command], root=root)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_generate_fills_the_page_and_check_then_passes(tmp_path, capsys):
    root = make_tree(tmp_path)
    assert run(root, "check", capsys)[0] == 1, "a page with an empty include is stale"
    code, _ = run(root, "generate", capsys)
    assert code == 0
    page = (root / "docs" / "page.md").read_text()
    assert "```mermaid\nflowchart LR" in page and 'n_ranker{{"Ranker"}}:::layer_serving' in page
    assert page.startswith(PAGE.split("<!-- diagram")[0]) and page.rstrip().endswith("Text after.")
    assert run(root, "check", capsys)[0] == 0


def test_generate_is_deterministic(tmp_path, capsys):
    root = make_tree(tmp_path)
    run(root, "generate", capsys)
    first = {p: p.read_bytes() for p in (root / "docs").rglob("*.md")}
    run(root, "generate", capsys)
    assert first == {p: p.read_bytes() for p in (root / "docs").rglob("*.md")}


def test_check_fails_on_a_stale_page_and_names_it(tmp_path, capsys):
    root = make_tree(tmp_path)
    run(root, "generate", capsys)
    diagram = root / "diagrams" / "demo" / "small.yml"
    diagram.write_text(diagram.read_text().replace('"Ranker"', '"Re-ranker"'))
    code, output = run(root, "check", capsys)
    assert code == 1 and "docs/page.md:1: generated diagrams are stale" in output


INVALID = [
    ("unknown component", DIAGRAM.replace("to: ranker", "to: rankr"), "diagrams/demo/small.yml:8: unknown node or component 'rankr'"),
    ("duplicate id", DIAGRAM.replace("  ranker:", "  client:").replace("to: ranker", "to: client"),
     "diagrams/demo/small.yml:5: duplicate id 'client'"),
    ("edge to a missing node", DIAGRAM + "  - {from: ranker, to: ghost}\n", "diagrams/demo/small.yml:9: unknown node or component 'ghost'"),
    ("unknown kind", DIAGRAM.replace("kind: model", "kind: robot"), "diagrams/demo/small.yml:5: unknown kind 'robot'"),
    ("unknown layer", DIAGRAM.replace("layer: serving}", "layer: kitchen}"), "diagrams/demo/small.yml:5: unknown layer 'kitchen'"),
    ("unknown edge kind", DIAGRAM.replace("kind: request}\n  - {from: model_server", "kind: pigeon}\n  - {from: model_server"),
     "diagrams/demo/small.yml:7: unknown kind 'pigeon'"),
    ("group that nests itself", DIAGRAM + "groups:\n  a: {label: A, members: [b]}\n  b: {label: B, members: [a]}\n",
     "group 'a' is nested inside itself"),
    ("group that contains itself", DIAGRAM + "groups:\n  a: {label: A, members: [a, ranker]}\n",
     "diagrams/demo/small.yml:10: group 'a' contains itself"),
    ("YAML syntax error", DIAGRAM.replace("edges:", "edges: [unclosed"), "diagrams/demo/small.yml:"),
    ("duplicate key", DIAGRAM + "title: Again\n", "diagrams/demo/small.yml:9: YAML syntax error: duplicate key 'title'"),
    ("unknown top-level key", DIAGRAM + "colour: red\n", "diagrams/demo/small.yml:9: unknown key 'colour'"),
]


@pytest.mark.parametrize("case, diagram, expected", INVALID, ids=[c[0] for c in INVALID])
def test_invalid_source_is_reported_with_file_and_line_and_nothing_is_written(tmp_path, capsys, case, diagram, expected):
    root = make_tree(tmp_path, diagram=diagram)
    before = (root / "docs" / "page.md").read_text()
    code, output = run(root, "generate", capsys)
    assert code == 1
    assert expected in output, output
    assert "nothing was written" in output and "Traceback" not in output
    assert (root / "docs" / "page.md").read_text() == before


def test_diagram_that_no_page_includes(tmp_path, capsys):
    root = make_tree(tmp_path, page="---\ntitle: Page\nsummary: No include here at all, for the test.\n---\n\nText.\n")
    code, output = run(root, "check", capsys)
    assert code == 1 and "diagrams/demo/small.yml:1: diagram 'demo/small' is not included by any page" in output


def test_page_that_includes_a_missing_diagram(tmp_path, capsys):
    root = make_tree(tmp_path, page=PAGE.replace("demo/small", "demo/absent") + "\n<!-- diagram: demo/small -->\n<!-- /diagram -->\n")
    code, output = run(root, "check", capsys)
    assert code == 1
    assert "docs/page.md:8: includes diagram 'demo/absent', but diagrams/demo/absent.yml does not exist" in output


def test_hand_written_mermaid_and_broken_markers_are_reported(tmp_path, capsys):
    page = PAGE + "\n```mermaid\nflowchart LR\n  a --> b\n```\n\n<!-- diagram: demo/small -->\n"
    root = make_tree(tmp_path, page=page)
    code, output = run(root, "check", capsys)
    assert code == 1
    assert "docs/page.md:13: hand-written Mermaid" in output
    assert "docs/page.md:18: diagram marker is never closed" in output


def test_catalog_concept_must_exist(tmp_path, capsys):
    from diagram_fixtures import CATALOG
    root = make_tree(tmp_path, catalog=CATALOG + "    concept: no-such-concept\n")
    code, output = run(root, "check", capsys)
    assert code == 1 and "diagrams/catalog.yml:10: component 'model_server' names concept 'no-such-concept'" in output


def test_escaping_keeps_every_character_out_of_mermaid_syntax():
    text = 'He said "hi" [x] {y} (z) | a; b # c `d` <script>alert(1)</script> &amp; 🙂 é\nnext'
    escaped = mermaid.escape(text)
    bare = re.sub(r"#\d+;", "", escaped)  # entity codes are the only place a ";" or "#" may appear
    for forbidden in '"[]{}|;#`<>&\n':
        assert forbidden not in bare
    assert "#34;" in escaped and "#60;" in escaped and "#128578;" in escaped
    # Mermaid reads _x_ and *x* in a label as emphasis; escaped, they show as written.
    assert mermaid.escape("_0_ *x*") == "#95;0#95; #42;x#42;"


def test_hundred_diagrams_generate_in_under_a_second(tmp_path, capsys):
    root = make_tree(tmp_path)
    include_lines = []
    for index in range(100):
        (root / "diagrams" / "demo" / f"d{index:03}.yml").write_text(DIAGRAM.replace("A small diagram", f"Diagram {index}"))
        include_lines.append(f"<!-- diagram: demo/d{index:03} -->\n<!-- /diagram -->\n")
    (root / "docs" / "many.md").write_text("---\ntitle: Many\nsummary: One hundred diagrams for the timing test.\n---\n\n"
                                           + "\n".join(include_lines))
    start = time.perf_counter()
    code, _ = run(root, "generate", capsys)
    elapsed = time.perf_counter() - start
    assert code == 0
    assert elapsed < 1.0, f"generating 101 diagrams took {elapsed:.2f} s"


def test_real_repository_is_current():
    from conftest import ROOT
    assert cli.main(["check"], root=ROOT) == 0
