"""The same data gives the same published bytes: the workbooks and the Word form carry no save time."""

import datetime as dt
import io
import time
import zipfile

from openpyxl import load_workbook

from gongkai.pages.spreadsheet import list_workbook
from tests.conftest import paired_site_files, run_gongkai, write_site
from tests.test_statutory import ORGANISATION

FORM = "site/xxgk/yishenqing/zhengfu-xinxi-gongkai-shenqingbiao.docx"


def workbook(reviewed: dt.date | None = dt.date(2026, 10, 15)) -> bytes:
    return list_workbook("行政事业性收费和政府性基金目录清单", "收费清单", ["项目名称", "收费标准"],
                         [["不动产登记费", "每件80元"]], reviewed)


def test_a_workbook_made_twice_is_the_same_bytes_and_dated_by_its_review():
    first, unreviewed = workbook(), workbook(None)
    time.sleep(2.1)  # zip entries keep time to 2 seconds
    assert workbook() == first
    assert workbook(None) == unreviewed
    book = load_workbook(io.BytesIO(first))
    assert book.properties.modified == dt.datetime(2026, 10, 15)
    assert [c.value for c in book.active[2]] == ["不动产登记费", "每件80元"]
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 10, 15, 0, 0, 0)}


def test_the_request_form_built_twice_is_the_same_bytes(tmp_path):
    root = write_site(tmp_path / "portal", paired_site_files() | {"data/organisation.yml": ORGANISATION})
    assert run_gongkai(root, "build")[0] == 0
    first = (root / FORM).read_bytes()
    time.sleep(2.1)
    assert run_gongkai(root, "build")[0] == 0
    assert (root / FORM).read_bytes() == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert "申请人签名或者盖章" in archive.read("word/document.xml").decode("utf-8")
