"""Dates in order: 成文 ≤ 发布; 施行 not before 成文; 有效期 ends after 成文."""

from __future__ import annotations

from .problem import Problem, error


def check_dates(policies) -> list[Problem]:
    """Report each date that contradicts another date of the same policy."""
    problems = []
    for doc in policies:
        path, line = doc.source.path, doc.source.line_of
        if doc.published < doc.written:
            problems.append(error(
                path, line("发布日期"), "date-order",
                f"发布日期 {doc.published} 早于成文日期 {doc.written}。文件成文后才能发布，请核对两个日期。",
            ))
        if doc.effective and doc.effective < doc.written:
            problems.append(error(
                path, line("施行日期"), "date-order",
                f"施行日期 {doc.effective} 早于成文日期 {doc.written}。请核对施行日期。",
            ))
        if doc.expires and doc.expires <= doc.written:
            problems.append(error(
                path, line("有效期至"), "date-order",
                f"有效期至 {doc.expires} 不晚于成文日期 {doc.written}。请核对有效期。",
            ))
    return problems


