"""`gongkai import fees|catalog FILE.xlsx`: good rows become data/*.yml, every bad cell is named."""

from __future__ import annotations

import datetime as dt

import yaml
from openpyxl import Workbook

from gongkai.read.data_lists import read_data_list
from tests.conftest import run_gongkai

FEE_HEADER = ["执收单位", "项目名称", "类别", "收费标准", "收费依据", "资金管理方式", "备注"]


def fee_row(n: int) -> list:
    return ["通辽市自然资源局", f"测试收费项目{n}", "行政事业性收费", f"每件{n}元",
            f"《关于测试收费的通知》（通价发〔2020〕{n}号）", "缴入国库", "" if n % 2 else f"说明{n}"]


def fifty_rows_three_bad(path) -> None:
    """A workbook as an office keeps it: a title row, the header, 50 rows of which 3 are bad."""
    book = Workbook()
    sheet = book.active
    sheet.title = "收费清单"
    sheet.append(["通辽市行政事业性收费和政府性基金目录清单"])
    sheet.append(FEE_HEADER)
    for n in range(1, 51):
        row = fee_row(n)
        if n == 7:
            row[2] = "服务费"  # not a category of the list
        if n == 23:
            row[1] = None  # 项目名称 left empty
        if n == 41:
            row[3] = dt.datetime(2020, 3, 1)  # Excel turned the text into a date
        sheet.append(row)
    book.save(path)


def test_fifty_rows_three_bad_imports_47_and_names_the_3(make_site, tmp_path):
    site = make_site({"data/fees.yml": "# 收费目录清单：由 Excel 导入。\n\n[]\n"})
    workbook = tmp_path / "收费清单.xlsx"
    fifty_rows_three_bad(workbook)
    code, out, err = run_gongkai(site, "import", "fees", str(workbook))
    assert code == 1
    assert out.splitlines() == [
        f"{workbook}:9: bad-cell 工作表“收费清单”第 9 行 C 列（类别）：值“服务费”不在可选范围内。"
        "可选：行政事业性收费、政府性基金。",
        f"{workbook}:25: bad-cell 工作表“收费清单”第 25 行 B 列（项目名称）：必填，不能为空。请填写后重新导入。",
        f"{workbook}:43: bad-cell 工作表“收费清单”第 43 行 D 列（收费标准）：是日期“2020-03-01”，应为文字。"
        "请把单元格格式设为“文本”后重新填写。",
    ]
    assert err == ("已从工作表“收费清单”导入 47 项到 data/fees.yml；3 行未导入（见上面每一行），"
                   "改正后重新导入即可。\n")
    text = (site / "data/fees.yml").read_text(encoding="utf-8")
    assert text.startswith("# 收费目录清单：由 Excel 导入。\n\n审核日期: 2026-11-29\n条目:\n"
                           "- 执收单位: 通辽市自然资源局\n  项目名称: 测试收费项目1\n")
    entries, problems = read_data_list(site / "data/fees.yml", "data/fees.yml")
    assert problems == []
    assert [e.name for e in entries] == [f"测试收费项目{n}" for n in range(1, 51) if n not in (7, 23, 41)]
    assert entries[1].note == "说明2" and entries[0].note is None
    assert "{" not in text and "&" not in text
    assert run_gongkai(site, "check")[0] == 0


def test_merged_department_cells_and_heading_variants(make_site, tmp_path):
    site = make_site({})
    book = Workbook()
    sheet = book.active
    sheet.append(["收费单位", "收费项目（必填）", "类别*", "收费标准", "收费依据", "资金管理方式"])
    sheet.append(["通辽市公安局", "证件工本费", "行政事业性收费", 10, "通价发〔2020〕1号", "缴入国库"])
    sheet.append([None, "车辆号牌工本费", "行政事业性收费", 100.0, "通价发〔2020〕2号", "缴入国库"])
    sheet.merge_cells("A2:A3")
    book.save(tmp_path / "fees.xlsx")
    assert run_gongkai(site, "import", "fees", str(tmp_path / "fees.xlsx"))[0] == 0
    data = yaml.safe_load((site / "data/fees.yml").read_text(encoding="utf-8"))["条目"]
    assert [(e["执收单位"], e["收费标准"]) for e in data] == [("通辽市公安局", "10"), ("通辽市公安局", "100")]


def test_catalog_from_excel_splits_the_channels(make_site, tmp_path):
    site = make_site({})
    book = Workbook()
    book.active.append(["公开主体", "公开事项", "公开内容", "公开依据", "公开时限", "公开方式", "公开对象", "五公开类别"])
    book.active.append(["通辽市财政局", "财政预算", "市级预算", "《预算法》", "批准后20日内", "政府网站、政务公开栏",
                        "全社会", "结果"])
    book.save(tmp_path / "mulu.xlsx")
    code, _, err = run_gongkai(site, "import", "catalog", str(tmp_path / "mulu.xlsx"))
    assert code == 0, err
    text = (site / "data/catalog.yml").read_text(encoding="utf-8")
    assert "  公开方式:\n  - 政府网站\n  - 政务公开栏\n" in text
    assert run_gongkai(site, "check")[0] == 0


def test_a_workbook_without_the_header_changes_nothing(make_site, tmp_path):
    site = make_site({"data/fees.yml": "[]\n"})
    book = Workbook()
    book.active.append(["名称", "金额"])
    book.save(tmp_path / "other.xlsx")
    code, out, err = run_gongkai(site, "import", "fees", str(tmp_path / "other.xlsx"))
    assert code == 1
    assert "中没有找到收费目录清单项目的表头。请在第一行（或标题行下面一行）写上列名：" in err
    assert (site / "data/fees.yml").read_text(encoding="utf-8") == "[]\n"
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    code, _, err = run_gongkai(site, "import", "fees", str(tmp_path / "broken.xlsx"))
    assert code == 1 and "不是 .xlsx 格式的 Excel 文件" in err and "Traceback" not in err
