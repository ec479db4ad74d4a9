"""Listings: grouping, pagination, badges, and nothing unpublished anywhere."""

import datetime as dt
import re

import pytest

from gongkai.model.status import Status
from gongkai.pages import urls
from gongkai.pages.listing import Entry, paginate
from tests.pages_site import build_pages_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_pages_site(tmp_path_factory.mktemp("listings") / "portal")


def read(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def titles(html):
    return re.findall(r'class="gk-item__title">(.*?)</a>', html)


def entries(n):
    return [Entry(f"文件{i}", f"policies/x/{i}/", f"通测〔2020〕{i}号", dt.date(2020, 1, 1),
                  Status.IN_FORCE) for i in range(1, n + 1)]


def test_pagination_has_at_most_50_items_and_working_links():
    pages = paginate("zhengce/", "政策文件库", entries(120))
    assert list(pages) == ["zhengce/index.md", "zhengce/2/index.md", "zhengce/3/index.md"]
    first, second, last = pages.values()
    assert len(re.findall(r'<li class="gk-item">', first)) == 50
    assert len(re.findall(r'<li class="gk-item">', last)) == 20
    assert '<a href="2/" rel="prev"' not in first and '<a href="2/" rel="next" class="gk-pager__next">下一页</a>' in first
    assert '<a href="../" rel="prev" class="gk-pager__prev">上一页</a>' in second
    assert '<a href="../3/" rel="next" class="gk-pager__next">下一页</a>' in second
    assert '<ol class="gk-list" start="101">' in last and "下一页" not in last
    assert "第 2 / 3 页" in second


def test_a_short_listing_has_no_pager():
    (page,) = paginate("jiedu/", "政策解读", entries(3)).values()
    assert 'class="gk-pager"' not in page and "共 3 件。" in page


def test_items_show_number_date_and_a_text_badge(site):
    html = read(site, "zhengce")
    item = re.search(r'<li class="gk-item"><a href="../policies/2017/seed/".*?</li>', html).group(0)
    assert '<span class="gk-item__number">通政办字〔2017〕157号</span>' in item
    assert '发布日期：<time datetime="2017-06-08">2017年6月8日</time>' in item
    assert '<span class="gk-badge gk-badge--in-force">有效</span>' in item


def test_policies_grouped_by_year_issuer_topic_and_status(site):
    assert titles(read(site, "zhengce/nian/2019")) == ["通辽市财政局关于调整办公时间的通知"]
    assert titles(read(site, urls.by_issuer("通辽市财政局"))) == [
        "通辽市财政局关于恢复原办公时间的通知", "通辽市财政局关于调整办公时间的通知"]
    assert titles(read(site, urls.by_topic("综合政务"))) == ["关于印发测试方案的通知"]
    assert titles(read(site, "zhengce/youxiaoxing/yifeizhi")) == ["通辽市财政局关于调整办公时间的通知"]
    assert '<a href="../../">返回政策文件库</a>' in read(site, "zhengce/nian/2019")


def test_policy_library_links_the_change_lists(site):
    assert '见<a href="biangeng/">文件修改、废止、失效情况</a>' in read(site, "zhengce")
    assert "已废止的文件" in read(site, "zhengce/biangeng")


def test_listing_urls_are_stable_for_a_name():
    assert urls.by_issuer("通辽市财政局") == urls.by_issuer("通辽市财政局")
    assert re.fullmatch(r"zhengce/jiguan/[0-9a-f]{8}/", urls.by_issuer("通辽市财政局"))
    assert urls.by_status(Status.REPEALED) == "zhengce/youxiaoxing/yifeizhi/"


def test_interpretation_list_links_each_interpretation(site):
    html = read(site, "jiedu")
    assert titles(html) == ["《关于印发测试方案的通知》解读"]
    assert "文字 · 解读 通政办字〔2017〕157号" in html


def test_home_lists_latest_documents_and_the_four_column_entries(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert titles(html)[:3] == ["通辽市财政局关于恢复原办公时间的通知",
                                "通辽市财政局关于调整办公时间的通知", "关于印发测试方案的通知"]
    for title, url in [("政府信息公开指南", "xxgk/zhinan/"), ("政府信息公开制度", "xxgk/zhidu/"),
                       ("法定主动公开内容", "xxgk/fading/"), ("政府信息公开工作年度报告", "xxgk/nianbao/")]:
        assert f'<a href="{url}" class="gk-card__title">{title}</a>' in html
        assert (site / url / "index.html").is_file()


def test_statutory_content_follows_articles_20_and_21(site):
    html = read(site, "xxgk/fading")
    assert len(re.findall(r'<li id="tiao-20-\d+">', html)) == 15
    assert len(re.findall(r'<li id="tiao-21-\d+">', html)) == 7
    assert '<a href="../../zhengce/">政策文件库</a>' in html
    assert '<a href="../../qingdan/shoufei/">行政事业性收费和政府性基金目录清单</a>' in html


def test_drafts_and_future_documents_appear_nowhere(site):
    assert not (site / "policies/2019/draft").exists()
    assert not (site / "policies/2027").exists()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "草稿中的办法" not in html and "将来发布的办法" not in html, page
    for data in site.rglob("*.json"):
        assert "将来发布的办法" not in data.read_text(encoding="utf-8")
