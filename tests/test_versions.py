"""Version chains (替代) link both ways; the comparison marks added and removed text."""

from __future__ import annotations

from gongkai.derive.versions import diff_texts, version_chains
from gongkai.pages.status_notice import versions_html
from gongkai.pages.versions import diff_line_html, diff_page, version_pages
from tests.lifecycle_helpers import D, corpus_of, policy

V1 = policy("policies/2019/v1", "通教发〔2019〕28号", title="招生办法", written=D(2019, 4, 2),
            body="第一条 为规范招生，制定本办法。\n\n第五条 持户口簿到学校现场报名。\n\n第九条 旧条款。\n")
V2 = policy("policies/2024/v2", "通教规〔2024〕1号", title="修订后的招生办法", written=D(2024, 3, 26),
            replaces=("通教发〔2019〕28号",),
            body="第一条 为规范招生，制定本办法。\n\n第五条 通过平台网上报名，提交户口簿。\n\n第十条 新条款。\n")


def test_versions_are_chained_oldest_first_from_either_end():
    chains = version_chains(corpus_of(V1, V2))
    assert [p.id for p in chains[V1.id]] == [V1.id, V2.id]
    assert chains[V1.id] == chains[V2.id]


def test_a_document_without_versions_has_no_chain():
    assert version_chains(corpus_of(V1)) == {}


def test_both_pages_link_each_other():
    chain = version_chains(corpus_of(V1, V2))[V1.id]
    old = versions_html(V1, chain, V1.url)
    new = versions_html(V2, chain, V2.url)
    assert '<a href="../../2024/v2/">《修订后的招生办法》（通教规〔2024〕1号）</a>' in old
    assert '<a href="../../2019/v1/">《招生办法》（通教发〔2019〕28号）</a>' in new
    assert "<strong aria-current=\"page\">《修订后的招生办法》（通教规〔2024〕1号）（本版本）</strong>" in new
    assert '<a href="bijiao/">与上一版本比较</a>' in new


def test_diff_marks_added_and_removed_text_with_words_not_colour_alone():
    lines = diff_texts(V1.body, V2.body)
    assert [line.kind for line in lines] == ["same", "changed", "changed"]
    html = diff_line_html(lines[1])
    assert "<del class=\"gk-diff-removed\"><span class=\"gk-diff-label\">［删除］</span>" in html
    assert "<ins class=\"gk-diff-added\"><span class=\"gk-diff-label\">［新增］</span>" in html
    assert html.startswith('<p class="gk-diff-line gk-diff-line--changed">第五条 ')


def test_unchanged_text_gives_no_marks():
    lines = diff_texts(V1.body, V1.body)
    assert {line.kind for line in lines} == {"same"}
    assert "<ins" not in "".join(map(diff_line_html, lines))


def test_diff_text_is_escaped():
    html = diff_line_html(diff_texts("甲<b>", "甲<i>")[0])
    assert html.startswith('<p class="gk-diff-line gk-diff-line--changed">甲&lt;<del ')
    assert "<b>" not in html and "<i>" not in html


def test_comparison_page_sits_under_the_newer_version():
    pages = version_pages(version_chains(corpus_of(V1, V2)), {V1.id, V2.id})
    assert list(pages) == ["policies/2024/v2/bijiao/index.md"]
    page = diff_page(V1, V2)
    assert '上一版本：<a href="../../../2019/v1/">' in page
    assert "共改动 2 段" in page
    # A hidden version is not compared on the public site.
    assert version_pages(version_chains(corpus_of(V1, V2)), {V2.id}) == {}
