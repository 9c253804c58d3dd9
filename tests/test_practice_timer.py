"""The practice timer: the step the clock expects, from the generated plan; keyboard operable; state kept locally."""
from __future__ import annotations

import json

from browser_pages import new_page

KEY = "mlsd-handbook.practice-timer"


def test_the_timer_follows_the_plan_and_is_keyboard_operable(browser, site_url):
    page = new_page(browser, "light")
    page.goto(site_url + "practice/timer/", wait_until="load")
    start = page.get_by_role("button", name="Start")
    start.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Step 1: Clarify requirements").wait_for(timeout=5_000)
    assert page.get_by_role("button", name="Pause").is_visible()
    # Six and a half minutes into a 45-minute interview is step 2 (5 + 4 minutes), with 2:30 left in it.
    page.evaluate(f"() => localStorage.setItem('{KEY}', JSON.stringify({{length: '45', elapsed: 390, startedAt: null}}))")
    page.reload(wait_until="load")
    page.get_by_text("Step 2: Frame it as an ML task").wait_for(timeout=5_000)
    assert "2:30 left in this step" in page.locator(".hb-timer__left").inner_text()
    page.locator(".hb-timer select").select_option("60")
    page.get_by_text("Step 1: Clarify requirements").wait_for(timeout=5_000)
    stored = json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}')"))
    assert stored["length"] == "60"
    page.context.close()


def test_without_javascript_the_plan_is_a_table(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "practice/timer/", wait_until="load")
    assert page.locator("table").first.inner_text().count("min") >= 14
    context.close()
