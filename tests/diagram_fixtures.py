"""A tiny repository tree for diagram pipeline tests: a catalog, one diagram, one page that includes it."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

CATALOG = """\
components:
  client:
    label: Client app
    kind: user
    layer: product
  model_server:
    label: Model server
    kind: service
    layer: serving
"""

DIAGRAM = """\
title: A small diagram
type: flowchart
direction: LR
nodes:
  ranker: {label: "Ranker", kind: model, layer: serving}
edges:
  - {from: client, to: model_server, label: "request", kind: request}
  - {from: model_server, to: ranker, kind: request}
"""

PAGE = """\
---
title: Page
summary: A page that includes one diagram for the tests.
---

Text before.

<!-- diagram: demo/small -->
<!-- /diagram -->

Text after.
"""


def make_tree(root: Path, diagram: str = DIAGRAM, page: str = PAGE, catalog: str = CATALOG) -> Path:
    (root / "diagrams" / "demo").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "diagrams" / "catalog.yml").write_text(catalog)
    (root / "diagrams" / "demo" / "small.yml").write_text(textwrap.dedent(diagram))
    (root / "docs" / "page.md").write_text(page)
    return root
