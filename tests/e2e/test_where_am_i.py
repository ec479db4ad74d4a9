"""Where am I, in Chromium: 当前位置 on every kind of page, the column marked, notices by severity."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .harness import ARTIFACTS, PHONE, SEED_ID

pytestmark = pytest.mark.browser

ARTIFACTS.mkdir(parents=True, exist_ok=True)

# (page, the breadcrumb's words in order, the header column marked, screenshot name)
TRAILS = [
    (SEED_ID, ["首页", "政策文件库", "年份：2017年",
               "通辽市人民政府办公厅关于印发《通辽市2017年政务公开工作要点实施方案》的通知"],
     "政策文件库", "crumbs-document"),
    ("interpretations/2017/jiedu-tongzhengbanzi-2017-157",
     ["首页", "政策解读", "《通辽市2017年政务公开工作要点实施方案》解读"], "政策解读", "crumbs-interpretation"),
    ("zhengce/nian/2017", ["首页", "政策文件库", "政策文件库 · 年份：2017年"], "政策文件库", "crumbs-listing"),
    ("xxgk/fading", ["首页", "政府信息公开", "法定主动公开内容"], "政府信息公开", "crumbs-xxgk"),
    ("xxgk/nianbao/2025", ["首页", "政府信息公开", "政府信息公开工作年度报告", "2025年年度报告"], "政府信息公开",
     "crumbs-annual-report"),
]


@pytest.mark.parametrize(("url", "words", "column", "shot"), TRAILS, ids=[t[3] for t in TRAILS])
def test_breadcrumb_names_every_level_and_the_column_is_marked(open_page, url, words, column, shot):
    page = open_page()
    page.goto(f"{url}/")
    crumbs = page.get_by_role("navigation", name="当前位置")
    expect(crumbs).to_contain_text("当前位置：")
    expect(crumbs.get_by_role("listitem")).to_have_text(words)
    # Every step but the last is a link that leads to a real page.
    links = crumbs.get_by_role("link")
    expect(links).to_have_count(len(words) - 1)
    expect(crumbs.locator("[aria-current=page]")).to_have_text(words[-1])
    expect(page.get_by_role("navigation", name="主栏目").locator("a[aria-current]")).to_have_text(column)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    links.nth(len(words) - 2).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(words[-2].split("：")[-1])


def test_xxgk_side_menu_is_beside_the_text_and_below_it_on_a_phone(open_page):
    page = open_page()
    page.goto("xxgk/fading/")
    menu = page.get_by_role("navigation", name="政府信息公开栏目")
    expect(menu.locator("[aria-current=page]")).to_have_text("法定主动公开内容")
    article = page.locator("article")
    assert menu.bounding_box()["x"] + menu.bounding_box()["width"] <= article.bounding_box()["x"]
    phone = open_page(viewport=PHONE)
    phone.goto("xxgk/fading/")
    menu = phone.get_by_role("navigation", name="政府信息公开栏目")
    assert menu.bounding_box()["y"] > phone.locator("article").bounding_box()["y"]
    menu.get_by_role("link", name="政府信息公开指南").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("政府信息公开指南")


def test_an_amended_document_is_told_calmly_and_a_repealed_one_in_red(open_page):
    page = open_page()
    colours = {}
    for doc, word in (("policies/2022/tongjiangui-2022-1", "已修改"), ("policies/2017/tongminfa-2017-45", "已废止"),
                      ("policies/2019/tongrenshegui-2019-3", "已失效"), ("policies/2026/tonghuangui-2026-1", "尚未生效")):
        page.goto(f"{doc}/")
        notice = page.locator("#gk-status-notice")
        # The words carry the meaning; the colour only repeats it.
        expect(notice.locator(".gk-notice__title")).to_have_text(f"有效性：{word}")
        colours[word] = notice.evaluate("e => getComputedStyle(e).borderLeftColor")
        if word == "已修改":
            page.screenshot(path=str(ARTIFACTS / "notice-amended.png"))
    assert colours["已修改"] == colours["尚未生效"] != colours["已废止"] == colours["已失效"]
