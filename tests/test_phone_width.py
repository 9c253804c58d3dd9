"""Readable on a phone: at a 390 x 844 viewport no page of the built site scrolls sideways (wide formulas, tables and
code scroll inside their own box) or fetches the search index, Mermaid or the KaTeX script at load; a reader who lands
on an anchor stays on it while the article is laid out; and a diagram opened full screen shows its smallest label at
12 px or more, pans and zooms, and closes with Escape, giving focus back to its button."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser_pages import CRAWL_WORKERS, LAID_OUT, OPEN_SHADOW_ROOTS, STILL_SKIPPED, site_pages
from conftest import ROOT, launch_chromium

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
WIDTH = PHONE["viewport"]["width"]
MIN_LABEL_PX = 12

DIAGRAMS_RENDERED = """() => [...document.querySelectorAll('.mermaid')]
  .every(host => host.shadowRoot && host.shadowRoot.querySelector('svg'))"""

# The elements that stick out past the right edge without a scrolling ancestor to contain them: what to fix.
OVERFLOWING = """(width) => {
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.right <= width + 1 || box.width === 0) continue;
    let parent = element.parentElement, contained = false;
    while (parent && parent !== document.body) {
      if (getComputedStyle(parent).overflowX !== 'visible') { contained = true; break; }
      parent = parent.parentElement;
    }
    if (!contained) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} to ${Math.round(box.right)} px`);
  }
  return found.slice(0, 3);
}"""

# Rendered size of each diagram label in the viewer: its font size in SVG units times the SVG's scale on screen.
LABEL_SIZES = """() => {
  const svg = document.querySelector('dialog.hb-viewer[open] svg');
  if (!svg) return null;
  const sizes = [];
  for (const node of svg.querySelectorAll('text, foreignObject span, foreignObject p, foreignObject div')) {
    if (!node.textContent.trim()) continue;
    const graphic = node.closest('foreignObject') || node;
    const matrix = graphic.getScreenCTM();
    sizes.push(parseFloat(getComputedStyle(node).fontSize) * Math.hypot(matrix.a, matrix.b));
  }
  return { smallest: Math.min(...sizes), labels: sizes.length, width: svg.getBoundingClientRect().width };
}"""


def _phone_page(browser):
    context = browser.new_context(**PHONE)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    return context.new_page()


def _render_diagrams(page) -> None:
    """Diagrams render when one nears the viewport, as when a reader scrolls to it; then back to the top."""
    if page.evaluate("() => document.querySelectorAll('.mermaid').length"):
        page.evaluate("() => document.querySelector('.mermaid').scrollIntoView()")
        page.wait_for_function(DIAGRAMS_RENDERED, timeout=20_000)
        page.evaluate("() => window.scrollTo(0, 0)")


# Fetched by no page before the reader searches or scrolls to a diagram (the budgets in docs/contributing/performance.md).
ON_DEMAND_ONLY = ("/search/search_index.json", "/vendor/mermaid/", "/katex.min.js")
DIAGRAM_NEAR_AT_LOAD = """() => [...document.querySelectorAll('pre.mermaid, div.mermaid')]
  .some((diagram) => diagram.getBoundingClientRect().top < innerHeight * 1.25)"""


def test_no_page_scrolls_sideways_at_390_px_or_loads_search_or_mermaid_before_it_is_needed(built_site, site_url):
    pages = site_pages(built_site)
    fetched_early: list[str] = []

    def measure(chunk):
        if not chunk:
            return []
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = _phone_page(browser)
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            widths = []
            for path in chunk:
                requested.clear()
                page.goto(site_url + path, wait_until="load")
                page.wait_for_function(LAID_OUT, timeout=20_000)
                # A diagram in the first screen and a quarter is near at load, and rightly loads Mermaid.
                diagram_near = page.evaluate(DIAGRAM_NEAR_AT_LOAD)
                fetched_early.extend(f"{path or '(home)'}: {url}" for url in requested
                                     if any(part in url for part in ON_DEMAND_ONLY)
                                     and not (diagram_near and "/vendor/mermaid/" in url))
                _render_diagrams(page)
                scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
                culprits = page.evaluate(OVERFLOWING, WIDTH) if scroll_width > WIDTH else []
                # A block still skipped would hide its overflow (content-visibility clips it) from this check.
                skipped = page.evaluate(STILL_SKIPPED)
                if skipped:
                    culprits.append(f"{skipped} blocks still skipped after the layout pass")
                    scroll_width = max(scroll_width, WIDTH + 1)
                widths.append((path or "(home)", scroll_width, culprits))
            browser.close()
            return widths

    with ThreadPoolExecutor(max_workers=CRAWL_WORKERS) as pool:
        widths = [w for chunk in pool.map(measure, [pages[i::CRAWL_WORKERS] for i in range(CRAWL_WORKERS)]) for w in chunk]
    assert len(widths) == len(pages)
    assert not fetched_early, "fetched at load, before any search or diagram:\n" + "\n".join(fetched_early)
    too_wide = sorted((w for w in widths if w[1] > WIDTH), key=lambda w: -w[1])
    assert not too_wide, f"{len(too_wide)} pages scroll sideways at {WIDTH} px:\n" + "\n".join(
        f"{path}: {width} px ({'; '.join(culprits) or 'no single element found'})" for path, width, culprits in too_wide)


# A few diagram pages: the widest flowchart (a pipeline of 4,400 SVG units), a sequence diagram, a chapter diagram,
# and the legend, whose diagrams have no caption (their names come from the heading above them).
VIEWER_PAGES = ["cases/churn-uplift/", "framework/evaluation/", "components/legend/"]


@pytest.mark.parametrize("path", VIEWER_PAGES)
def test_each_diagram_opens_full_screen_with_readable_labels_pan_and_zoom(browser, site_url, path):
    page = _phone_page(browser)
    page.goto(site_url + path, wait_until="load")
    _render_diagrams(page)
    hosts = page.locator("div.mermaid")
    buttons = page.locator("button.hb-diagram-open")
    assert hosts.count() >= 1, f"{path}: no rendered diagram"
    page.wait_for_function("(n) => document.querySelectorAll('button.hb-diagram-open').length === n", arg=hosts.count())

    for index in range(buttons.count()):
        button = buttons.nth(index)
        assert button.get_attribute("aria-label").startswith("Open full screen: ")
        button.scroll_into_view_if_needed()
        button.click()
        dialog = page.locator("dialog.hb-viewer[open]")
        dialog.wait_for()
        page.wait_for_function("() => document.querySelector('dialog.hb-viewer').dataset.ready === 'true'")
        title = page.evaluate("() => document.getElementById("
                              "document.querySelector('dialog.hb-viewer').getAttribute('aria-labelledby')).textContent")
        assert title.strip(), f"{path}: diagram {index + 1}: the viewer has no name"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= WIDTH

        labels = page.evaluate(LABEL_SIZES)
        assert labels and labels["labels"] > 0, f"{path}: diagram {index + 1}: no labels in the viewer"
        assert labels["smallest"] >= MIN_LABEL_PX - 0.01, (
            f"{path}: diagram {index + 1}: smallest label {labels['smallest']:.1f} px in the viewer")

        if index == 0:  # the controls, once per page
            scale = lambda: page.evaluate("() => parseFloat(document.querySelector('.hb-viewer__scale').textContent)")
            before = scale()
            dialog.get_by_role("button", name="Zoom in").click()
            assert scale() > before
            page.keyboard.press("-")
            assert scale() == pytest.approx(before, rel=0.02)
            stage = page.locator(".hb-viewer__stage")
            if page.evaluate("() => { const s = document.querySelector('.hb-viewer__stage');"
                             " return s.scrollWidth > s.clientWidth; }"):
                start = page.evaluate("() => document.querySelector('.hb-viewer__stage').scrollLeft")
                box = stage.bounding_box()
                page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
                page.mouse.down()
                page.mouse.move(box["x"] + box["width"] * 0.2, box["y"] + box["height"] / 2, steps=5)
                page.mouse.up()
                assert page.evaluate("() => document.querySelector('.hb-viewer__stage').scrollLeft") > start, \
                    f"{path}: dragging did not pan the diagram"

        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('dialog.hb-viewer').open")
        assert page.evaluate("(b) => document.activeElement === b", button.element_handle()), \
            f"{path}: focus did not return to the button of diagram {index + 1}"
    page.context.close()


def test_a_reader_who_lands_on_an_anchor_stays_on_it_while_the_article_is_laid_out(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site_url + "cases/fraud-detection/#7-monitoring-and-iteration", wait_until="load")
    page.wait_for_function(LAID_OUT, timeout=20_000)
    assert page.evaluate(STILL_SKIPPED) == 0
    top = page.evaluate("() => document.getElementById('7-monitoring-and-iteration').getBoundingClientRect().top")
    # The heading sits under the sticky header, as after any jump to an anchor; the blocks above it grew from their
    # placeholder height to their real one (thousands of pixels on this page) without moving it out of view.
    assert 0 <= top < 200, f"the heading moved to {top:.0f} px while the page was laid out"
    context.close()


def test_blocks_are_skipped_only_where_the_browser_keeps_the_reader_in_place():
    """Chromium keeps what the reader looks at in place while blocks above it change height (scroll anchoring);
    Safari does not, and there a landing on an anchor moved the heading a screen down (837 px, measured in Chromium
    with anchoring turned off). The skipping rule applies only under @supports (overflow-anchor: auto)."""
    css = (ROOT / "docs" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    rules = [match.start() for match in re.finditer(r"content-visibility:\s*auto", css)]
    guard = css.find("@supports (overflow-anchor: auto)")
    assert rules and guard != -1
    for position in rules:
        opened = css[guard:position]
        assert guard < position and opened.count("{") > opened.count("}"), "content-visibility outside the guard"
