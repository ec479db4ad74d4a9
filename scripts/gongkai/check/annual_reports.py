"""A report that contradicts the site, or itself, counts against the office: check every figure."""

from __future__ import annotations

from ..config import PortalConfig
from ..derive.annual import counted_figures
from ..model.annual_report import (
    APPLICANT_COLUMNS,
    CARRIED_OVER,
    COUNTED_COLUMNS,
    INTAKE,
    OUTCOME_TOTAL,
    OUTCOMES,
    REVIEW_COLUMNS,
    TABLE_3_ROWS,
    TABLE_4_ROWS,
    AnnualReport,
)
from ..read.corpus import Corpus
from .problem import Problem, error

REQUESTS = "收到和处理政府信息公开申请情况"
REVIEWS = "行政复议和行政诉讼情况"
LABELS = {key: label for key, label, _ in TABLE_3_ROWS}


def check_annual_reports(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Table 二 against the documents, and the identities of tables 三 and 四, for every report."""
    shown = {p.id for p in corpus.policies.values() if not p.draft and p.published <= config.as_of}
    problems = []
    for report in corpus.annual_reports:
        problems += _table_2(report, counted_figures(corpus, shown, report.year, config.as_of))
        problems += _table_3(report)
        problems += _table_4(report)
    problems += _carried_over(corpus.annual_reports)
    return problems


def _carried_over(reports: list[AnnualReport]) -> list[Problem]:
    """What one year carried over is what the next year received from it."""
    by_year = {r.year: r for r in reports}
    problems = []
    for report in reports:
        before = by_year.get(report.year - 1)
        key = INTAKE[1][0]
        if before and before.request_row(CARRIED_OVER[0]) != report.request_row(key):
            problems.append(error(
                report.path, report.line_of(f"{REQUESTS}/{key}"), "annual-carried-over",
                f"表三“上年结转申请数量”为 {list(report.request_row(key))}，而{before.year}年报告的"
                f"“结转下年度继续办理”为 {list(before.request_row(CARRIED_OVER[0]))}。两者应相同，请核对。"))
    return problems


def _table_2(report: AnnualReport, computed: dict[str, tuple[int, int, int]]) -> list[Problem]:
    problems = []
    for row, entered in report.entered.items():
        for column, given, counted in zip(COUNTED_COLUMNS, entered, computed[row], strict=True):
            if given != counted:
                problems.append(error(
                    report.path, report.line_of(row), "annual-table-2",
                    f"表二“{row}”一行的“{column}”填写为 {given}，而本网站发布的{row}统计为 {counted}。"
                    f"请改为 {counted}，或删去这一行由本网站自动统计；如果本网站漏登了文件，请补登。"))
    return problems


def _row_totals(report: AnnualReport, group: str, table: str, rows, get, columns) -> list[Problem]:
    problems = []
    for key, label in rows:
        values = get(key)
        if values[-1] != sum(values[:-1]):
            problems.append(error(
                report.path, report.line_of(f"{group}/{key}"), "annual-row-total",
                f"{table}“{label}”一行的“{columns[-1]}”为 {values[-1]}，而前面各列之和为 {sum(values[:-1])}。"
                "请核对这一行的数字。"))
    return problems


def _table_3(report: AnnualReport) -> list[Problem]:
    row = report.request_row
    problems = _row_totals(report, REQUESTS, "表三", [(k, LABELS[k]) for k, _, _ in TABLE_3_ROWS], row,
                           APPLICANT_COLUMNS)
    total_key = OUTCOME_TOTAL[0]
    for index, column in enumerate(APPLICANT_COLUMNS):
        parts = sum(row(key)[index] for key, _, _ in OUTCOMES)
        if row(total_key)[index] != parts:
            problems.append(error(
                report.path, report.line_of(f"{REQUESTS}/{total_key}"), "annual-outcome-total",
                f"表三“（七）总计”的“{column}”列为 {row(total_key)[index]}，而（一）至（六）各项之和为 {parts}。"
                "请核对办理结果各项或总计。"))
    for index, column in enumerate(APPLICANT_COLUMNS):
        received = sum(row(key)[index] for key, _, _ in INTAKE)
        settled = row(total_key)[index] + row(CARRIED_OVER[0])[index]
        if received != settled:
            problems.append(error(
                report.path, report.line_of(f"{REQUESTS}/{CARRIED_OVER[0]}"), "annual-balance",
                f"表三“{column}”列：本年新收加上年结转为 {received}，办理结果总计加结转下年度为 {settled}，"
                "两者应相等。请核对这一列的数字。"))
    return problems


def _table_4(report: AnnualReport) -> list[Problem]:
    return _row_totals(report, REVIEWS, "表四", TABLE_4_ROWS, report.review_row, REVIEW_COLUMNS)
