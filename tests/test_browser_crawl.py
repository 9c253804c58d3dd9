"""Every page of the built site, in headless Chromium, in both palettes: no console or page error, no request to
a third party, every diagram rendered, every formula typeset; and again when reached through the site's own links."""
from __future__ import annotations

import re

import pytest

from browser_pages import PageReport, check_loaded_page, crawl_in_parallel, new_page, site_pages, watch
from conftest import launch_chromium

SCREENSHOT_PAGES = {"home": "", "diagrams": "components/legend/"}


def failures(reports: list[PageReport]) -> str:
    return "\n".join(f"{r.url}: {problem}" for r in reports for problem in r.problems)


def test_every_page_loads_clean_with_diagrams_and_math_rendered_in_both_palettes(built_site, site_url):
    pages = site_pages(built_site)
    reports = crawl_in_parallel(site_url, [("light", pages), ("dark", pages)], launch_chromium)
    assert len(reports) == 2 * len(pages)
    assert not failures(reports), failures(reports)
    # The crawl must have seen the things it claims to check.
    assert sum(r.diagrams for r in reports) >= 1
    assert sum(r.formulas for r in reports) >= 1


def test_diagram_pages_render_after_following_a_site_link(browser, built_site, site_url):
    """Reach each diagram page by clicking a link on another page, as a reader does."""
    pages = site_pages(built_site)
    html = {p: (built_site / p / "index.html").read_text(encoding="utf-8") if p else
            (built_site / "index.html").read_text(encoding="utf-8") for p in pages if not p.endswith(".html")}
    diagram_pages = [p for p, text in html.items() if 'class="mermaid"' in text]
    assert diagram_pages, "no page with diagrams was built"

    page = new_page(browser, "light")
    holder: dict = {}
    watch(page, holder)
    reports = []
    for target in diagram_pages:
        referrer, href = _find_referrer(html, target)
        assert referrer is not None, f"no page links to {target}"
        holder["report"] = report = PageReport(f"{target} (via {referrer or 'home'})")
        page.goto(site_url + referrer, wait_until="load")
        with page.expect_navigation(wait_until="load"):
            page.locator(f'a[href="{href}"]').first.evaluate("a => a.click()")
        check_loaded_page(page, report, "light")
        if report.diagrams == 0:
            report.problems.append("no diagram found after navigation")
        reports.append(report)
    page.context.close()
    assert not failures(reports), failures(reports)


def _find_referrer(html: dict[str, str], target: str) -> tuple[str | None, str | None]:
    """A page other than the target that links to it, and the href it uses."""
    for referrer, text in html.items():
        if referrer == target:
            continue
        depth = referrer.count("/")
        for href in re.findall(r'href="([^"#?]+)"', text):
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            resolved = _resolve(referrer, href, depth)
            if resolved == target:
                return referrer, href
    return None, None


def _resolve(referrer: str, href: str, depth: int) -> str:
    parts = [p for p in referrer.split("/") if p][:depth]
    for piece in href.split("/"):
        if piece == "..":
            parts = parts[:-1]
        elif piece and piece != ".":
            parts.append(piece)
    resolved = "/".join(parts)
    return resolved + "/" if resolved and not resolved.endswith(".html") else resolved


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_screenshots_for_a_person_to_look_at(browser, site_url, artifacts_dir, color_scheme):
    page = new_page(browser, color_scheme)
    for name, path in SCREENSHOT_PAGES.items():
        page.goto(site_url + path, wait_until="load")
        check_loaded_page(page, PageReport(path), color_scheme)
        target = artifacts_dir / "screenshots" / f"{name}-{color_scheme}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    page.context.close()
