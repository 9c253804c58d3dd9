"""What a reader's browser sees on one page: errors, outside requests, diagrams and formulas.

Material renders each Mermaid diagram into a closed shadow root. The init script below opens every shadow root
so the checks can read the rendered SVG and its text, not only the size of the host element.
"""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""

DIAGRAM_STATE = """() => [...document.querySelectorAll('.mermaid')].map(host => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : host.getBoundingClientRect();
  return { rendered: Boolean(svg), width: box.width, height: box.height,
           text: host.shadowRoot ? host.shadowRoot.textContent : host.textContent };
})"""

# accessibility.js lays out the article's blocks skipped at load (handbook.css) and then checks the widths, in idle
# slices after load; measuring a page before it ends would measure placeholders.
LAID_OUT = "() => document.documentElement.dataset.hbWidths === 'checked'"
STILL_SKIPPED = """() => [...document.querySelectorAll('.md-content .md-typeset > *, .md-content .jp-Notebook > .jp-Cell')]
  .filter(block => getComputedStyle(block).contentVisibility !== 'visible').length"""

MATH_STATE = """() => ({
  sources: document.querySelectorAll('.arithmatex').length,
  notebook: document.querySelectorAll('.jp-RenderedMarkdown').length,
  rendered: document.querySelectorAll('.katex').length,
  errors: document.querySelectorAll('.katex-error').length,
})"""


@dataclass
class PageReport:
    url: str
    problems: list[str] = field(default_factory=list)
    diagrams: int = 0
    formulas: int = 0


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to the site root ("" for the home page)."""
    pages = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def new_page(browser, color_scheme: str):
    context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(OPEN_SHADOW_ROOTS)
    return page


def watch(page, report_holder: dict) -> None:
    """Record console errors, uncaught exceptions and requests to any host but the local server."""

    def on_console(message):
        if message.type == "error":
            report_holder["report"].problems.append(f"console error: {message.text}")

    def on_request(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            return
        report_holder["report"].problems.append(f"request to a third party: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: report_holder["report"].problems.append(f"page error: {error}"))
    page.on("request", on_request)


def check_loaded_page(page, report: PageReport, color_scheme: str) -> None:
    """Wait for diagrams and math, then record what is wrong with them."""
    expected_scheme = "slate" if color_scheme == "dark" else "default"
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    if scheme != expected_scheme:
        report.problems.append(f"palette is {scheme!r}, expected {expected_scheme!r}")

    if page.evaluate("() => document.querySelectorAll('.mermaid').length"):
        # Diagrams load when one nears the viewport (mermaid-on-demand.js), as when a reader scrolls to it.
        page.evaluate("() => document.querySelector('.mermaid').scrollIntoView()")
        try:
            page.wait_for_function(
                "() => [...document.querySelectorAll('.mermaid')].every(h => h.shadowRoot && h.shadowRoot.querySelector('svg'))",
                timeout=15_000,
            )
        except Exception:  # the per-diagram check below says which diagram stayed blank
            pass
    for index, diagram in enumerate(page.evaluate(DIAGRAM_STATE)):
        report.diagrams += 1
        if not diagram["rendered"]:
            report.problems.append(f"diagram {index + 1} was not rendered (still Mermaid source)")
        elif diagram["width"] < 40 or diagram["height"] < 20:
            report.problems.append(f"diagram {index + 1} is blank ({diagram['width']:.0f}x{diagram['height']:.0f} px)")
        if "Syntax error" in diagram["text"] or "Parse error" in diagram["text"]:
            report.problems.append(f"diagram {index + 1} shows a Mermaid error")

    math = page.evaluate(MATH_STATE)
    report.formulas = math["rendered"]
    if math["sources"] and math["rendered"] < math["sources"]:
        report.problems.append(f"{math['sources']} formulas but only {math['rendered']} rendered by KaTeX")
    if math["errors"]:
        report.problems.append(f"{math['errors']} formulas failed to render")


# Browsers crawling at once. Each runs in its own thread with its own Playwright instance (the sync API is not
# thread-safe), so two cores stay busy while another page waits on the network or on a timer.
CRAWL_WORKERS = int(os.environ.get("CRAWL_WORKERS", "4"))


def crawl_in_parallel(site_url: str, jobs: list[tuple[str, list[str]]], launch) -> list[PageReport]:
    """Load every (color scheme, pages) job in parallel browsers and check each page; `launch(playwright)` starts one
    browser. Pages are dealt round-robin so each worker gets a similar mix of light and heavy pages."""
    work = [(scheme, pages[i::CRAWL_WORKERS]) for scheme, pages in jobs for i in range(CRAWL_WORKERS)]

    def run(item):
        scheme, pages = item
        if not pages:
            return []
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = new_page(browser, scheme)
            holder: dict = {}
            watch(page, holder)
            reports = []
            for path in pages:
                holder["report"] = report = PageReport(f"{path or '(home)'} [{scheme}]")
                page.goto(site_url + path, wait_until="load")
                check_loaded_page(page, report, scheme)
                reports.append(report)
            browser.close()
            return reports

    with ThreadPoolExecutor(max_workers=CRAWL_WORKERS) as pool:
        return [report for reports in pool.map(run, work) for report in reports]
