"""Accessibility and 适老化 in Chromium: axe-core on six pages, the large-text toggle, the skip link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .harness import DESKTOP, PHONE, SEED_ID, grave_violations

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "policy": f"{SEED_ID}/",
    "interpretation": "interpretations/2017/jiedu-tongzhengbanzi-2017-157/",
    "listing": "zhengce/",
    "fees": "qingdan/shoufei/",
    "catalog": "qingdan/mulu/",
    "annual report figures": "xxgk/nianbao/shuju/",
}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_axe_violations(open_page, name, width):
    page = open_page(viewport=WIDTHS[width])
    page.goto(PAGES[name])
    page.wait_for_load_state("networkidle")
    found = grave_violations(page)
    assert not found, f"{name} page at {width} width:\n" + "\n".join(found)


@pytest.mark.parametrize("name", PAGES)
def test_page_language_is_simplified_chinese(open_page, name):
    page = open_page()
    page.goto(PAGES[name])
    assert page.locator("html").get_attribute("lang") == "zh-CN"


def focused(page: Page) -> dict:
    """What has the keyboard focus: tag, text, href, id."""
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, text: (e.innerText || '').trim(), href: e.getAttribute('href'),
                id: e.id}; }""")


@pytest.mark.parametrize("name", ["home", "policy"])
def test_skip_link_is_the_first_focusable_element_and_leads_to_the_content(open_page, name):
    page = open_page()
    page.goto(PAGES[name])
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["tag"] == "A" and (first["href"] or "").startswith("#"), (
        f"the first Tab stop is {first}, not a skip link")
    assert re.search("跳|正文|内容", first["text"]), f"the skip link says {first['text']!r}"
    skip = page.locator(":focus")
    expect(skip).to_be_in_viewport()
    target = page.locator(f"[id='{first['href'][1:]}']")
    expect(target).to_have_count(1)
    # The target holds the page's own heading, not the header or navigation.
    expect(target.get_by_role("heading", level=1)).to_have_count(1)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(first["href"]) + "$"))


def elder_toggle(page: Page):
    """The 大字·高对比 (适老化) switch: a button, checkbox or switch named for it."""
    name = re.compile("适老|大字|高对比|长辈|关怀")
    return page.get_by_role("button", name=name).or_(
        page.get_by_role("checkbox", name=name)).or_(page.get_by_role("switch", name=name))


def toggle_is_on(toggle) -> bool:
    """The toggle's announced state: aria-pressed or aria-checked, or a checkbox's checked."""
    return toggle.evaluate("""e => (e.getAttribute('aria-pressed')
        || e.getAttribute('aria-checked') || String(!!e.checked)) === 'true'""")


def text_size(page: Page) -> float:
    """The computed font size, in px, of the first paragraph of the page's content."""
    return page.locator("article p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)")


def test_elder_mode_toggle_is_reached_by_keyboard_and_remembered_across_pages(open_page):
    page = open_page()
    page.goto(PAGES["policy"])
    toggle = elder_toggle(page)
    expect(toggle).to_have_count(1)
    expect(toggle).to_be_visible()
    assert not toggle_is_on(toggle)
    normal_size = text_size(page)
    storage_before = page.evaluate("JSON.stringify(Object.entries(localStorage))")

    for _ in range(40):  # Tab through the page from the top until the toggle has the focus
        page.keyboard.press("Tab")
        if toggle.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("40 presses of Tab never reached the 大字·高对比 toggle")
    page.keyboard.press("Enter")

    assert toggle_is_on(toggle), "Enter on the focused toggle did not switch the mode on"
    assert text_size(page) > normal_size, "the large-text mode did not enlarge the text"
    storage_after = page.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert storage_after != storage_before, "the mode was not saved in localStorage"

    # Another page, reached by a link, opens in the same mode.
    page.get_by_role("link", name=re.compile("政策文件库")).first.click()
    expect(page).to_have_url(re.compile("zhengce/$"))
    toggle = elder_toggle(page)
    expect(toggle).to_be_visible()
    assert toggle_is_on(toggle), "the mode was forgotten on the next page"
    page.goto(PAGES["policy"])
    assert toggle_is_on(elder_toggle(page))
    assert text_size(page) > normal_size, "the large text was forgotten on reopening the policy"

    # And switching it off is remembered too.
    elder_toggle(page).click()
    page.goto(PAGES["home"])
    assert not toggle_is_on(elder_toggle(page)), "switching the mode off was not remembered"
