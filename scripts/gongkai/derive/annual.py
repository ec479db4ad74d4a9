"""Figures of the annual report (政府信息公开工作年度报告) that the portal's own documents give.

Table 二 of the report format (国办公开办函〔2021〕30号) asks, for 行政规范性文件, how many were
issued in the year (本年制发件数), repealed in the year (本年废止件数, expiry included) and in
force at its end (现行有效件数). They follow from the documents and their statuses, so that
现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y); documents issued but not yet in force count as
in force, since they are not repealed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.status import Status
from .status import derive_statuses

_ENDED = (Status.REPEALED, Status.EXPIRED)


@dataclass(frozen=True)
class NormativeYear:
    """One row of the table: a year and its three counts."""

    year: int
    issued: int
    ended: int
    in_force: int


def normative_document_years(corpus, shown: set[str], through: dt.date) -> list[NormativeYear]:
    """The counts of 行政规范性文件 for each year from the first shown one to ``through``."""
    return document_years(corpus, shown, through, lambda p: p.normative)


def is_regulation(policy) -> bool:
    """规章 are published by a government order (令)."""
    return policy.doc_type == "令"


# Table 二's computed rows and which documents each counts.
COUNTED = {"规章": is_regulation, "行政规范性文件": lambda p: p.normative}


def counted_figures(corpus, shown: set[str], year: int, through: dt.date) -> dict[str, tuple[int, int, int]]:
    """Table 二's 规章 and 行政规范性文件 rows of ``year``: (制发, 废止, 现行有效)."""
    figures = {}
    for row, counts in COUNTED.items():
        found = [r for r in document_years(corpus, shown, min(through, dt.date(year, 12, 31)), counts)
                 if r.year == year]
        figures[row] = (found[0].issued, found[0].ended, found[0].in_force) if found else (0, 0, 0)
    return figures


def document_years(corpus, shown: set[str], through: dt.date, counts) -> list[NormativeYear]:
    """The counts for each year from the first shown document that ``counts`` to ``through``."""
    normative = [p for p in corpus.policies.values() if counts(p) and p.id in shown]
    if not normative:
        return []
    rows, ended_before = [], set()
    for year in range(min(p.published.year for p in normative), through.year + 1):
        end = min(dt.date(year, 12, 31), through)
        statuses = derive_statuses(corpus, end)
        # Counted by the year-end status: an expiry dated 31 December shows in the next year.
        ended = {p.id for p in normative if statuses[p.id].status in _ENDED}
        rows.append(NormativeYear(
            year=year,
            issued=sum(p.published.year == year for p in normative),
            ended=len(ended - ended_before),
            in_force=sum(p.published <= end for p in normative) - len(ended),
        ))
        ended_before = ended
    return rows
