"""政府公报: one issue a file (data/gongbao/<year>-<number>.yml), its PDF and the documents it carries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .fields import Field, Kind, Schema, optional

F = Field
D = Kind

GAZETTE_ISSUE = Schema("政府公报", (
    F("出版日期", "date", D.DATE),
    optional("总期号", "total_number", D.NUMBER),
    F("PDF", "pdf", D.TEXT, help="本期公报的 PDF 文件，相对于 content/，如 gongbao/2017/6.pdf"),
    F("文件", "documents", D.REFS, help="本期刊登的政策文件：文件编号或文号，按刊登顺序"),
    optional("示例", "sample", D.BOOL, default=False, help="示例内容，页面上标明“示例”"),
))

DEFAULT_NAME = "政府公报"


@dataclass(frozen=True)
class GazetteIssue:
    """One issue of the gazette: year and number, date, PDF, and what it published."""

    year: int
    number: int
    date: dt.date
    pdf: str
    documents: tuple[str, ...]
    path: str
    total_number: int | None = None
    sample: bool = False
    pdf_size: int = 0
    lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, key: str) -> int:
        return dict(self.lines).get(key, 1)

    @property
    def label(self) -> str:
        """2017年第6期（总第186期）."""
        total = f"（总第{self.total_number}期）" if self.total_number else ""
        return f"{self.year}年第{self.number}期{total}"

    @property
    def url(self) -> str:
        return f"xxgk/gongbao/{self.year}/{self.number}/"
