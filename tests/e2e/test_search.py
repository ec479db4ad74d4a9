"""The search page on the built sample portal served by nginx, used as a reader would."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import Page, expect

from gongkai.search.grams import hash_gram
from gongkai.search.normalize import doc_number_key, normalize

from .harness import ARTIFACTS, PHONE, SEED_ID, SEED_NUMBER, grave_violations

pytestmark = pytest.mark.browser

REPEALED_ID = "policies/2017/tongminfa-2017-45"
POVERTY_ID = "policies/2018/tongfupinfa-2018-12"


def search(page: Page, query: str, extra: str = "") -> None:
    """Open /sousuo/?q=QUERY (plus ``extra`` parameters) and wait until the results are shown."""
    page.goto(f"sousuo/?q={quote(query)}{extra}")
    wait_done(page)


def wait_done(page: Page) -> None:
    expect(page.locator('#gk-search[data-state="done"]')).to_have_count(1, timeout=15_000)


def result_links(page: Page):
    return page.locator(".gk-result__title a")


def result_paths(page: Page) -> list[str]:
    return [re.sub(r"^https?://[^/]+/", "", href) for href in
            result_links(page).evaluate_all("links => links.map(a => a.href)")]


def test_a_term_finds_exactly_the_pages_that_contain_it(open_page, sample_site):
    page = open_page()
    search(page, "脱贫攻坚")
    expected = {p.relative_to(sample_site).parent.as_posix() + "/" for p in sample_site.rglob("index.html")
                if "脱贫攻坚" in _body_text(p) and not p.relative_to(sample_site).as_posix().startswith("sousuo")}
    assert POVERTY_ID + "/" in expected
    assert set(result_paths(page)) == expected
    expect(page.locator(".gk-result__excerpt mark").first).to_have_text("脱贫攻坚")


def _body_text(path) -> str:
    html = path.read_text(encoding="utf-8")
    body = re.search(r'<div class="gk-body">(.*?)</div>\s*(?:<section|</article)', html, re.S)
    return re.sub(r"<[^>]+>", "", body.group(1)) if body else ""


@pytest.mark.parametrize("word", ["五公开", "政务公开工作要点"])
def test_a_word_of_the_seed_finds_the_seed(open_page, word):
    page = open_page()
    search(page, word)
    assert SEED_ID + "/" in result_paths(page)
    for excerpt in page.locator(".gk-result__excerpt").all():
        assert word in normalize(excerpt.inner_text()) or word in normalize(
            excerpt.locator("xpath=..").inner_text()), "a result whose text does not hold the term"


@pytest.mark.parametrize("spelling", [SEED_NUMBER, "通政办字[2017]157号", "通政办字（2017）第157号",
                                      "通政办字【2017】157", "115223000115559370/2017-00157"])
def test_the_seeds_number_in_any_spelling_puts_the_seed_first(open_page, spelling):
    page = open_page()
    search(page, spelling)
    assert result_paths(page)[0] == SEED_ID + "/"
    first = page.locator(".gk-result").first
    expect(first).to_contain_text(SEED_NUMBER)
    expect(first).to_contain_text("通辽市人民政府办公厅")
    expect(first).to_contain_text("2017年6月8日")
    expect(first).to_contain_text("有效性：有效")


def test_in_force_documents_rank_above_repealed_ones_when_relevance_ties(open_page):
    # 各委办局 stands once in the body of each of these documents and in none of their titles,
    # so relevance ties; the repealed 2019 document is newer than the seed (2017), so without
    # the status rule it would come first.
    page = open_page()
    search(page, "各委办局")
    paths = result_paths(page)
    repealed = "policies/2019/tongzhengbanfa-2019-62/"
    assert SEED_ID + "/" in paths and repealed in paths
    assert paths.index(SEED_ID + "/") < paths.index(repealed)
    statuses = [s.removeprefix("有效性：") for s in
                page.locator(".gk-result").evaluate_all(
                    "rs => rs.map(r => (r.querySelector('.gk-result__status') || {}).textContent || '')")]
    assert statuses[paths.index(repealed)] == "已废止"
    assert all(s in ("", "有效", "尚未生效") for s in statuses[:paths.index(repealed)])
    page.get_by_role("combobox", name=re.compile("排序")).select_option("日期")
    wait_done(page)
    dated = result_paths(page)
    assert dated.index(repealed) < dated.index(SEED_ID + "/"), "by date the newer document comes first"


def test_a_fee_search_lands_on_the_fee_list_item(open_page):
    page = open_page()
    search(page, "不动产登记费")
    link = result_links(page).first
    expect(link).to_contain_text("不动产登记费")
    link.click()
    expect(page).to_have_url(re.compile(r"qingdan/shoufei/#shoufei-[0-9a-f]+"))
    anchor = page.url.split("#")[1]
    expect(page.locator(f"tr#{anchor}")).to_contain_text("不动产登记费")


def test_the_validity_filter_narrows_to_repealed_documents_each_marked(open_page):
    page = open_page()
    search(page, "通知")
    before = int(page.locator("#gk-search").get_attribute("data-count"))
    page.get_by_role("checkbox", name=re.compile("^已废止")).check()
    wait_done(page)
    expect(page).to_have_url(re.compile("%E6%9C%89%E6%95%88%E6%80%A7=%E5%B7%B2%E5%BA%9F%E6%AD%A2"))
    after = int(page.locator("#gk-search").get_attribute("data-count"))
    assert 0 < after < before
    assert REPEALED_ID + "/" in result_paths(page)
    for result in page.locator(".gk-result").all():
        expect(result).to_contain_text("有效性：已废止")
        expect(result.locator(".gk-result__title a")).to_contain_text("【已废止】")


def test_a_copied_address_reopens_the_same_results_and_back_restores_the_previous(open_page):
    page = open_page()
    search(page, "收费")
    page.get_by_role("combobox", name=re.compile("排序")).select_option("日期")
    wait_done(page)
    page.get_by_role("checkbox", name=re.compile("^政策文件")).check()
    wait_done(page)
    address, shown = page.url, result_paths(page)
    assert shown
    status = page.locator("#gk-search-status").inner_text()

    other = open_page()
    other.goto(address)
    wait_done(other)
    assert result_paths(other) == shown
    expect(other.locator("#gk-search-status")).to_have_text(status)
    expect(other.get_by_role("checkbox", name=re.compile("^政策文件"))).to_be_checked()

    box = page.get_by_role("searchbox")
    box.fill("不动产登记费")
    box.press("Enter")
    wait_done(page)
    assert result_paths(page) != shown
    page.go_back()
    wait_done(page)
    expect(page).to_have_url(address)
    expect(box).to_have_value("收费")
    assert result_paths(page) == shown


def test_a_search_without_results_says_what_to_try(open_page):
    page = open_page()
    search(page, "没有这个词语的文件")
    expect(page.locator("#gk-search-status")).to_have_text("没有找到结果。")
    expect(page.locator(".gk-search__none")).to_contain_text("空格分开")
    expect(page.locator(".gk-search__none a", has_text="政策文件库")).to_be_visible()


def test_the_count_is_announced_and_the_page_works_by_keyboard(open_page):
    page = open_page()
    page.goto("sousuo/")
    status = page.locator("#gk-search-status")
    expect(status).to_have_attribute("role", "status")
    page.keyboard.press("Tab")
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "gk-search-q":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("收费")
    page.keyboard.press("Enter")
    wait_done(page)
    expect(status).to_contain_text(re.compile(r"找到 \d+ 条结果"))
    page.keyboard.press("Tab")
    for _ in range(10):
        if page.evaluate("document.activeElement.closest('.gk-result') !== null"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.gk-result') !== null"), \
        "the results cannot be reached with the Tab key"
    assert not grave_violations(page)


def test_without_javascript_the_page_points_to_the_listings(chromium, base_url):
    context = chromium.new_context(base_url=base_url, java_script_enabled=False, locale="zh-CN")
    page = context.new_page()
    page.goto("sousuo/?q=收费")
    expect(page.locator("noscript, .gk-search__noscript").first).to_be_attached()
    expect(page.get_by_role("link", name="政策文件库").last).to_be_visible()
    expect(page.locator("#gk-search")).to_be_hidden()
    context.close()


def test_the_page_has_no_inline_script_and_loads_only_its_own_files(sample_site):
    html = (sample_site / "sousuo" / "index.html").read_text(encoding="utf-8")
    # The page's own part, from its stylesheet to its script (the theme's scripts are not its).
    page_part = re.search(r'<link rel="stylesheet" href="[^"]*search\.css">.*?search\.js" defer></script>',
                          html, re.S).group(0)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page_part), "inline script on the search page"
    assert not re.search(r"<style|\sstyle=", page_part), "inline style on the search page"
    assert not re.search(r"\son[a-z]+=", page_part), "an inline event handler"


def test_the_browser_cuts_and_hashes_text_as_the_indexer(open_page):
    page = open_page()
    page.goto("sousuo/")
    samples = ["收费", "通政办", "〔2017", "①项", "Ａｂｃ", "𠀀字"]
    got = page.evaluate("grams => grams.map(g => gkSearch.hashGram(g))", samples)
    assert got == [hash_gram(g) for g in samples]
    text = "通政办字［2017］第157号（ＡＢＣ）【测试】"
    assert page.evaluate("t => gkSearch.normalize(t)", text) == normalize(text)
    for query in ("法释[2024]1", "国务院令406", "通政办字（2017）第157号", "命令", "政务 公开"):
        assert page.evaluate("q => gkSearch.docNumberKey(q)", query) == doc_number_key(query)


@pytest.mark.parametrize("network", ["local", "slow"])
@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_layout_does_not_shift_while_results_arrive(open_page, width, network):
    page = (open_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
            if width == "phone" else open_page())
    if network == "slow":
        # As Lighthouse measures a phone: a slow link and a slow processor, so the page paints
        # well before its script and results arrive, and any room not held shows as a shift.
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150,
                                                      "downloadThroughput": 200_000, "uploadThroughput": 100_000})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script("""
        window.gkShift = 0;
        new PerformanceObserver(list => { for (const e of list.getEntries())
            if (!e.hadRecentInput) window.gkShift += e.value; })
          .observe({type: 'layout-shift', buffered: true});""")
    page.goto("sousuo/?q=收费")
    wait_done(page)
    page.wait_for_timeout(500)
    shift = page.evaluate("window.gkShift")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-{width}-{network}.png"), full_page=True)
    assert shift < 0.1, f"cumulative layout shift {shift:.3f} on /sousuo/?q=收费"
