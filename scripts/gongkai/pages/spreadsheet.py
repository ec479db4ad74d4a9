"""The fee list and the catalog as Excel workbooks (.xlsx), made from the same data as the pages."""

from __future__ import annotations

import datetime as dt
import io

from .cells import starts_formula
from .zip_stamp import same_bytes_zip

# Column widths in Excel's units (about one Latin character): long text gets room to read.
_WIDE_COLUMNS = {"收费标准": 30, "收费依据": 50, "公开内容": 40, "公开依据": 40, "备注": 30}


def list_workbook(title: str, sheet_name: str, header: list[str], rows: list[list[str]],
                  reviewed: dt.date | None) -> bytes:
    """A one-sheet workbook: a header row (the data file's field names), then one row of text per entry."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name[:31]
    sheet.append(header)
    for row in rows:
        # The reader refuses control characters; a workbook cannot hold them at all.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, key in enumerate(header, 1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = _WIDE_COLUMNS.get(key, 16)
        # Text cells throughout: a 文号 or a fee standard must not be read as a number or a date.
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = "@"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str) and starts_formula(cell.value):
                # Stored as text with Excel's own apostrophe mark (quotePrefix): shown and
                # re-imported as written, never run, even when the cell is edited.
                cell.data_type = "s"
                cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    book.properties.title = title
    # Dated by the list's review; a list never reviewed gets the zip format's first day, not "now".
    when = dt.datetime.combine(reviewed or dt.date(1980, 1, 1), dt.time())
    book.properties.created = when
    out = io.BytesIO()
    book.save(out)
    return same_bytes_zip(out.getvalue(), when)
