"""Where am I: 当前位置 on every page, the column marked at every depth, the /xxgk/ side menu."""

import re

import pytest

from gongkai.pages.navigation import section_of, side_menu, title_of, trail
from tests.pages_site import build_pages_site

TITLES = {
    "zhengce/": "政策文件库",
    "zhengce/nian/2017/": "政策文件库 · 年份：2017年",
    "jiedu/": "政策解读",
    "xxgk/": "政府信息公开",
    "xxgk/nianbao/": "政府信息公开工作年度报告",
    "policies/2017/seed/": "关于印发测试方案的通知",
}


def crumbs(url):
    return [(c.title, c.href) for c in trail(url, TITLES)]


def test_a_policy_sits_in_the_library_under_its_year():
    assert crumbs("policies/2017/seed/") == [
        ("首页", "../../../"), ("政策文件库", "../../../zhengce/"), ("年份：2017年", "../../../zhengce/nian/2017/")]
    assert section_of("policies/2017/seed/", TITLES) == "zhengce/"


def test_a_comparison_page_sits_under_its_document():
    assert crumbs("policies/2017/seed/bijiao/")[-1] == ("关于印发测试方案的通知", "../")


def test_an_interpretation_sits_in_the_interpretation_list():
    assert crumbs("interpretations/2017/seed-jiedu/") == [("首页", "../../../"), ("政策解读", "../../../jiedu/")]
    assert section_of("interpretations/2017/seed-jiedu/", TITLES) == "jiedu/"


def test_a_column_page_trail_runs_through_every_level_with_a_page():
    assert crumbs("xxgk/nianbao/2025/") == [
        ("首页", "../../../"), ("政府信息公开", "../../"), ("政府信息公开工作年度报告", "../")]
    assert crumbs("") == []
    assert section_of("", TITLES) == "" and section_of("xxgk/nianbao/2025/", TITLES) == "xxgk/"


def test_side_menu_marks_the_entry_holding_the_page():
    entries = (("政府信息公开指南", "xxgk/zhinan/"), ("政府信息公开工作年度报告", "xxgk/nianbao/"))
    menu = side_menu("xxgk/nianbao/2025/", entries)
    assert [(m.title, m.href, m.current) for m in menu] == [
        ("政府信息公开", "../../", ""), ("政府信息公开指南", "../../zhinan/", ""),
        ("政府信息公开工作年度报告", "../", "true")]
    assert side_menu("zhengce/", entries) == []


def test_title_comes_from_generated_front_matter():
    assert title_of('---\ntitle: "政策文件库 · 年份：2017年"\n---\n\n<h1>') == "政策文件库 · 年份：2017年"
    assert title_of("# 没有前置信息\n") is None


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_pages_site(tmp_path_factory.mktemp("navigation") / "portal")


def breadcrumb(site, url):
    html = (site / url / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="gk-crumbs".*?</nav>', html, re.S).group(0)
    return re.findall(r"<li(?: aria-current=\"page\")?>(?:<a href=\"[^\"]*\">)?([^<]+)", nav)


def test_every_kind_of_page_carries_the_breadcrumb(site):
    assert breadcrumb(site, "policies/2017/seed") == ["首页", "政策文件库", "年份：2017年", "关于印发测试方案的通知"]
    assert breadcrumb(site, "interpretations/2017/seed-jiedu") == ["首页", "政策解读", "《关于印发测试方案的通知》解读"]
    assert breadcrumb(site, "xxgk/fading") == ["首页", "政府信息公开", "法定主动公开内容"]
    assert breadcrumb(site, "zhengce/biangeng") == ["首页", "政策文件库", "文件修改、废止、失效情况"]


def test_header_marks_the_column_of_a_deep_page(site):
    html = (site / "policies/2017/seed/index.html").read_text(encoding="utf-8")
    header = re.search(r'<nav class="gk-nav".*?</nav>', html, re.S).group(0)
    # The test portal has no nav: in mkdocs.yml: MkDocs lists every top-level page by its folder.
    assert re.findall(r'href="([^"]+)" aria-current="(\w+)"', header) == [("../../../zhengce/", "true")]


def test_xxgk_pages_have_the_side_menu_and_others_not(site):
    fading = (site / "xxgk/fading/index.html").read_text(encoding="utf-8")
    assert '<a href="./" aria-current="page">法定主动公开内容</a>' in fading
    assert 'class="gk-side"' not in (site / "zhengce/index.html").read_text(encoding="utf-8")
