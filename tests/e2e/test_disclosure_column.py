"""The 政府信息公开 column in Chromium: gazette both ways, the form on A4, printed pages that say where
they came from."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .harness import ARTIFACTS, SEED_ID

pytestmark = pytest.mark.browser

ARTIFACTS.mkdir(parents=True, exist_ok=True)
SEED_TITLE = "通辽市人民政府办公厅关于印发《通辽市2017年政务公开工作要点实施方案》的通知"
SITE_NAME = "通辽市人民政府信息公开（示例门户）"


def pdf_pages(data: bytes) -> int:
    """The number of pages of a PDF Chromium wrote (its page objects, not the page tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_a_gazette_issue_lists_its_documents_and_a_document_links_back(open_page):
    page = open_page()
    page.goto("")
    page.locator("article").get_by_role("link", name="政府公报", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府公报")
    page.locator("section", has=page.locator("#nian-2017")).get_by_role("link", name="第6期").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通辽市人民政府公报 2017年第6期（总第186期）")
    pdf = page.get_by_role("link", name=re.compile("下载本期公报（PDF"))
    assert page.request.get(pdf.evaluate("a => a.href"), fail_on_status_code=True).body()[:5] == b"%PDF-"
    page.screenshot(path=str(ARTIFACTS / "gazette-issue.png"), full_page=True)
    page.locator("article").get_by_role("link", name=SEED_TITLE).click()
    expect(page).to_have_url(re.compile(re.escape(SEED_ID) + "/$"))
    published_in = page.locator("xpath=//dt[normalize-space()='刊登于']/following-sibling::dd[1]")
    expect(published_in).to_have_text("《通辽市人民政府公报》2017年第6期")
    published_in.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "gazette-document.png"))
    published_in.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2017年第6期")


def test_the_application_form_prints_on_one_or_two_a4_pages(open_page):
    page = open_page()
    page.goto("")
    page.locator("article").get_by_role("link", name="依申请公开", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("依申请公开")
    expect(page.locator("article")).to_contain_text("20 个工作日")
    docx = page.get_by_role("link", name="下载申请表（Word 文档）").first
    assert page.request.get(docx.evaluate("a => a.href"), fail_on_status_code=True).body()[:2] == b"PK"
    page.locator("article").get_by_role("link", name="政府信息公开申请表").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开申请表")
    data = page.pdf(format="A4", path=str(ARTIFACTS / "shenqingbiao.pdf"))
    assert 1 <= pdf_pages(data) <= 2, pdf_pages(data)
    page.emulate_media(media="print")
    # On paper: no header, menu or footer; the site name and the page's address instead.
    expect(page.locator(".gk-header")).to_be_hidden()
    expect(page.locator(".gk-side")).to_be_hidden()
    expect(page.locator(".gk-print-head")).to_contain_text(SITE_NAME)
    page.screenshot(path=str(ARTIFACTS / "shenqingbiao-print.png"), full_page=True)


def test_a_printed_document_page_carries_the_site_name_address_and_date(open_page, base_url):
    page = open_page()
    page.goto(f"{SEED_ID}/")
    page.emulate_media(media="print")
    head = page.locator(".gk-print-head")
    expect(head).to_be_visible()
    expect(head.locator(".gk-print-head__site")).to_have_text(SITE_NAME)
    expect(head.locator(".gk-print-head__url")).to_have_text(f"https://www.example.gov.cn/{SEED_ID}/")
    expect(head.locator(".gk-print-head__date")).to_have_text(re.compile(r"^打印日期：\d{4}年\d{1,2}月\d{1,2}日$"))
    expect(page.locator(".gk-crumbs")).to_be_hidden()
    data = page.pdf(format="A4", path=str(ARTIFACTS / "document-print.pdf"))
    assert pdf_pages(data) >= 1
    page.screenshot(path=str(ARTIFACTS / "document-print.png"))


def test_an_annual_report_is_listed_by_year_and_its_tables_fit_a4(open_page):
    page = open_page()
    page.goto("xxgk/")
    page.get_by_role("navigation", name="政府信息公开栏目").get_by_role("link", name="政府信息公开工作年度报告").click()
    reports = page.locator("article ul.gk-reports li")
    expect(reports).to_have_count(2)
    expect(reports.first).to_contain_text("2025年")
    reports.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通辽市人民政府2025年政府信息公开工作年度报告")
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 680, "height": 900})  # about A4's width less its margins
    for table in page.locator("table.gk-report").all():
        assert table.evaluate("t => t.scrollWidth <= t.closest('article').clientWidth + 1")
    page.pdf(format="A4", path=str(ARTIFACTS / "annual-report-2025.pdf"))
