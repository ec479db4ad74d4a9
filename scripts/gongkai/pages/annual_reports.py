"""政府信息公开工作年度报告: one page a year in the 国办公开办函〔2021〕30号 format, and their index."""

from __future__ import annotations

from ..model.annual_report import (
    APPLICANT_COLUMNS,
    APPLICANT_GROUP,
    CARRIED_OVER,
    COUNTED_COLUMNS,
    COUNTED_ROWS,
    INTAKE,
    OUTCOME_TOTAL,
    OUTCOMES,
    REVIEW_COLUMNS,
    TABLE_4_ROWS,
    AnnualReport,
)
from . import urls
from .html import date_text, esc, link
from .listing import front_matter

INDEX_TITLE = "政府信息公开工作年度报告"


def report_url(year: int) -> str:
    """The page of one year's report."""
    return f"{urls.ANNUAL_REPORTS}{year}/"


def _markdown(text: str) -> str:
    # The editors' sections are Markdown; blank lines keep them apart from the tables' HTML.
    return "\n\n" + text.strip() + "\n\n"


def _cells(values) -> str:
    return "".join(f"<td>{esc(v)}</td>" for v in values)


def _table_2(report: AnnualReport, computed: dict[str, tuple[int, int, int]]) -> str:
    counted = "".join(f'<tr><th scope="row">{esc(row)}</th>{_cells(computed[row])}</tr>' for row in COUNTED_ROWS)
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in COUNTED_COLUMNS)
    decisions = "".join(f'<tr><th scope="row">{esc(row)}</th><td>{esc(report.decisions[row])}</td></tr>'
                        for row in ("行政许可", "行政处罚", "行政强制"))
    return (
        '<table class="gk-report"><caption>第二十条第（一）项</caption>'
        f'<thead><tr><th scope="col">信息内容</th>{head}</tr></thead><tbody>{counted}</tbody></table>\n'
        '<table class="gk-report"><caption>第二十条第（五）项、第（六）项</caption>'
        '<thead><tr><th scope="col">信息内容</th><th scope="col">本年处理决定数量</th></tr></thead>'
        f"<tbody>{decisions}</tbody></table>\n"
        '<table class="gk-report"><caption>第二十条第（八）项</caption>'
        '<thead><tr><th scope="col">信息内容</th><th scope="col">本年收费金额（单位：万元）</th></tr></thead>'
        f'<tbody><tr><th scope="row">行政事业性收费</th><td>{esc(report.decisions["行政事业性收费"])}</td></tr>'
        "</tbody></table>\n"
        '<p class="gk-report__note">“规章”“行政规范性文件”两行由本网站发布的文件及其修改、废止、失效情况自动统计'
        f"（{link(urls.relative(report_url(report.year), urls.ANNUAL_DATA), '各年数字')}）。</p>\n"
    )


def _table_3(report: AnnualReport) -> str:
    row = report.request_row
    groups = [c for c in APPLICANT_COLUMNS[1:-1]]
    head = (
        '<thead><tr><td colspan="3" rowspan="3" class="gk-report__corner">（本列数据的勾稽关系为：第一项加第二项之和，'
        "等于第三项加第四项之和）</td>"
        f'<th scope="colgroup" colspan="{len(APPLICANT_COLUMNS)}">申请人情况</th></tr>'
        f'<tr><th scope="col" rowspan="2">{APPLICANT_COLUMNS[0]}</th>'
        f'<th scope="colgroup" colspan="{len(groups)}">{APPLICANT_GROUP}</th>'
        f'<th scope="col" rowspan="2">{APPLICANT_COLUMNS[-1]}</th></tr>'
        "<tr>" + "".join(f'<th scope="col">{esc(g)}</th>' for g in groups) + "</tr></thead>"
    )
    rows = [f'<tr><th scope="row" colspan="3">{esc(label)}</th>{_cells(row(key))}</tr>' for key, label, _ in INTAKE]
    span = len(OUTCOMES) + 1
    first = f'<th scope="rowgroup" rowspan="{span}">三、本年度办理结果</th>'
    seen = set()
    for key, label, heading in OUTCOMES:
        lead, first = first, ""
        if not heading:
            rows.append(f'<tr>{lead}<th scope="row" colspan="2">{esc(label)}</th>{_cells(row(key))}</tr>')
            continue
        group = ""
        if heading not in seen:
            seen.add(heading)
            size = sum(h == heading for _, _, h in OUTCOMES)
            group = f'<th scope="rowgroup" rowspan="{size}">{esc(heading)}</th>'
        rows.append(f'<tr>{lead}{group}<th scope="row">{esc(label)}</th>{_cells(row(key))}</tr>')
    rows.append(f'<tr><th scope="row" colspan="2">{OUTCOME_TOTAL[1]}</th>{_cells(row(OUTCOME_TOTAL[0]))}</tr>')
    rows.append(f'<tr><th scope="row" colspan="3">{CARRIED_OVER[1]}</th>{_cells(row(CARRIED_OVER[0]))}</tr>')
    return (f'<table class="gk-report gk-report--wide"><caption>收到和处理政府信息公开申请情况</caption>{head}'
            f'<tbody>{"".join(rows)}</tbody></table>\n')


def _table_4(report: AnnualReport) -> str:
    columns = "".join(f'<th scope="col">{esc(c)}</th>' for c in REVIEW_COLUMNS)
    suits = "".join(f'<th scope="colgroup" colspan="{len(REVIEW_COLUMNS)}">{esc(label.split("：")[-1])}</th>'
                    for _, label in TABLE_4_ROWS[1:])
    values = "".join(_cells(report.review_row(key)) for key, _ in TABLE_4_ROWS)
    return (
        '<table class="gk-report gk-report--wide"><caption>政府信息公开行政复议、行政诉讼情况</caption><thead>'
        f'<tr><th scope="colgroup" colspan="{len(REVIEW_COLUMNS)}" rowspan="2">行政复议</th>'
        f'<th scope="colgroup" colspan="{2 * len(REVIEW_COLUMNS)}">行政诉讼</th></tr>'
        f"<tr>{suits}</tr><tr>{columns * 3}</tr></thead><tbody><tr>{values}</tr></tbody></table>\n"
    )


def report_page(report: AnnualReport, computed: dict[str, tuple[int, int, int]]) -> str:
    """One year's report: the six sections, tables 二 to 四 in the template's layout."""
    meta = {"示例": True} if report.sample else {}
    return (
        front_matter(f"{report.year}年年度报告", **meta) + f"<h1>{esc(report.title)}</h1>\n\n"
        + f'<p class="gk-report__date">发布日期：{esc(date_text(report.published))}</p>\n'
        + f'<p class="gk-intro">本报告依照《中华人民共和国政府信息公开条例》第五十条和《国务院办公厅政府信息与政务'
          f"公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制，"
          f"统计期限为{report.year}年1月1日至12月31日。</p>\n"
        + "<h2>一、总体情况</h2>" + _markdown(report.overview)
        + "<h2>二、主动公开政府信息情况</h2>\n" + _table_2(report, computed)
        + "<h2>三、收到和处理政府信息公开申请情况</h2>\n" + _table_3(report)
        + "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n" + _table_4(report)
        + "<h2>五、存在的主要问题及改进情况</h2>" + _markdown(report.problems)
        + "<h2>六、其他需要报告的事项</h2>" + _markdown(report.other)
    )


def index_page(reports: list[AnnualReport]) -> str:
    """Every year's report, newest first, and the figures the site computes."""
    here = urls.ANNUAL_REPORTS
    items = "".join(
        f'<li>{link(urls.relative(here, report_url(r.year)), r.title)} <span class="gk-article__date">发布日期：'
        f"{esc(date_text(r.published))}</span></li>" for r in sorted(reports, key=lambda r: -r.year))
    body = f'<ul class="gk-reports">{items}</ul>' if items else '<p class="gk-empty">尚未发布年度报告。</p>'
    return (
        front_matter(INDEX_TITLE) + f"<h1>{INDEX_TITLE}</h1>\n\n"
        + '<p class="gk-intro">每年 1 月 31 日前公布上一年度的政府信息公开工作年度报告，格式依照国办公开办函〔2021〕30号。'
          f"行政规范性文件的制发、废止和现行有效件数见{link(urls.relative(here, urls.ANNUAL_DATA), '年度报告数据')}。</p>\n"
        + body + "\n"
    )
