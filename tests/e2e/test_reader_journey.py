"""A reader's journey through the sample portal in headless Chromium, by clicking, not typing URLs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect

from .harness import ARTIFACTS, PHONE, ROOT, SEED_ID, SEED_NUMBER, link_to

pytestmark = pytest.mark.browser

SEED_TITLE = "通辽市人民政府办公厅关于印发《通辽市2017年政务公开工作要点实施方案》的通知"
SEED_ISSUER = "通辽市人民政府办公厅"
SEED_INTERPRETATION_ID = "interpretations/2017/jiedu-tongzhengbanzi-2017-157"
SEED_INTERPRETATION_TITLE = "《通辽市2017年政务公开工作要点实施方案》解读"
FEES_URL = "qingdan/shoufei/"
CATALOG_URL = "qingdan/mulu/"


def yaml_items(name: str) -> list[dict]:
    """The items of data/NAME.yml in the repository's sample portal."""
    data = yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    # A list may open with its 审核日期, its entries then under 条目.
    return data["条目"] if isinstance(data, dict) else data


def content(page: Page):
    """The page's own content (the article), without header, navigation or footer."""
    return page.locator("article")


def summary_value(scope, label: str):
    """The value next to ``label`` in a metadata table (th/td → td) or summary list (dt → dd)."""
    return scope.locator(
        f"xpath=.//*[self::th or self::td or self::dt][normalize-space()='{label}']"
        "/following-sibling::*[1]"
    )


def box(page: Page, heading: str, target_id: str):
    """The innermost block of the content that holds ``heading`` and a link to ``target_id``."""
    link_to(content(page), target_id)
    marked = page.locator(f'a[data-e2e-link="e2e-{target_id.replace("/", "-")}"]')
    return (content(page).locator("section, aside, nav, div")
            .filter(has=page.get_by_text(heading, exact=True))
            .filter(has=marked)
            .last)


def assert_at(page: Page, doc_id: str) -> None:
    """The browser shows the page of ``doc_id`` (its permanent URL id + '/')."""
    expect(page).to_have_url(re.compile(re.escape(doc_id) + r"/(#.*)?$"))


def test_reader_reaches_the_seed_through_a_listing_and_its_interpretation_and_back(open_page):
    page = open_page()
    page.goto("")
    # The home page leads into the 政策文件库 listing.
    page.get_by_role("link", name=re.compile("政策文件库")).first.click()
    expect(page).not_to_have_url(re.compile(re.escape(SEED_ID)))
    expect(page.get_by_role("heading", level=1)).to_contain_text("政策文件")

    seed_link = content(page).get_by_role("link", name=SEED_TITLE)
    for _ in range(10):  # the listing is paginated (50 a page): page on until the seed shows
        if seed_link.count():
            break
        content(page).get_by_role("link", name=re.compile("下一页")).first.click()
    expect(seed_link).to_have_count(1)
    # A listing item shows its 文号 next to the title.
    item = content(page).locator("li", has=page.get_by_role("link", name=SEED_TITLE))
    expect(item).to_contain_text(SEED_NUMBER)
    seed_link.click()

    assert_at(page, SEED_ID)
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)
    expect(content(page).get_by_text("信息公开元数据", exact=True)).to_be_visible()
    expect(summary_value(content(page), "文号")).to_have_text(SEED_NUMBER)
    expect(summary_value(content(page), "文号")).to_be_visible()
    expect(summary_value(content(page), "发文机关")).to_have_text(SEED_ISSUER)
    expect(summary_value(content(page), "发文机关")).to_be_visible()

    interpretations = box(page, "政策解读", SEED_INTERPRETATION_ID)
    expect(interpretations).to_be_visible()
    interpretations.get_by_role("link", name=SEED_INTERPRETATION_TITLE).click()

    assert_at(page, SEED_INTERPRETATION_ID)
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_INTERPRETATION_TITLE)
    related = box(page, "相关政策", SEED_ID)
    expect(related).to_be_visible()
    link_to(related, SEED_ID).click()
    assert_at(page, SEED_ID)


@pytest.mark.parametrize(("url", "data", "key_field"), [
    (FEES_URL, "fees", "项目名称"),
    (CATALOG_URL, "catalog", "公开事项"),
])
def test_data_list_page_renders_every_item_in_tables(open_page, url, data, key_field):
    items = yaml_items(data)
    page = open_page()
    page.goto(url)
    rows = content(page).locator("table tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() >= len(items), f"{url}: {rows.count()} table rows for {len(items)} items"
    cells = " ".join(content(page).locator("table").all_inner_texts())
    missing = [item[key_field] for item in items if item[key_field] not in cells]
    assert not missing, f"{url}: items missing from the tables: {missing}"


@pytest.mark.parametrize(("url", "data"), [(FEES_URL, "fees"), (CATALOG_URL, "catalog")])
def test_data_list_csv_download_opens_with_chinese_intact(open_page, tmp_path, url, data):
    items = yaml_items(data)
    page = open_page()
    page.goto(url)
    link = content(page).locator('a[href$=".csv"]')
    expect(link).to_have_count(1)
    with page.expect_download() as download:
        link.click()
    path = Path(tmp_path / "list.csv")
    download.value.save_as(path)
    raw = path.read_bytes()
    # Excel reads UTF-8 only after a byte-order mark; without it the Chinese turns to mojibake.
    assert raw.startswith(b"\xef\xbb\xbf"), f"{url}: the CSV has no UTF-8 byte-order mark"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, records = table[0], table[1:]
    fields = {key for item in items for key in item}
    assert fields <= set(header), f"{url}: CSV header {header} lacks {sorted(fields - set(header))}"
    assert len(records) == len(items), f"{url}: {len(records)} CSV rows for {len(items)} items"
    first = dict(zip(header, records[0], strict=False))
    key = next(iter(items[0]))
    assert first[key] == str(items[0][key])


@pytest.mark.parametrize(("url", "data"), [(FEES_URL, "fees"), (CATALOG_URL, "catalog")])
def test_data_list_json_download_holds_every_item(open_page, base_url, url, data):
    items = yaml_items(data)
    page = open_page()
    page.goto(url)
    # The download itself; the schema and the open-data index are linked beside it.
    link = content(page).locator('a[href$=".json"][download]')
    expect(link).to_have_count(1)
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok, f"{url}: JSON download answered {response.status}"
    loaded = json.loads(response.body().decode("utf-8"))
    records = loaded if isinstance(loaded, list) else next(
        value for value in loaded.values() if isinstance(value, list))
    assert len(records) == len(items)


@pytest.mark.parametrize("word", ["五公开", "政务公开工作要点"])
def test_search_finds_the_seed_by_a_chinese_word(open_page, word):
    page = open_page()
    page.goto("")
    box_ = page.get_by_role("searchbox").first
    box_.fill(word)
    box_.press("Enter")
    result = page.locator(f'a[href*="{SEED_ID}/"]').first
    expect(result).to_be_visible(timeout=15_000)
    result.click()
    assert_at(page, SEED_ID)


def test_search_results_show_a_repealed_documents_status(open_page):
    page = open_page()
    page.goto("")
    box_ = page.get_by_role("searchbox").first
    box_.fill("最低生活保障审核审批办法")
    box_.press("Enter")
    result = page.locator('a[href*="policies/2017/tongminfa-2017-45/"]').first
    expect(result).to_be_visible(timeout=15_000)
    expect(result).to_contain_text("【已废止】")


@pytest.mark.parametrize(("name", "url"), [("home", ""), ("seed", f"{SEED_ID}/")])
def test_phone_screenshots_and_no_sideways_scrolling(open_page, name, url):
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], (
        f"/{url} scrolls sideways on a 390 px phone: the page is {width} px wide")
