"""How the portal's own stylesheet lays pages out: phone tables as cards, headings, numbers."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .harness import DESKTOP, PHONE, SEED_ID

pytestmark = pytest.mark.browser

DATA_PAGES = ["qingdan/shoufei/", "qingdan/mulu/"]


@pytest.mark.parametrize("url", DATA_PAGES)
def test_on_a_phone_each_table_row_is_a_card_of_labels_and_values(open_page, url):
    page = open_page(viewport=PHONE)
    page.goto(url)
    table = page.locator("table.gk-table").first
    # Nothing scrolls sideways: the table fits the phone.
    region = page.locator(".gk-table-scroll").first
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth"), "the table still scrolls sideways"
    headers = table.locator("thead th").all_inner_texts()
    cells = table.locator("tbody tr").first.locator("td")
    shown = cells.evaluate_all("""cells => cells.map(c => [
        getComputedStyle(c, '::before').content.replace(/^"|"$/g, ''), c.getBoundingClientRect()])""")
    labels = [label for label, _ in shown]
    assert labels == headers, "each cell is not shown with its column's header"
    # The values of one row stand one under another, not side by side.
    tops = [box["top"] for _, box in shown if box["height"] > 0]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    # The table keeps its header row for screen readers (only hidden from sight).
    expect(table.get_by_role("columnheader")).to_have_count(len(headers))


@pytest.mark.parametrize("url", DATA_PAGES)
def test_on_a_wide_screen_the_table_keeps_its_columns(open_page, url):
    page = open_page(viewport=DESKTOP)
    page.goto(url)
    first_row = page.locator("table.gk-table tbody tr").first.locator("td")
    tops = first_row.evaluate_all("cells => cells.map(c => Math.round(c.getBoundingClientRect().top))")
    assert len(set(tops)) == 1, "the cells of a row are not side by side"
    expect(page.locator("table.gk-table thead").first).to_be_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_sub_headings_are_not_smaller_or_fainter_than_the_text(open_page, viewport):
    page = open_page(viewport=viewport)
    page.goto(f"{SEED_ID}/")
    style = """e => { const s = getComputedStyle(e);
        return {size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight), color: s.color}; }"""
    text = page.locator(".gk-body p").first.evaluate(style)
    for level in ("h4", "h5"):
        heading = page.locator(f".gk-body {level}").first.evaluate(style)
        assert heading["size"] >= text["size"], f"{level} is {heading['size']} px, the text {text['size']} px"
        assert heading["weight"] >= 700, f"{level} is not bold"
        assert heading["color"] == text["color"], f"{level} is {heading['color']}, the text {text['color']}"


def test_the_index_number_breaks_only_after_its_slash(open_page):
    page = open_page(viewport={"width": 360, "height": 700})
    page.goto(f"{SEED_ID}/")
    value = page.locator(".gk-meta__row", has_text="索引号").locator("dd")
    lines = value.evaluate("""dd => { const r = document.createRange(); r.selectNodeContents(dd);
        const tops = [...r.getClientRects()].map(x => Math.round(x.top));
        const text = dd.textContent; const out = []; let line = '';
        let last = null; const walker = document.createTreeWalker(dd, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < n.length; i++) {
            r.setStart(n, i); r.setEnd(n, i + 1); const top = Math.round(r.getBoundingClientRect().top);
            if (last !== null && top !== last) { out.push(line); line = ''; }
            line += n.data[i]; last = top; } }
        out.push(line); return out; }""")
    assert "".join(lines) == "115223000115559370/2017-00157"
    assert all(line.endswith("/") for line in lines[:-1]), f"the 索引号 breaks as {lines}"


def test_status_badges_sit_on_the_line_of_the_date(open_page):
    page = open_page(viewport=DESKTOP)
    page.goto("zhengce/")
    meta = page.locator(".gk-item__meta", has=page.locator(".gk-badge")).first
    offset = meta.evaluate("""m => { const b = m.querySelector('.gk-badge'), d = m.querySelector('.gk-item__date');
        const probe = e => { const s = document.createElement('span'); s.style.cssText =
            'display:inline-block;width:0;height:0;vertical-align:baseline'; e.append(s);
            const y = s.getBoundingClientRect().top; s.remove(); return y; };
        return Math.abs(probe(b) - probe(d)); }""")
    assert offset <= 1, f"the badge's baseline is {offset:.1f} px off the date's"
