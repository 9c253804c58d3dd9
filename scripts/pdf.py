"""The whole handbook as one PDF: every page of the built site printed by headless Chromium, in reading order.

    python scripts/pdf.py [SITE_DIR] [--output SITE_DIR/handbook.pdf] [--only PATH ...]

Reads the reading order from SITE_DIR/llms.txt (every page, grouped by navigation section, as the navigation lists
them), serves the site locally, and for each page: opens it in headless Chromium (Playwright with the system
Chromium: /usr/bin/chromium, or the executable named by CHROMIUM), opens every collapsed <details>, scrolls each
diagram into view (docs/javascripts/mermaid-on-demand.js loads Mermaid only when a diagram nears the viewport), waits
until every diagram is an SVG and every formula is typeset, points links at the published site instead of the local
server, and prints the page with print media (the print rules at the end of docs/stylesheets/handbook.css hide the
site's chrome). The page PDFs are then merged with pypdf into one file with an outline entry per page under its
section. `make pdf` runs this on site/ after `make build`; --only prints the listed pages (site paths such as cases/fraud-detection/) through the same code.
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import http.server
import os
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# Pages printed at once; each waits on timers and on Mermaid much of the time, so a few share two cores well.
WORKERS = int(os.environ.get("PDF_WORKERS", "3"))
PAGE_TIMEOUT_MS = 60_000
_ENTRY = re.compile(r"^- \[(?P<title>[^\]]+)\]\((?P<url>[^)]+)\)")

# Material renders each diagram into a closed shadow root; opened, the wait below can see the SVG inside.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""
# Material swaps each <pre class="mermaid"> for a new host element, so the hosts are looked up again at every step.
SCROLL_TO_DIAGRAMS = """async () => {
  const count = document.querySelectorAll('.mermaid').length;
  for (let index = 0; index < count; index++) {
    const host = document.querySelectorAll('.mermaid')[index];
    if (host) host.scrollIntoView({ block: 'center' });
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 50)));
  }
}"""
DIAGRAMS_RENDERED = """() => [...document.querySelectorAll('.mermaid')]
  .every(host => host.shadowRoot && host.shadowRoot.querySelector('svg'))"""
FORMULAS_TYPESET = """() => [...document.querySelectorAll('.arithmatex')]
  .every(element => element.querySelector('.katex, .katex-error'))"""
# Printed links lead to the published page, not to the local server this script started.
PUBLISH_LINKS = """([local, published]) => {
  for (const link of document.querySelectorAll('a[href]')) {
    if (link.href.startsWith(local)) link.href = published + link.href.slice(local.length);
  }
  for (const details of document.querySelectorAll('details')) details.open = true;
}"""


@dataclass(frozen=True)
class Entry:
    section: str
    title: str
    path: str  # relative to the site root: "" for the home page, "cases/fraud-detection/" for a case


def reading_order(site: Path) -> tuple[str, list[Entry]]:
    """The published site URL and every page in reading order, from llms.txt."""
    llms = site / "llms.txt"
    if not llms.is_file():
        raise SystemExit(f"{llms} is missing: build the site first (make build).")
    section, found = "", []
    for line in llms.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line[3:].strip()
        elif match := _ENTRY.match(line):
            found.append((section, match["title"], match["url"]))
    if not found:
        raise SystemExit(f"{llms} lists no pages.")
    published = os.path.commonprefix([url for _, _, url in found])
    published = published[: published.rindex("/") + 1]
    return published, [Entry(section, title, url[len(published):]) for section, title, url in found]


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


async def print_page(context, local: str, published: str, entry: Entry, output: Path) -> None:
    page = await context.new_page()
    try:
        await page.goto(local + entry.path, wait_until="load", timeout=PAGE_TIMEOUT_MS)
        await page.evaluate(PUBLISH_LINKS, [local, published])
        await page.evaluate(SCROLL_TO_DIAGRAMS)
        try:
            await page.wait_for_function(DIAGRAMS_RENDERED, timeout=PAGE_TIMEOUT_MS)
            await page.wait_for_function(FORMULAS_TYPESET, timeout=PAGE_TIMEOUT_MS)
        except Exception as error:
            raise RuntimeError(f"{entry.path or 'home page'}: diagrams or formulas did not render ({error})") from error
        await page.emulate_media(media="print")
        await page.evaluate("() => window.scrollTo(0, 0)")
        await page.pdf(path=str(output), format="A4", print_background=True,
                       margin={"top": "14mm", "bottom": "14mm", "left": "12mm", "right": "12mm"})
    finally:
        await page.close()


async def print_all(site: Path, published: str, entries: list[Entry], folder: Path) -> list[Path]:
    from playwright.async_api import async_playwright

    server = serve(site)
    local = f"http://127.0.0.1:{server.server_address[1]}/"
    outputs = [folder / f"{number:04d}.pdf" for number in range(len(entries))]
    queue: asyncio.Queue = asyncio.Queue()
    for item in zip(entries, outputs):
        queue.put_nowait(item)
    try:
        async with async_playwright() as playwright:
            executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
            browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            context = await browser.new_context(color_scheme="light", viewport={"width": 1100, "height": 1400})
            await context.add_init_script(OPEN_SHADOW_ROOTS)

            async def worker():
                while not queue.empty():
                    entry, output = queue.get_nowait()
                    await print_page(context, local, published, entry, output)
                    done = len(entries) - queue.qsize()
                    if done % 25 == 0:
                        print(f"  printed {done} of {len(entries)} pages", file=sys.stderr, flush=True)

            await asyncio.gather(*(worker() for _ in range(min(WORKERS, len(entries)))))
            await browser.close()
    finally:
        server.shutdown()
    return outputs


def merge(entries: list[Entry], parts: list[Path], output: Path) -> int:
    """One PDF from the page PDFs, with an outline: a section, then one entry per page at its first sheet."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    sections: dict[str, object] = {}
    for entry, part in zip(entries, parts):
        first = len(writer.pages)
        writer.append(PdfReader(part), import_outline=False)
        parent = sections.get(entry.section)
        if parent is None:
            parent = sections[entry.section] = writer.add_outline_item(title=entry.section, page_number=first)
        writer.add_outline_item(title=entry.title, page_number=first, parent=parent)
    writer.add_metadata({"/Title": "ML System Design Handbook", "/Subject": "The whole handbook, in reading order"})
    writer.page_mode = "/UseOutlines"
    # Each page PDF brings its own copy of shared resources (colour profiles, font descriptors); keep one of each.
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def build_pdf(site: Path, output: Path, only: list[str] | None = None) -> int:
    """Print the site's pages (all of them, or those in `only`, in reading order) into `output`; the sheet count."""
    site = site.resolve()
    published, entries = reading_order(site)
    if only:
        wanted = {path.strip("/") for path in only}
        entries = [entry for entry in entries if entry.path.strip("/") in wanted]
        missing = wanted - {entry.path.strip("/") for entry in entries}
        if missing:
            raise SystemExit(f"not in {site / 'llms.txt'}: {', '.join(sorted(missing))}")
    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as folder:
        parts = asyncio.run(print_all(site, published, entries, Path(folder)))
        return merge(entries, parts, output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, help="where to write the PDF (default: SITE/handbook.pdf)")
    parser.add_argument("--only", nargs="+", metavar="PATH", help="print only these pages, e.g. concepts/data-drift/")
    args = parser.parse_args(argv)
    output = args.output or args.site / "handbook.pdf"
    started = time.monotonic()
    try:
        sheets = build_pdf(args.site, output, args.only)
    except RuntimeError as error:  # a page whose diagrams or formulas never rendered: name it, print nothing
        print(f"No PDF written: {error}", file=sys.stderr)
        return 1
    size = output.stat().st_size / 1_000_000
    print(f"Wrote {output}: {sheets} PDF pages, {size:.1f} MB, in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
