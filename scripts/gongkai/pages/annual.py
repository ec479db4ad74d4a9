"""年度报告数据: the counts of 行政规范性文件 by year, for table 二 of the annual report."""

from __future__ import annotations

import datetime as dt

from ..derive.annual import NormativeYear
from .listing import front_matter

TITLE = "年度报告数据：行政规范性文件"


def annual_data_page(rows: list[NormativeYear], as_of: dt.date) -> str:
    """A table a report's author copies into 二、主动公开政府信息情况."""
    intro = (
        '<p class="gk-intro">根据本网站发布的行政规范性文件及其修改、废止、失效情况自动统计，'
        "供编写政府信息公开工作年度报告“二、主动公开政府信息情况”时填写。本年废止件数含失效；"
        f"现行有效件数为年末数（{as_of.year}年截至{as_of.month}月{as_of.day}日）。"
        "规章、行政许可、行政处罚、行政强制和收费金额等数字需另行填报。</p>\n"
    )
    if not rows:
        return front_matter(TITLE) + f"<h1>{TITLE}</h1>\n\n{intro}\n<p class=\"gk-empty\">暂无行政规范性文件。</p>\n"
    body = "".join(
        f"<tr><th scope=\"row\">{r.year}年</th><td>{r.issued}</td><td>{r.ended}</td><td>{r.in_force}</td></tr>"
        for r in reversed(rows)
    )
    table = (
        '<div class="gk-table-scroll" role="region" aria-label="行政规范性文件统计" tabindex="0">'
        "<table class=\"gk-figures\"><caption>行政规范性文件制发、废止和现行有效件数</caption>"
        '<thead><tr><th scope="col">年度</th><th scope="col">本年制发件数</th>'
        '<th scope="col">本年废止件数</th><th scope="col">现行有效件数</th></tr></thead>'
        f"<tbody>{body}</tbody></table></div>\n"
    )
    return front_matter(TITLE) + f"<h1>{TITLE}</h1>\n\n{intro}\n{table}"
