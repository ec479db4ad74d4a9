"""Document pages: metadata table, related boxes, attachments, banners and meta tags."""

import re

import pytest

from tests.pages_site import build_pages_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_pages_site(tmp_path_factory.mktemp("pages") / "portal")


def read(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def meta_rows(html):
    """(label, text) of each row of the .gk-meta summary list."""
    rows = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html, re.S)
    return [(label, re.sub(r"<[^>]+>", "", value)) for label, value in rows]


def test_policy_metadata_table_lists_every_field_in_order(site):
    rows = meta_rows(read(site, "policies/2017/seed"))
    assert rows == [
        ("索引号", "115223000115559370/2017-00157"),
        ("发文机关", "通辽市人民政府办公厅"),
        ("文号", "通政办字〔2017〕157号"),
        ("公文种类", "通知"),
        ("成文日期", "2017年6月6日"),
        ("发布日期", "2017年6月8日"),
        ("施行日期", "2017年6月8日"),
        ("主题分类", "综合政务"),
        ("有效性", "有效"),
        ("公开方式", "主动公开"),
    ]


def test_policy_links_its_interpretation_and_back(site):
    policy = read(site, "policies/2017/seed")
    box = re.search(r'<section class="gk-related".*?</section>', policy, re.S).group(0)
    assert '<h2 id="gk-related-title">政策解读</h2>' in box
    assert '<a href="../../../interpretations/2017/seed-jiedu/">《关于印发测试方案的通知》解读</a>' in box
    assert "文字 · 2017年6月8日" in box
    interpretation = read(site, "interpretations/2017/seed-jiedu")
    back = re.search(r'<section class="gk-related".*?</section>', interpretation, re.S).group(0)
    assert '<h2 id="gk-related-title">相关政策</h2>' in back
    assert '<a href="../../../policies/2017/seed/">关于印发测试方案的通知</a>' in back
    assert ("解读对象", "通政办字〔2017〕157号") in meta_rows(interpretation)


def test_exempt_policy_shows_its_reason_instead_of_the_box(site):
    html = read(site, "policies/2019/exempt")
    assert "本文件免于解读。理由：仅涉及办公时间调整，内容简单明了。" in html
    assert '<h2 id="gk-related-title">' not in html


def test_attachment_is_copied_and_linked_with_type_and_size(site):
    html = read(site, "policies/2019/exempt")
    assert '<a href="../zuoxi.csv" download>作息时间表</a>' in html
    assert "（CSV，26 字节）" in html
    assert (site / "policies/2019/zuoxi.csv").read_bytes() == "时段,时间\n上午,8:30\n".encode()


def test_sample_document_carries_the_banner_and_others_do_not(site):
    assert 'class="gk-sample"' in read(site, "policies/2019/exempt")
    assert 'class="gk-sample"' not in read(site, "policies/2017/seed")


def test_body_table_scrolls_in_a_focusable_region(site):
    html = read(site, "policies/2019/exempt")
    assert '<div class="gk-table-scroll" role="region" tabindex="0" aria-label="表格 1"><table>' in html


def test_government_meta_tags_and_language(site):
    html = read(site, "policies/2017/seed")
    assert '<html lang="zh-CN"' in html
    for name, value in [("SiteName", "测试门户"), ("SiteDomain", "test.example.gov.cn"),
                        ("ColumnName", "政策文件"), ("ArticleTitle", "关于印发测试方案的通知"),
                        ("PubDate", "2017-06-08 00:00"), ("ContentSource", "通辽市人民政府办公厅"),
                        ("Url", "https://test.example.gov.cn/policies/2017/seed/")]:
        assert f'<meta name="{name}" content="{value}">' in html


def test_status_notice_slot_comes_first_on_a_repealed_policy(site):
    html = read(site, "policies/2019/exempt")
    notice = html.index('<div id="gk-status-notice"')
    assert notice < html.index("<h1>") < html.index('class="gk-meta"')
    assert ("有效性", "已废止") in meta_rows(html)
    assert 'id="gk-status-notice"' not in read(site, "policies/2017/seed")


def test_nothing_loads_from_another_host(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!test\.example\.gov\.cn)[^"]*\.(?:js|css|woff2?)', html)
        assert "fonts.googleapis" not in html
