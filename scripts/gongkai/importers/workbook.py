"""Excel workbooks (.xlsx) → the fee list and the catalog in data/, naming every cell it cannot read.

The first sheet whose header row names the list's columns is read. A header may sit below a title
row; cells merged down a column (a department over many rows) count for every row they cover.
Rows with a bad cell are left out and named: sheet, row, column and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.data_lists import CATALOG_ENTRY, FEE_ITEM
from ..model.fields import Field, Kind, Schema
from ..read.values import FieldReader
from ..read.yaml_lines import Lines
from .yaml_style import data_list

LISTS = {"fees": (FEE_ITEM, "fees.yml"), "catalog": (CATALOG_ENTRY, "catalog.yml")}

# Column headings offices use for the same field.
ALIASES = {
    "收费单位": "执收单位", "执收部门": "执收单位", "收费项目": "项目名称", "收费项目名称": "项目名称",
    "项目类别": "类别", "收费类别": "类别", "标准": "收费标准", "政策依据": "收费依据",
    "资金管理": "资金管理方式", "说明": "备注", "公开部门": "公开主体", "公开渠道": "公开方式",
}
_LIST_SEPARATORS = re.compile(r"[、，,；;/\n]+")
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class BadCell:
    """A cell that could not be read: where, and why."""

    sheet: str
    row: int
    column: str
    heading: str
    reason: str

    def line(self, path: str) -> str:
        """The problem as one `path:line: code message` line (the line is the sheet row)."""
        return (f"{path}:{self.row}: bad-cell 工作表“{self.sheet}”第 {self.row} 行 {self.column} 列"
                f"（{self.heading}）：{self.reason}")


@dataclass
class SheetResult:
    """The entries read from a workbook and the cells that could not be read."""

    entries: list[dict] = field(default_factory=list)
    bad: list[BadCell] = field(default_factory=list)
    sheet: str = ""
    rows: list[int] = field(default_factory=list)


class WorkbookError(ValueError):
    """The workbook cannot be used at all: the message says why and what to do."""


def read_workbook(path: Path, schema: Schema) -> SheetResult:
    """Read the list's rows from the first sheet that has its header row."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as exc:
        raise WorkbookError(f"无法打开 {path}：不是 .xlsx 格式的 Excel 文件（{exc}）。"
                            "请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后重试。") from exc
    for sheet in book.worksheets:
        header = _header(sheet, schema)
        if header:
            return _rows(sheet, header, schema)
    required = "、".join(f.key for f in schema.fields if f.required)
    raise WorkbookError(f"{path} 中没有找到{schema.name}的表头。请在第一行（或标题行下面一行）写上列名：{required}。")


def _heading(value) -> str:
    text = _MARKS.sub("", re.sub(r"\s+", "", str(value or "")))
    return ALIASES.get(text, text)


# "项目名称（必填）", "类别*", "备注：" are headings too.
_MARKS = re.compile(r"(?:[（(](?:必填|选填|可选)[）)]|[*：:])+$")


def _header(sheet, schema: Schema) -> tuple[int, dict[int, Field]] | None:
    """(row number, {column index: field}) of the header row, or None."""
    required = {f.key for f in schema.fields if f.required}
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS):
        columns = {cell.column: schema.field(_heading(cell.value)) for cell in row}
        columns = {col: f for col, f in columns.items() if f}
        if required <= {f.key for f in columns.values()}:
            return row[0].row, columns
    return None


def _merged_values(sheet) -> dict[tuple[int, int], object]:
    """The value of each cell covered by a merged range, as its top-left cell shows it."""
    values = {}
    for merged in sheet.merged_cells.ranges:
        top = sheet.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                values[(row, col)] = top
    return values


def _rows(sheet, header: tuple[int, dict[int, Field]], schema: Schema) -> SheetResult:
    from openpyxl.utils import get_column_letter

    header_row, columns = header
    merged = _merged_values(sheet)
    result = SheetResult(sheet=sheet.title)
    for row in sheet.iter_rows(min_row=header_row + 1):
        number = row[0].row
        cells = {c.column: merged.get((number, c.column), c.value) for c in row if c.column in columns}
        if all(_blank(v) for v in cells.values()):
            continue
        entry, bad = {}, []
        for col, f in columns.items():
            value, reason = _cell_value(f, cells.get(col), schema)
            if reason:
                bad.append(BadCell(sheet.title, number, get_column_letter(col), f.key, reason))
            elif value is not None:
                entry[f.key] = value
        if bad:
            result.bad += bad
        else:
            result.entries.append({f.key: entry[f.key] for f in schema.fields if f.key in entry})
            result.rows.append(number)
    return result


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_value(f: Field, value, schema: Schema) -> tuple[object, str]:
    """The field value of one cell, or the reason it cannot be read."""
    if _blank(value):
        return None, ("必填，不能为空。请填写后重新导入。" if f.required else "")
    if isinstance(value, dt.datetime | dt.date):
        return None, f"是日期“{value:%Y-%m-%d}”，应为文字。请把单元格格式设为“文本”后重新填写。"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("#") and text.endswith(("!", "?", "A")):
        return None, f"是 Excel 的错误值“{text}”（公式算不出结果）。请改为实际内容。"
    raw: object = [t.strip() for t in _LIST_SEPARATORS.split(text) if t.strip()] \
        if f.kind is Kind.TEXTS else text
    reader = FieldReader(schema, "", Lines(0))
    converted = reader.convert(f, raw)
    if reader.problems:
        # The reader's messages speak of a 字段 in a file; the editor is looking at a cell.
        return None, reader.problems[0].message.replace(f"字段“{f.key}”的值", "值")
    return converted if not isinstance(converted, tuple) else list(converted), ""


def import_list(kind: str, workbook: Path, data_path: Path, reviewed: dt.date) -> tuple[SheetResult, Path]:
    """Replace data/<list>.yml with the workbook's good rows, reviewed on ``reviewed`` (top comments kept)."""
    schema, name = LISTS[kind]
    result = read_workbook(workbook, schema)
    target = data_path / name
    preamble = ""
    if target.is_file():
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        head = []
        for line in lines:
            if not line.startswith("#"):
                break
            head.append(line)
        preamble = "".join(head)
    target.parent.mkdir(parents=True, exist_ok=True)
    body = f"审核日期: {reviewed.isoformat()}\n条目:\n" + (data_list(result.entries) or "[]\n")
    target.write_text(preamble + ("\n" if preamble else "") + body, encoding="utf-8")
    return result, target
