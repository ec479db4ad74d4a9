"""The two Atom feeds as a feed reader reads them, and the pages that announce them."""

from __future__ import annotations

import re

import feedparser
import yaml

from .conftest import SEED_INTERPRETATION, SEED_POLICY, paired_site_files, run_gongkai

# A title with the characters XML escapes: a reader must see them once, as written.
TITLE = "关于A&B“<试行>”办法的通知"
POLICY = SEED_POLICY.replace("标题: 关于印发测试方案的通知", f"标题: '{TITLE}'").replace(
    "发布日期: 2017-06-08", "发布日期: 2017-06-08\n摘要: 'R&D <费用> 加计扣除'")
REPEALING = """\
---
标题: 关于废止测试方案的决定
文号: 通政发〔2020〕1号
发文机关: 通辽市人民政府
公文种类: 决定
主题分类: 综合政务
成文日期: 2020-01-02
发布日期: 2020-01-06
废止: 通政办字〔2017〕157号
需要解读: false
免于解读理由: 仅废止文件。
---
正文。
"""


def built(make_site):
    site = make_site({"content/policies/2017/seed.md": POLICY,
                      "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION,
                      "content/policies/2020/repeal.md": REPEALING})
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    return site / "site"


def alternates(page) -> list[tuple[str, str]]:
    """(title, href) of each feed autodiscovery link of a built page."""
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">',
                      html)


def test_the_documents_feed_lists_new_policies_and_interpretations_escaped_once(make_site):
    site = built(make_site)
    feed = feedparser.parse((site / "zhengce/feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert feed.feed.title == "测试门户：新发布的政策文件和政策解读"
    assert feed.feed.link == "https://test.example.gov.cn/zhengce/"
    assert [(e.title, e.link, e.updated) for e in feed.entries] == [
        ("政策文件：关于废止测试方案的决定", "https://test.example.gov.cn/policies/2020/repeal/",
         "2020-01-06T00:00:00+08:00"),
        (f"政策文件：{TITLE}", "https://test.example.gov.cn/policies/2017/seed/", "2017-06-08T00:00:00+08:00"),
        ("政策解读：《关于印发测试方案的通知》解读", "https://test.example.gov.cn/interpretations/2017/seed-jiedu/",
         "2017-06-08T00:00:00+08:00"),
    ]
    assert feed.entries[0].summary == "通辽市人民政府，通政发〔2020〕1号。"
    assert feed.entries[1].summary == "R&D <费用> 加计扣除"
    assert feed.entries[2].summary == "文字解读，2017年6月8日发布。"
    assert [e.tags[0].term for e in feed.entries] == ["政策文件", "政策文件", "政策解读"]


def test_the_change_feed_names_the_document_escaped_once(make_site):
    site = built(make_site)
    feed = feedparser.parse((site / "zhengce/biangeng/feed.xml").read_bytes())
    assert feed.bozo == 0 and feed.version == "atom10"
    assert [e.title for e in feed.entries] == [f"已废止：{TITLE}"]
    assert feed.entries[0].summary == (f"《{TITLE}》（通政办字〔2017〕157号）于2020年1月6日被"
                                       "《关于废止测试方案的决定》（通政发〔2020〕1号）废止。")


def test_the_home_page_listings_and_change_lists_announce_their_feeds(make_site):
    site = built(make_site)
    documents = ("测试门户：新发布的政策文件和政策解读", "zhengce/feed.xml")
    changes = ("测试门户：文件修改、废止、失效情况", "zhengce/biangeng/feed.xml")
    assert alternates(site / "index.html") == [documents, changes]
    assert alternates(site / "zhengce/index.html") == [(documents[0], "feed.xml")]
    assert alternates(site / "jiedu/index.html") == [(documents[0], "../zhengce/feed.xml")]
    assert alternates(site / "zhengce/biangeng/index.html") == [(changes[0], "feed.xml")]
    assert alternates(site / "zhengce/biangeng/yifeizhi/index.html") == [(changes[0], "../feed.xml")]
    assert alternates(site / "policies/2017/seed/index.html") == []
    assert ('订阅新发布的政策文件和政策解读：<a href="feed.xml" type="application/atom+xml">Atom 订阅（feed.xml）</a>'
            in (site / "zhengce/index.html").read_text(encoding="utf-8"))


def test_a_site_without_its_address_has_no_feed_to_announce(make_site):
    site = make_site(paired_site_files())
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8")) | {"site_url": ""}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    assert not (site / "site/zhengce/feed.xml").exists()
    assert alternates(site / "site/index.html") == []
    assert "Atom" not in (site / "site/zhengce/index.html").read_text(encoding="utf-8")
