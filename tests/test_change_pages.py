"""The marks on the built site: notices, history, change lists by year and the Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gongkai.derive.status import derive_statuses
from gongkai.model.documents import ExternalChange
from gongkai.pages.changes import change_list_page, change_pages
from gongkai.pages.feed import status_feed
from gongkai.pages.status_notice import history_html, status_notice_html
from tests.conftest import run_gongkai
from tests.lifecycle_helpers import D, corpus_of, policy

ATOM = "{http://www.w3.org/2005/Atom}"
OLD = policy("policies/2017/old", "通民发〔2017〕45号", title="旧办法", written=D(2017, 9, 18))
NEW = policy("policies/2020/new", "通民规〔2020〕3号", title="新办法", written=D(2020, 11, 25),
             effective=D(2021, 1, 1), repeals=("通民发〔2017〕45号",))
EXPIRING = policy("policies/2019/exp", "通人社规〔2019〕3号", title="试行办法", written=D(2019, 12, 10),
                  expires=D(2021, 12, 31), normative=True)
EXTERNAL = policy("policies/2019/ext", "通政办发〔2019〕62号", title="转发通知", written=D(2019, 5, 20),
                  external_change=ExternalChange("已废止", D(2023, 5, 10), "自治区人民政府办公厅",
                                                 "内政办发〔2023〕20号"))
ALL = (OLD, NEW, EXPIRING, EXTERNAL)


def test_notice_markup_is_stable_and_links_the_cause():
    statuses = derive_statuses(corpus_of(*ALL), D(2024, 1, 1))
    assert status_notice_html(statuses[OLD.id], OLD.url) == (
        '<div id="gk-status-notice" class="gk-notice gk-notice--repealed" role="note" data-pagefind-meta="status:已废止">'
        '<p class="gk-notice__title">有效性：已废止</p><p class="gk-notice__text">本文件已于2021年1月1日被'
        '<a href="../../2020/new/">《新办法》（通民规〔2020〕3号）</a>废止。</p>'
        '<p class="gk-notice__more"><a href="#gk-history">查看本文件的历史沿革</a></p></div>'
    )
    assert status_notice_html(statuses[NEW.id], NEW.url) is None


def test_history_lists_every_change_with_date_and_link():
    statuses = derive_statuses(corpus_of(*ALL), D(2024, 1, 1))
    html = history_html(OLD, statuses[OLD.id], OLD.url)
    assert '<h2 id="gk-history-title">历史沿革</h2>' in html
    assert ('<li><time datetime="2021-01-01">2021年1月1日</time> 被<a href="../../2020/new/">'
            "《新办法》（通民规〔2020〕3号）</a>废止</li>") in html
    assert "本文件废止<a href=\"../../2017/old/\">" in history_html(NEW, statuses[NEW.id], NEW.url)


def test_change_lists_group_by_year_with_date_and_cause():
    statuses = derive_statuses(corpus_of(*ALL), D(2024, 1, 1))
    from gongkai.model.status import Status

    page = change_list_page(list(ALL), statuses, Status.REPEALED)
    assert page.index('<h2 id="y2023">2023年</h2>') < page.index('<h2 id="y2021">2021年</h2>')
    assert "自治区人民政府办公厅（内政办发〔2023〕20号）宣布废止" in page
    assert '被<a href="../../../policies/2020/new/">《新办法》（通民规〔2020〕3号）</a>废止' in page
    expired = change_list_page(list(ALL), statuses, Status.EXPIRED)
    assert '<time datetime="2021-12-31">2021年12月31日</time> 有效期至2021年12月31日，期满失效' in expired
    assert set(change_pages(list(ALL), statuses)) == {
        "zhengce/biangeng/index.md", "zhengce/biangeng/yixiugai/index.md",
        "zhengce/biangeng/yifeizhi/index.md", "zhengce/biangeng/yishixiao/index.md"}


def test_feed_is_atom_with_absolute_links():
    statuses = derive_statuses(corpus_of(*ALL), D(2024, 1, 1))
    feed = ET.fromstring(status_feed(list(ALL), statuses, site_url="https://gk.example.gov.cn/",
                                     site_name="测试门户", as_of=D(2024, 1, 1)))
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text == "https://gk.example.gov.cn/zhengce/biangeng/feed.xml"
    assert feed.find(f"{ATOM}updated").text == "2023-05-10T00:00:00+08:00"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["已废止：转发通知", "已失效：试行办法", "已废止：旧办法"]
    hrefs = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert hrefs[2] == "https://gk.example.gov.cn/policies/2017/old/"
    assert all(e.find(f"{ATOM}id").text.startswith("https://gk.example.gov.cn/") for e in entries)
    assert entries[2].find(f"{ATOM}summary").text == "《旧办法》（通民发〔2017〕45号）于2021年1月1日被《新办法》（通民规〔2020〕3号）废止。"


EXPIRING_MD = """\
---
标题: 关于印发《创业担保贷款实施办法（试行）》的通知
文号: 通人社规〔2019〕3号
发文机关: 通辽市人力资源和社会保障局
公文种类: 通知
是否行政规范性文件: true
主题分类: 劳动、人事、监察
成文日期: 2019-12-10
发布日期: 2019-12-13
施行日期: 2020-01-01
有效期至: 2021-12-31
需要解读: false
免于解读理由: 程序性规定。
---
正文。
"""


def _built(site, as_of: str) -> tuple[str, str]:
    code, out, err = run_gongkai(site, "build", as_of=as_of)
    assert code == 0, out + err
    page = (site / "site/policies/2019/exp/index.html").read_text(encoding="utf-8")
    listing = (site / "site/zhengce/biangeng/yishixiao/index.html").read_text(encoding="utf-8")
    return page, listing


def test_changing_only_the_build_date_expires_the_document(make_site):
    site = make_site({"content/policies/2019/exp.md": EXPIRING_MD})
    page, listing = _built(site, "2021-12-31")
    assert 'id="gk-status-notice"' not in page and "共 0 件" in listing
    page, listing = _built(site, "2022-01-01")
    assert ('<div id="gk-status-notice" class="gk-notice gk-notice--expired" role="note" data-pagefind-meta="status:已失效">'
            '<p class="gk-notice__title">有效性：已失效</p><p class="gk-notice__text">'
            "本文件有效期至2021年12月31日，期满已失效。</p>") in page
    assert page.index('id="gk-status-notice"') < page.index("<h1")
    assert '<h2 id="gk-history-title">历史沿革</h2>' in page
    assert "共 1 件" in listing and "2021年12月31日" in listing
    feed = ET.parse(site / "site/zhengce/biangeng/feed.xml").getroot()
    assert [e.find(f"{ATOM}title").text for e in feed.findall(f"{ATOM}entry")] == [
        "已失效：关于印发《创业担保贷款实施办法（试行）》的通知"]
