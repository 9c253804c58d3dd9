"""Performance budgets: what a first visit to each kind of page downloads before the reader does anything, gzipped
(as GitHub Pages serves it), how many requests it makes, and how long its long tasks block the main thread on a slow
phone. Search index and Mermaid are never among the downloads."""
from __future__ import annotations

import gzip
from urllib.parse import urlparse

import pytest

from browser_pages import LAID_OUT
from conftest import BASE_PATH

# (page, kind, budget in gzipped kilobytes before any interaction, at most this many requests). The targets:
# a page with neither diagrams nor math 100 KB, a page with math 160 KB. Diagram pages (cases, chapters) are also the
# longest pages, with math rendered into the HTML; their budget is ours: 200 KB, Mermaid not counted because it loads
# only when a diagram nears the viewport.
BUDGETS = [
    ("about/license/", "text page", 100, 12),
    ("concepts/data-drift/", "page with math", 160, 20),
    ("framework/evaluation/", "chapter with math and diagrams", 200, 20),
    ("cases/fraud-detection/", "case with math and diagrams", 200, 20),
    # The home page shows a diagram, so it also loads the diagram viewer's small script.
    ("", "home", 100, 14),
]
NOTEBOOK_HTML_BUDGET = 300_000  # bytes of HTML, uncompressed


def gzipped_size(path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def first_visit(browser, site_url, built_site, path):
    # A phone: the budgets are for the reader on a small screen and a slow network.
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.context.close()
    sizes = {}
    for url in fetched:
        local = urlparse(url).path.removeprefix(BASE_PATH)
        target = built_site / local
        if target.is_dir() or local.endswith("/") or local == "":
            target = target / "index.html"
        if target.exists():
            sizes[local or "index.html"] = gzipped_size(target)
    return fetched, sizes


@pytest.mark.parametrize("path, kind, budget_kb, max_requests", BUDGETS, ids=[b[1] for b in BUDGETS])
def test_first_visit_stays_within_its_budget(browser, site_url, built_site, path, kind, budget_kb, max_requests):
    fetched, sizes = first_visit(browser, site_url, built_site, path)
    total = sum(sizes.values())
    heaviest = ", ".join(f"{name} {size // 1024} KB" for name, size in sorted(sizes.items(), key=lambda s: -s[1])[:4])
    print(f"{kind}: {total / 1024:.0f} KB gzipped in {len(fetched)} requests ({heaviest})")
    assert not [u for u in fetched if "search_index" in u or "/vendor/mermaid/" in u], fetched
    assert total <= budget_kb * 1024, f"{kind} {path!r}: {total / 1024:.0f} KB > {budget_kb} KB ({heaviest})"
    assert len(fetched) <= max_requests, f"{kind} {path!r}: {len(fetched)} requests > {max_requests}: {fetched}"


# Main-thread work on load, on Lighthouse's mobile profile (the CPU four times slower): the time long tasks spend
# past 50 ms between first paint and the end of the idle layout pass (total blocking time, as Lighthouse counts it).
# The least of three loads: a busy machine only ever adds time. Laying out a whole case or chapter at load cost 540
# to 620 ms; with the article laid out in idle slices the six pages take 15 to 250 ms on a quiet machine
# (docs/contributing/performance.md).
BLOCKING_BUDGET_MS = 400
LONG_TASKS = """window.hbLongTasks = [];
new PerformanceObserver((list) => { for (const task of list.getEntries()) hbLongTasks.push([task.startTime, task.duration]); })
  .observe({ type: "longtask", buffered: true });"""
BLOCKING_TIME = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const after = paint ? paint.startTime : 0;
  return hbLongTasks.filter(([start, duration]) => start + duration > after)
    .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
}"""


def blocking_time(browser, site_url, path) -> float:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(site_url + path, wait_until="load")
    page.wait_for_function(LAID_OUT, timeout=30_000)
    blocked = page.evaluate(BLOCKING_TIME)
    context.close()
    return blocked


@pytest.mark.parametrize("path, kind", [(b[0], b[1]) for b in BUDGETS] + [("notebooks/calibration/", "notebook")],
                         ids=[b[1] for b in BUDGETS] + ["notebook"])
def test_load_leaves_the_main_thread_free(browser, site_url, path, kind):
    runs = sorted(blocking_time(browser, site_url, path) for _ in range(3))
    print(f"{kind}: blocking time {runs} ms")
    assert runs[0] <= BLOCKING_BUDGET_MS, f"{kind} {path!r}: {runs[0]:.0f} ms of long tasks > {BLOCKING_BUDGET_MS} ms"


def test_notebook_pages_stay_small(built_site):
    for html in (built_site / "notebooks").glob("*/index.html"):
        size = html.stat().st_size
        assert size <= NOTEBOOK_HTML_BUDGET, f"{html.parent.name}: {size // 1000} KB of HTML > {NOTEBOOK_HTML_BUDGET // 1000} KB"
