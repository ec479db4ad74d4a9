"""年度报告数据: 行政规范性文件 issued, repealed and in force, year by year."""

from __future__ import annotations

from gongkai.derive.annual import NormativeYear, normative_document_years
from gongkai.pages.annual import annual_data_page
from tests.conftest import run_gongkai
from tests.lifecycle_helpers import D, corpus_of, policy
from tests.test_build_safety import copy_portal

OLD = policy("policies/2019/a", "通测规〔2019〕1号", written=D(2019, 3, 1), normative=True)
EXPIRING = policy("policies/2019/b", "通测规〔2019〕2号", written=D(2019, 5, 1), normative=True,
                  expires=D(2021, 12, 31))
REPEALER = policy("policies/2021/c", "通测规〔2021〕1号", written=D(2021, 6, 1), normative=True,
                  repeals=("通测规〔2019〕1号",))
NOT_NORMATIVE = policy("policies/2020/d", "通测发〔2020〕9号", written=D(2020, 1, 1))
ALL = (OLD, EXPIRING, REPEALER, NOT_NORMATIVE)


MID_2022 = D(2022, 6, 30)


def years(through=MID_2022, shown=None):
    corpus = corpus_of(*ALL)
    return normative_document_years(corpus, shown or {p.id for p in ALL}, through)


def test_counts_follow_issue_repeal_and_expiry():
    assert years() == [
        NormativeYear(2019, issued=2, ended=0, in_force=2),
        NormativeYear(2020, issued=0, ended=0, in_force=2),
        NormativeYear(2021, issued=1, ended=1, in_force=2),
        # Valid until 31 December 2021: it counts as ended in the year after.
        NormativeYear(2022, issued=0, ended=1, in_force=1),
    ]


def test_in_force_is_last_year_plus_issued_minus_ended():
    rows = years(through=D(2026, 1, 1))
    for before, row in zip(rows, rows[1:], strict=False):
        assert row.in_force == before.in_force + row.issued - row.ended


def test_only_shown_normative_documents_count():
    assert years(shown={NOT_NORMATIVE.id}) == []
    assert years(shown={EXPIRING.id})[0] == NormativeYear(2019, issued=1, ended=0, in_force=1)


def test_page_lists_newest_year_first():
    html = annual_data_page(years(), D(2022, 6, 30))
    assert html.index("<th scope=\"row\">2022年</th><td>0</td><td>1</td><td>1</td>") < html.index(
        "<th scope=\"row\">2019年</th><td>2</td><td>0</td><td>2</td>")
    assert "2022年截至6月30日" in html


def test_sample_portal_publishes_the_figures(tmp_path):
    site = copy_portal(tmp_path)
    assert run_gongkai(site, "build")[0] == 0
    html = (site / "site/xxgk/nianbao/shuju/index.html").read_text(encoding="utf-8")
    assert "<caption>行政规范性文件制发、废止和现行有效件数</caption>" in html
    assert 'href="shuju/"' in (site / "site/xxgk/nianbao/index.html").read_text(encoding="utf-8")
