"""The footer as an inspector checks it: 标识, 备案 numbers linked, 网站地图 and 联系我们 reachable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .harness import ARTIFACTS, PHONE, SEED_ID

pytestmark = pytest.mark.browser

ARTIFACTS.mkdir(parents=True, exist_ok=True)


def test_footer_carries_the_mark_the_linked_records_and_the_organisation(open_page):
    page = open_page()
    page.goto(f"{SEED_ID}/")
    footer = page.locator("footer.gk-footer")
    mark = footer.get_by_role("link", name="党政机关网站标识")
    expect(mark).to_have_attribute("href", re.compile(r"^https://bszs\.conac\.cn/"))
    # The mark's image is the site's own file and it loaded.
    assert mark.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    expect(footer.get_by_role("link", name=re.compile("蒙ICP备"))).to_have_attribute(
        "href", "https://beian.miit.gov.cn/")
    expect(footer.get_by_role("link", name=re.compile("蒙公网安备"))).to_have_attribute(
        "href", re.compile(r"code=\d{14}$"))
    expect(footer).to_contain_text("主办单位：通辽市人民政府办公厅")
    expect(footer).not_to_contain_text("人民政府办公室")
    expect(footer).to_contain_text("邮编：028000")
    footer.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "footer.png"), full_page=False)


def test_site_map_and_contact_pages_are_one_click_from_any_page(open_page):
    page = open_page(viewport=PHONE)
    page.goto(f"{SEED_ID}/")
    page.locator("footer").get_by_role("link", name="网站地图").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("网站地图")
    site_map = page.locator("article")
    for column in ("政府信息公开", "政策文件库", "政策解读", "法定主动公开内容", "2017年"):
        expect(site_map.get_by_role("link", name=column, exact=True)).to_have_count(1)
    page.locator("footer").get_by_role("link", name="联系我们").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("联系我们")
    expect(page.locator("article")).to_contain_text("0475-0000000")
    page.screenshot(path=str(ARTIFACTS / "contact-390.png"), full_page=True)
