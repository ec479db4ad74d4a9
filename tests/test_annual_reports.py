"""Annual reports (国办公开办函〔2021〕30号): table 二 against the site, the identities of table 三."""

import re

import pytest

from tests.conftest import ROOT, paired_site_files, run_gongkai
from tests.e2e.harness import copy_sample_portal

REPORT = "data/nianbao/2025.yml"


@pytest.fixture
def portal(tmp_path):
    return copy_sample_portal(tmp_path / "portal")


def edit(portal, old, new):
    path = portal / REPORT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(portal):
    code, out, _ = run_gongkai(portal, "check")
    return code, [line for line in out.splitlines() if line.startswith("data/nianbao/")]


def line_of(portal, start):
    lines = (portal / REPORT).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_the_sample_reports_agree_with_the_site_and_with_themselves(portal):
    assert problems(portal) == (0, [])


def test_a_hand_entered_table_2_figure_that_differs_from_the_site_names_the_row(portal):
    edit(portal, "行政规范性文件: [0, 0, 6]", "行政规范性文件: [6, 0, 6]")
    code, found = problems(portal)
    assert code == 1
    assert found == [
        f"{REPORT}:{line_of(portal, '行政规范性文件:')}: annual-table-2 表二“行政规范性文件”一行的“本年制发件数”填写为 6，"
        "而本网站发布的行政规范性文件统计为 0。请改为 0，或删去这一行由本网站自动统计；如果本网站漏登了文件，请补登。"]


def test_a_row_whose_total_is_not_the_sum_of_its_columns_is_named(portal):
    edit(portal, "予以公开: [33, 5, 1, 0, 2, 0, 41]", "予以公开: [33, 5, 1, 0, 2, 0, 42]")
    code, found = problems(portal)
    assert code == 1
    line = line_of(portal, "  予以公开:")
    assert f"{REPORT}:{line}: annual-row-total 表三“（一）予以公开”一行的“总计”为 42，而前面各列之和为 41。请核对这一行的数字。" in found
    # The same change also breaks （七）总计 = （一）+…+（六） in the 总计 column.
    assert (f"{REPORT}:{line_of(portal, '  办理结果总计:')}: annual-outcome-total 表三“（七）总计”的“总计”列为 85，"
            "而（一）至（六）各项之和为 86。请核对办理结果各项或总计。") in found


def test_received_plus_carried_in_must_equal_settled_plus_carried_out(portal):
    edit(portal, "结转下年度继续办理: [3, 0, 0, 0, 0, 1, 4]", "结转下年度继续办理: [4, 0, 0, 0, 0, 1, 5]")
    code, found = problems(portal)
    assert code == 1
    assert found == [
        f"{REPORT}:{line_of(portal, '  结转下年度继续办理:')}: annual-balance 表三“总计”列：本年新收加上年结转为 89，"
        "办理结果总计加结转下年度为 90，两者应相等。请核对这一列的数字。",
        f"{REPORT}:{line_of(portal, '  结转下年度继续办理:')}: annual-balance 表三“自然人”列：本年新收加上年结转为 73，"
        "办理结果总计加结转下年度为 74，两者应相等。请核对这一列的数字。",
    ]


def test_table_4_totals_and_row_shapes(portal):
    edit(portal, "行政复议: [1, 0, 0, 1, 2]", "行政复议: [1, 0, 0, 1]")
    code, found = problems(portal)
    assert code == 1
    assert found == [f"{REPORT}:{line_of(portal, '  行政复议:')}: bad-numbers 字段“行政复议”应为5 个不小于 0 的整数，"
                     "写在方括号里、用逗号隔开，如 [0, 0, 0, 0, 0]；现在是一个列表。"]


def test_a_report_is_published_as_a_page_in_the_template_format(make_site):
    report = (ROOT / REPORT).read_text(encoding="utf-8")
    site = make_site(paired_site_files() | {REPORT: report.replace("行政规范性文件: [0, 0, 6]\n", "")})
    code, out, _ = run_gongkai(site, "build")
    assert code == 0, out
    page = (site / "site/xxgk/nianbao/2025/index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2[^>]*>([^<]+)</h2>", page)
    assert headings[:6] == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert '<th scope="row" colspan="3">一、本年新收政府信息公开申请数量</th><td>70</td>' in page
    assert '<th scope="rowgroup" rowspan="8">（三）不予公开</th><th scope="row">1.属于国家秘密</th><td>1</td>' in page
    # The test portal has no normative document: the computed row says so, whatever was entered.
    assert '<th scope="row">行政规范性文件</th><td>0</td><td>0</td><td>0</td>' in page
    index = (site / "site/xxgk/nianbao/index.html").read_text(encoding="utf-8")
    assert '<a href="2025/">通辽市人民政府2025年政府信息公开工作年度报告</a>' in index


def test_what_one_year_carried_over_the_next_year_received(portal):
    edit(portal, "上年结转申请数量: [3, 0, 0, 0, 0, 0, 3]", "上年结转申请数量: [2, 0, 0, 0, 0, 1, 3]")
    _, found = problems(portal)
    assert (f"{REPORT}:{line_of(portal, '  上年结转申请数量:')}: annual-carried-over 表三“上年结转申请数量”为 "
            "[2, 0, 0, 0, 0, 1, 3]，而2024年报告的“结转下年度继续办理”为 [3, 0, 0, 0, 0, 0, 3]。两者应相同，请核对。") in found
