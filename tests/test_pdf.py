"""The whole-book PDF (scripts/pdf.py): three pages printed through the same code as `make pdf`, then merged."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, chromium_path

sys.path.insert(0, str(ROOT / "scripts"))
import pdf  # noqa: E402  (scripts/pdf.py)

# A case with diagrams, a concept with math, a notebook; each with a phrase from its text.
PAGES = {
    "cases/fraud-detection/": "Payment fraud detection",
    "concepts/calibration/": "Calibration",
    "notebooks/calibration/": "reliability",
}
# The training diagram of the fraud case: its labels exist only in the rendered SVG, not in the page's prose.
DIAGRAM_LABELS = ["Decision log with served features", "Label join: any fraud signal within 120 days"]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def book(built_site, tmp_path_factory):
    if chromium_path() is None:
        pytest.exit("No Chromium found: install it with `apt-get install chromium`, or set CHROMIUM=/path", returncode=1)
    from pypdf import PdfReader

    output = tmp_path_factory.mktemp("pdf") / "handbook.pdf"
    # Its own process, as `make pdf` runs it: the printer uses Playwright's asyncio API, which cannot start inside the
    # event loop the session's synchronous browser already runs.
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pdf.py"), str(built_site), "--output", str(output),
                             "--only", *PAGES], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    sheets = int(re.search(r": (\d+) PDF pages", result.stdout)[1])
    return PdfReader(output), sheets


def test_every_page_is_printed_in_reading_order_with_an_outline(book):
    reader, sheets = book
    assert len(reader.pages) == sheets >= len(PAGES)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["Case studies", "Concepts", "Notebooks"], "one outline section per navigation section, in order"
    pages = [item for group in reader.outline if isinstance(group, list) for item in group]
    assert len(pages) == len(PAGES)
    starts = [reader.get_destination_page_number(item) for item in pages]
    assert starts == sorted(starts) and starts[0] == 0 and len(set(starts)) == len(PAGES)


def test_each_page_contributes_its_text(book):
    reader, _ = book
    pages = [item for group in reader.outline if isinstance(group, list) for item in group]
    starts = [reader.get_destination_page_number(item) for item in pages] + [len(reader.pages)]
    for (path, phrase), start, end in zip(PAGES.items(), starts, starts[1:]):
        text = words(" ".join(reader.pages[number].extract_text() for number in range(start, end)))
        assert phrase.lower() in text.lower(), f"{path}: {phrase!r} is not in its {end - start} PDF pages"


def test_diagrams_are_printed_rendered_not_as_source(book):
    reader, _ = book
    text = words(" ".join(page.extract_text() for page in reader.pages))
    for label in DIAGRAM_LABELS:
        assert label in text, f"diagram label {label!r} missing: the diagram was not rendered before printing"
    assert not re.search(r"flowchart (TB|LR)|classDef ", text), "Mermaid source was printed instead of a diagram"


def test_links_lead_to_the_published_site_not_to_the_local_server(book, built_site):
    reader, _ = book
    published, _ = pdf.reading_order(built_site)
    targets = [annotation.get_object().get("/A", {}).get("/URI", "") for page in reader.pages
               for annotation in page.get("/Annots", [])]
    targets = [str(target) for target in targets if target]
    assert targets, "the printed pages kept no links"
    assert not [target for target in targets if "127.0.0.1" in target]
    assert any(target.startswith(published) for target in targets)


def test_reading_order_comes_from_llms_txt(built_site):
    published, entries = pdf.reading_order(built_site)
    assert published.endswith("/") and entries[0].path == "" and entries[0].section == "Start here"
    assert len(entries) == len({entry.path for entry in entries}), "a page would be printed twice"
    # A strict build puts every page in the navigation, so the book holds every page of the sitemap.
    sitemap = set(re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8")))
    assert {published + entry.path for entry in entries} == sitemap
