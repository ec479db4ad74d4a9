"""Fee list and catalog: grouped tables, linked 文号, and CSV/JSON that Excel and scripts read."""

import csv
import io
import json
import re

import pytest
import yaml
from openpyxl import load_workbook

from tests.conftest import paired_site_files, run_gongkai
from tests.pages_site import FEES, build_pages_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_pages_site(tmp_path_factory.mktemp("datalists") / "portal")


def test_fee_list_groups_by_collector_and_links_shown_numbers_only(site):
    html = (site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert html.index("<h2>通辽市自然资源局</h2>") < html.index("<h2>通辽市财政局</h2>")
    assert "<caption>通辽市自然资源局收费项目（1 项）</caption>" in html
    assert ('《实施方案》（<a href="../../policies/2017/seed/" title="关于印发测试方案的通知">'
            "通政办字〔2017〕157号</a>）") in html
    assert "《通知》（发改价格规〔2016〕2559号）" in html  # not in the portal: plain text
    # A draft's number stays plain; a shown one next to it is linked.
    assert ('通财发〔2019〕8号；<a href="../../policies/2019/exempt/" '
            'title="通辽市财政局关于调整办公时间的通知">通财发〔2019〕7号</a>') in html
    assert '<a href="shoufei.csv" download="">' in html and '<a href="shoufei.json" download="">' in html


def test_fee_csv_opens_in_excel_with_chinese_intact(site):
    raw = (site / "qingdan/shoufei/shoufei.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["执收单位", "项目名称", "类别", "收费标准", "收费依据", "资金管理方式", "备注"]
    assert rows[1][1] == "不动产登记费（住宅类）"
    assert rows[1][6] == "按件收取，含“引号”与逗号,"
    assert rows[2][6] == ""


def test_fee_json_keeps_the_yaml_field_names(site):
    data = json.loads((site / "qingdan/shoufei/shoufei.json").read_text(encoding="utf-8"))
    assert data["名称"] == "行政事业性收费和政府性基金目录清单"
    # The list gives no 审核日期: the data says so rather than passing the build date off as one.
    assert data["审核日期"] is None and data["条目数"] == 2
    assert data["条目"][1]["类别"] == "政府性基金" and data["条目"][1]["备注"] is None


def test_fee_xlsx_has_the_yaml_rows_and_imports_back_the_same(site, make_site, tmp_path):
    html = (site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert '<a href="shoufei.xlsx" download="">Excel 表格</a>' in html
    workbook = site / "qingdan/shoufei/shoufei.xlsx"
    rows = list(load_workbook(workbook).active.iter_rows(values_only=True))
    assert rows[0] == ("执收单位", "项目名称", "类别", "收费标准", "收费依据", "资金管理方式", "备注")
    assert rows[1][1] == "不动产登记费（住宅类）" and rows[1][6] == "按件收取，含“引号”与逗号,"
    assert len(rows) == 3
    # The download is the form to fill: imported again, it gives the same list.
    portal = make_site({})
    assert run_gongkai(portal, "import", "fees", str(workbook))[0] == 0
    again = yaml.safe_load((portal / "data/fees.yml").read_text(encoding="utf-8"))["条目"]
    assert [tuple(e.get(k) for k in rows[0]) for e in again] == [
        tuple(cell or None for cell in row) for row in rows[1:]]


def test_catalog_xlsx(site):
    assert '<a href="mulu.xlsx" download="">' in (site / "qingdan/mulu/index.html").read_text(encoding="utf-8")
    rows = list(load_workbook(site / "qingdan/mulu/mulu.xlsx").active.iter_rows(values_only=True))
    assert rows[0][0] == "公开主体" and rows[1][5] == "政府网站、政府公报"


def test_catalog_page_csv_and_json(site):
    html = (site / "qingdan/mulu/index.html").read_text(encoding="utf-8")
    assert "<h2>通辽市财政局</h2>" in html and '<td data-label="公开方式">政府网站、政府公报</td>' in html
    assert '<a href="../../policies/2017/seed/"' in html
    rows = list(csv.DictReader(io.StringIO((site / "qingdan/mulu/mulu.csv").read_bytes().decode("utf-8-sig"))))
    assert rows[0]["公开方式"] == "政府网站、政府公报" and rows[0]["五公开类别"] == "决策"
    data = json.loads((site / "qingdan/mulu/mulu.json").read_bytes())
    assert data["条目"][0]["公开方式"] == ["政府网站", "政府公报"]


def test_tables_scroll_inside_focusable_named_regions(site):
    html = (site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert ('<div class="gk-table-scroll" role="region" tabindex="0" '
            'aria-label="通辽市自然资源局收费项目（1 项）"><table class="gk-table">') in html


def test_each_cell_is_labelled_with_its_column_header_for_the_phone_layout(site):
    html = (site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="gk-table">.*?</table>', html, re.S).group(0)
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert headers == ["项目名称", "类别", "收费标准", "收费依据", "资金管理方式", "备注"]
    for row in re.findall(r"<tr><td.*?</tr>", table, re.S):
        assert re.findall(r'<td data-label="([^"]*)"', row) == headers


def test_sample_data_pages_are_marked_as_samples(site, make_site):
    banner = '<p class="gk-sample" role="note"><strong>示例</strong>'
    assert banner not in (site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    root = make_site(paired_site_files() | {"data/fees.yml": FEES}, plugin={"sample_data": True})
    assert run_gongkai(root, "build")[0] == 0
    for page in ("qingdan/shoufei/index.html", "qingdan/mulu/index.html"):
        assert banner in (root / "site" / page).read_text(encoding="utf-8")


def _downloads(site, stem):
    rows = list(csv.reader(io.StringIO((site / f"{stem}.csv").read_bytes().decode("utf-8-sig"), newline="")))
    sheet = load_workbook(site / f"{stem}.xlsx").active
    data = json.loads((site / f"{stem}.json").read_bytes())
    return rows, [[c.value for c in row] for row in sheet.iter_rows()], data


def test_every_download_of_sample_data_says_so_in_its_content(site, make_site):
    rows, sheet, data = _downloads(site, "qingdan/shoufei/shoufei")
    assert rows[0][0] == sheet[0][0] == "执收单位" and data["示例"] is False
    root = make_site(paired_site_files() | {"data/fees.yml": FEES}, plugin={"sample_data": True})
    assert run_gongkai(root, "build")[0] == 0
    html = (root / "site/qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert "下载（示例数据，文件中标有“示例”）：" in html
    rows, sheet, data = _downloads(root / "site", "qingdan/shoufei/shoufei")
    assert rows[0][:2] == sheet[0][:2] == ["示例", "执收单位"]
    assert [r[0] for r in rows[1:]] == [r[0] for r in sheet[1:]] == ["是"] * len(data["条目"]) != []
    assert data["示例"] is True
    rows, sheet, data = _downloads(root / "site", "qingdan/mulu/mulu")
    assert rows[0][0] == sheet[0][0] == "示例" and data["示例"] is True


def test_a_list_shows_the_date_it_was_reviewed_not_the_build_date(make_site):
    reviewed = "# 清单\n审核日期: 2026-10-15\n条目:\n" + FEES
    root = make_site(paired_site_files() | {"data/fees.yml": reviewed})
    assert run_gongkai(root, "build")[0] == 0
    html = (root / "site/qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert "项，2026年10月15日审核更新。下载：" in html and "2026-11-29" not in html
    data = json.loads((root / "site/qingdan/shoufei/shoufei.json").read_text(encoding="utf-8"))
    assert data["审核日期"] == "2026-10-15"


def test_a_bad_review_date_is_reported_on_its_line(make_site):
    root = make_site(paired_site_files() | {"data/fees.yml": "审核日期: 2026-10-32\n条目:\n" + FEES})
    code, out, _ = run_gongkai(root, "check")
    assert code == 1
    assert ("data/fees.yml:1: bad-date 字段“审核日期”的值“2026-10-32”不是真实的日期（2026年10月没有32日）。请核对原件后改正。"
            in out.splitlines())
