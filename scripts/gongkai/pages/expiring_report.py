"""`gongkai report expiring` output: a table a reader can scan, and CSV for a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata

from ..derive.expiring import Expiring
from .cells import inert_csv_cell

COLUMNS = ("有效期至", "剩余天数", "文号", "标题", "发文机关", "有效性", "文件编号")


def _row(item: Expiring) -> tuple[str, ...]:
    p = item.policy
    return (item.expires.isoformat(), str(item.days_left), p.doc_number or "", p.title, p.issuer,
            item.status.label, p.id)


def expiring_csv(items: list[Expiring]) -> bytes:
    """CSV in UTF-8 with a BOM, so spreadsheet programs on Windows read the Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([inert_csv_cell(cell) for cell in _row(i)] for i in items)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def expiring_table(items: list[Expiring], as_of: dt.date, days: int) -> str:
    """A plain-text table, Chinese characters counted as two columns wide."""
    head = f"有效期将在 {days} 天内（{as_of} 至 {as_of + dt.timedelta(days=days)}）届满的行政规范性文件："
    if not items:
        return head + "没有。\n"
    rows = [COLUMNS[:-1]] + [_row(i)[:-1] for i in items]
    widths = [max(_width(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join([head, *lines, f"共 {len(items)} 件。"]) + "\n"
