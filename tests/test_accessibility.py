"""Accessibility: axe-core on one page of each kind, in both palettes, on a desktop screen and on a phone, finds no
violation of WCAG 2.2 A and AA or of axe's best practices; and every diagram has an accessible name.

axe-core is pinned in tests/axe/package-lock.json; `make test` installs it (`npm ci --prefix tests/axe`). It runs on a
representative set of pages, not all of them: the whole site in both palettes takes minutes (STACK_NOTES.md), and the
pages of one kind share their templates, hooks and scripts.
"""
from __future__ import annotations

import html
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser_pages import CRAWL_WORKERS, LAID_OUT, OPEN_SHADOW_ROOTS, site_pages
from conftest import ROOT, launch_chromium

AXE_DIR = ROOT / "tests" / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 adds target-size), and axe's best practices (landmarks, headings).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

PAGES = {
    "home": "",
    "case": "cases/churn-uplift/",
    "concept": "concepts/calibration/",
    "notebook": "notebooks/ranking-metrics/",
    "chapter": "framework/evaluation/",
    "case matrix": "cases/matrix/",
    "practice timer": "practice/timer/",
    "prompt bank": "practice/prompt-bank/",
    "self-test": "practice/self-tests/data/",
}
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}

RUN_AXE = """(tags) => axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] })
  .then((result) => ({
    version: axe.version,
    passes: result.passes.length,
    violations: result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
    })),
  }))"""

DIAGRAMS_RENDERED = """() => [...document.querySelectorAll('.mermaid')]
  .every(host => host.shadowRoot && host.shadowRoot.querySelector('svg'))"""

# For each rendered diagram: its accessible name as a screen reader gets it from the SVG (aria-labelledby -> <title>,
# or aria-label), and the "Figure: ..." caption that follows it, if any.
DIAGRAM_NAMES = """() => [...document.querySelectorAll('div.mermaid')].map((host) => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector('svg');
  if (!svg) return { rendered: false };
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const byId = ids.map((id) => host.shadowRoot.getElementById(id)).filter(Boolean);
  const name = (byId.map((e) => e.textContent).join(' ') || svg.getAttribute('aria-label') || '').trim();
  let caption = host.nextElementSibling;
  while (caption && caption.matches('.hb-diagram-open')) caption = caption.nextElementSibling;
  const text = caption && /^Figure:/.test(caption.textContent.trim()) ? caption.textContent.trim() : '';
  return { rendered: true, role: svg.getAttribute('role'), name, caption: text.replace(/^Figure:\\s*/, '') };
})"""


def _require_axe():
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `make test`, or `npm ci --prefix tests/axe`")


def _prepare(page, site_url: str, path: str) -> None:
    """Load a page as a reader finds it: diagrams rendered (they render when one nears the viewport), back at the
    top, the sidebar in its rest position and no transition running (axe measures colors mid-fade otherwise)."""
    page.goto(site_url + path, wait_until="load")
    page.wait_for_function(LAID_OUT, timeout=20_000)
    if page.evaluate("() => document.querySelectorAll('.mermaid').length"):
        page.evaluate("() => document.querySelector('.mermaid').scrollIntoView()")
        page.wait_for_function(DIAGRAMS_RENDERED, timeout=20_000)
        page.evaluate("() => window.scrollTo(0, 0)")
    # Material's navigation.tracking scrolls the sidebar to the current page; links scrolled under the sidebar's
    # sticky section title then count as overlapped targets (target-size). Check the sidebar at rest.
    page.evaluate("() => document.querySelectorAll('.md-sidebar__scrollwrap').forEach(s => { s.scrollTop = 0; })")
    # Back at the top, Material shows its tabs again with a fade that starts a frame or two after the scroll: let it
    # start before waiting for it to end (a fresh CI run measured a tab mid-fade, 4.44:1).
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))))")
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


def _audit(site_url: str, jobs: list[tuple[str, str, str]]) -> list[dict]:
    """Run axe on (palette, screen, page) jobs in parallel browsers; one result per job."""

    def run(chunk):
        if not chunk:
            return []
        from playwright.sync_api import sync_playwright

        results = []
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            contexts = {}
            for scheme, screen, path in chunk:
                if (scheme, screen) not in contexts:
                    context = browser.new_context(color_scheme=scheme, **SCREENS[screen])
                    context.add_init_script(OPEN_SHADOW_ROOTS)  # so axe also checks inside the rendered diagrams
                    contexts[scheme, screen] = context.new_page()
                page = contexts[scheme, screen]
                _prepare(page, site_url, path)
                page.add_script_tag(path=str(AXE_SCRIPT))
                results.append({"job": (scheme, screen, path), **page.evaluate(RUN_AXE, AXE_TAGS)})
            browser.close()
        return results

    chunks = [jobs[i::CRAWL_WORKERS] for i in range(CRAWL_WORKERS)]
    with ThreadPoolExecutor(max_workers=CRAWL_WORKERS) as pool:
        return [result for results in pool.map(run, chunks) for result in results]


def test_axe_finds_no_violation_on_each_kind_of_page_in_both_palettes_on_desktop_and_phone(built_site, site_url):
    _require_axe()
    built = set(site_pages(built_site))
    missing = {kind: path for kind, path in PAGES.items() if path not in built}
    assert not missing, f"pages this test checks are not in the built site (renamed? update PAGES): {missing}"

    jobs = [(scheme, screen, path) for screen in SCREENS for scheme in ("light", "dark") for path in PAGES.values()]
    results = _audit(site_url, jobs)
    assert len(results) == len(jobs)

    pinned = json.loads((AXE_DIR / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
    assert {r["version"] for r in results} == {pinned}, "the axe-core that ran is not the pinned one: npm ci again"
    assert all(r["passes"] > 20 for r in results), "axe ran almost no rule: did the page load?"

    report = []
    for result in results:
        scheme, screen, path = result["job"]
        for violation in result["violations"]:
            report.append(f"{path or '(home)'} [{scheme}, {screen}] {violation['id']} ({violation['impact']}): "
                          f"{violation['help']}")
            report += [f"    {node}" for node in violation["nodes"][:5]]
    by_rule: dict[str, int] = {}
    for result in results:
        for violation in result["violations"]:
            by_rule[violation["id"]] = by_rule.get(violation["id"], 0) + len(violation["nodes"])
    assert not report, f"axe violations by rule {by_rule}:\n" + "\n".join(report)


def test_every_diagram_source_has_a_title_for_screen_readers(built_site):
    """accTitle becomes the SVG's <title>, its accessible name. A diagram followed by a "Figure: ..." caption gets
    the caption as its title (the diagram generator writes both); diagram-viewer.js fills in a missing one in the
    browser, from the caption or the heading above, which the next test checks on the legend page."""
    block = re.compile(r'<pre\b[^>]*class="mermaid"[^>]*>(?:<code>)?(.*?)(?:</code>)?</pre>\s*(<p[^>]*>(.*?)</p>)?', re.S)
    checked, mismatched = 0, []
    for page in built_site.rglob("*.html"):
        for match in block.finditer(page.read_text(encoding="utf-8")):
            checked += 1
            source = html.unescape(match[1])
            title = re.search(r"^\s*accTitle\s*:\s*(.+)$", source, re.M)
            caption = html.unescape(re.sub(r"<[^>]+>", "", match[3] or "")).strip()
            if title and caption.startswith("Figure: ") and title[1].strip() != caption.removeprefix("Figure: "):
                mismatched.append(f"{page.relative_to(built_site)}: accTitle {title[1]!r} != caption {caption!r}")
    assert checked >= 10, "found almost no diagrams in the built site"
    assert not mismatched, "\n".join(mismatched)


@pytest.mark.parametrize("path", ["cases/churn-uplift/", "components/legend/"])
def test_every_rendered_diagram_has_an_accessible_name(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page = context.new_page()
    _prepare(page, site_url, path)
    diagrams = page.evaluate(DIAGRAM_NAMES)
    context.close()
    assert diagrams, f"{path}: no diagram found"
    for index, diagram in enumerate(diagrams, start=1):
        assert diagram["rendered"], f"{path}: diagram {index} was not rendered"
        assert "graphics-document" in (diagram["role"] or ""), f"{path}: diagram {index} has role {diagram['role']!r}"
        assert len(diagram["name"]) >= 5, f"{path}: diagram {index} has no accessible name ({diagram['name']!r})"
        if diagram["caption"]:
            assert diagram["name"] == diagram["caption"], f"{path}: diagram {index} name differs from its caption"
