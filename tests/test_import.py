"""`gongkai import`: every record accounted for, 文号 kept, editor-style YAML that reads back the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from gongkai.config import load_config
from gongkai.importers.jsonl import Options, convert, read_records
from gongkai.importers.relations import infer_relations
from gongkai.importers.yaml_style import markdown
from gongkai.model.documents import POLICY, Policy
from gongkai.read.documents import read_document
from tests.conftest import SHARED, run_gongkai

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"


def record(id_, title, date, status="有效", **extra):
    return {"id": id_, "title": title, "issuer": "全国人民代表大会常务委员会", "doc_number": None,
            "date_issued": date, "date_effective": date, "status": status, "category": "法律/行政法",
            "body_markdown": "第一条 为了规范……，制定本法。"} | extra


def records_of(*items):
    return read_records("\n".join(json.dumps(r, ensure_ascii=False) for r in items))[0]


def files_of(*items) -> dict[str, str]:
    result = convert(records_of(*items))
    return {rel: markdown(d.meta, d.body, d.comments) for rel, d in result.documents.items()}


def write_jsonl(path, *items):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in items) + "\n", encoding="utf-8")
    return str(path)


def test_versions_of_one_title_chain_by_date():
    files = files_of(record("b2", "某某法", "2020-01-01", "有效"), record("a1", "某某法", "2010-01-01", "已修改"))
    assert "替代:\n- policies/fagui/a1\n" in files["policies/fagui/b2.md"]
    assert "替代" not in files["policies/fagui/a1.md"]


def test_repealed_latest_version_gets_an_external_declaration():
    text = files_of(record("c3", "某某条例", "2001-05-01", "已废止"))["policies/fagui/c3.md"]
    assert "外部变更:\n  状态: 已废止\n  日期: 2025-04-19\n" in text


def test_record_without_issue_date_takes_its_effective_date_and_says_so():
    result = convert(records_of(record("d4", "无日期条例", None, date_effective="2002-07-01")))
    meta = result.documents["policies/fagui/d4.md"].meta
    assert (meta["成文日期"], meta["发布日期"], meta["施行日期"]) == (dt.date(2002, 7, 1),) * 3
    assert meta["待核对"].startswith("原数据没有成文日期，成文日期、发布日期暂取施行日期 2002-07-01。")
    assert "草稿" not in meta
    assert result.to_verify == [("policies/fagui/d4.md", meta["待核对"])]


def test_record_without_any_date_becomes_a_draft_outside_the_version_chain():
    result = convert(records_of(record("e5", "某某法", "2010-01-01"),
                                record("e6", "某某法", None, date_effective=None)))
    undated = result.documents["policies/fagui/e6.md"].meta
    assert undated["草稿"] is True and "替代" not in undated
    assert "替代" not in result.documents["policies/fagui/e5.md"].meta
    assert "原数据没有任何日期" in undated["待核对"]


def test_every_doc_number_is_kept_and_shared_ones_are_named():
    result = convert(records_of(record("f1", "甲", "2000-01-01", doc_number="国务院令第1号"),
                                record("f2", "甲", "2001-01-01", doc_number="国务院令第1号"),
                                record("f3", "丙", "2002-01-01", doc_number="国务院令[2002]7号")))
    numbers = {rel: d.meta.get("文号") for rel, d in result.documents.items()}
    assert numbers == {"policies/fagui/f1.md": "国务院令第1号", "policies/fagui/f2.md": "国务院令第1号",
                       "policies/fagui/f3.md": "国务院令〔2002〕7号"}
    assert result.shared_numbers == [("国务院令第1号", ["policies/fagui/f1.md", "policies/fagui/f2.md"])]


def test_records_that_cannot_become_files_are_listed_with_their_line():
    result = convert(records_of(record("g1", "甲法", "2000-01-01"), {"title": "无编号"},
                                record("g1", "乙法", "2001-01-01"), record("g2", "", "2001-01-01"),
                                record("../x", "丁法", "2001-01-01")))
    assert list(result.documents) == ["policies/fagui/g1.md"]
    assert [(s.line, s.reason) for s in result.skipped] == [
        (2, "记录没有 id，无法确定文件名。"),
        (3, "id“g1”与第 1 行的记录重复。"),
        (4, "记录没有标题（title）。"),
        (5, "id“../x”含有不能用作文件名的字符（只能用英文字母、数字、连字符）。"),
    ]


def test_bad_json_line_is_named():
    records, errors = read_records('{"id": "a", "title": "甲"}\n{broken\n[1]\n')
    assert [r.line for r in records] == [1]
    assert errors == ["第 2 行不是合法的 JSON：Expecting property name enclosed in double quotes（第 2 列）。",
                      "第 3 行不是一条记录（应为 {…} 形式的 JSON 对象）。"]


def test_import_with_a_bad_line_writes_nothing(make_site, tmp_path):
    site = make_site({})
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record("h8", "甲法", "2000-01-01"), ensure_ascii=False) + "\n{oops\n",
                      encoding="utf-8")
    code, out, err = run_gongkai(site, "import", str(source))
    assert code == 1
    assert "没有导入任何文件" in err
    assert not (site / "content" / "policies").exists()
    assert not (site / "导入报告.md").exists()


def test_front_matter_is_written_as_an_editor_would():
    text = files_of(record("k1", "某某法", "2020-01-01", doc_number="主席令第12号",
                           issuer="yes", title_note=None), record("k0", "某某法", "2010-01-01"))["policies/fagui/k1.md"]
    head = text.split("---\n")[1]
    assert "&id" not in head and "*id" not in head
    assert "{" not in head and "[" not in head
    assert "成文日期: 2020-01-01\n发布日期: 2020-01-01\n" in head
    assert "主题分类:\n- 其他\n" in head
    # Quoted only where YAML needs it: a value that would read as true/false.
    assert "发文机关: 'yes'\n" in head
    assert "标题: 某某法\n" in head and "文号: 主席令第12号\n" in head


def reader_values(policy: Policy, keys) -> dict:
    """The front matter an editor wrote, as the portal's reader understood it."""
    values = {}
    for key in keys:
        value = getattr(policy, POLICY.field(key).attr)
        if isinstance(value, tuple):
            value = list(value)
        if key == "外部变更":
            names = {"status": "状态", "date": "日期", "authority": "机关", "basis": "依据", "note": "说明"}
            value = {names[k]: v for k, v in dataclasses.asdict(value).items() if v is not None}
        values[key] = value
    return values


def assert_round_trip(site, result) -> None:
    config = load_config(site / "mkdocs.yml")
    for rel, draft in result.documents.items():
        doc, problems = read_document(config.content_path / rel, config)
        assert [p for p in problems if p.is_error] == [], rel
        assert reader_values(doc, draft.meta) == draft.meta, rel


def test_written_files_read_back_the_same_values(make_site, tmp_path):
    site = make_site({})
    items = [record("m1", "某某法", "2010-01-01", "已修改", doc_number="主席令（2010）3号"),
             record("m2", "某某法", "2020-01-01", "已废止", issuer=None, date_effective="2021-01-01"),
             record("m3", "无日期条例", None, date_effective="2002-07-01")]
    assert run_gongkai(site, "import", write_jsonl(tmp_path / "in.jsonl", *items))[0] == 0
    assert_round_trip(site, convert(records_of(*items)))


def test_imported_records_pass_check_and_the_report_accounts_for_each(make_site, tmp_path):
    site = make_site({})
    source = write_jsonl(tmp_path / "in.jsonl", record("i9", "甲法", "2000-01-01", "已修改"),
                         record("j0", "甲法", "2010-01-01"), {"id": "zz"})
    code, out, err = run_gongkai(site, "import", source, "--report", "报告/导入.md")
    assert code == 0
    assert out == f"{source}:3: 未导入 zz：记录没有标题（title）。\n"
    assert err == "已导入 2 个文件到 content/policies/fagui/，未导入 1 条。详见 报告/导入.md。\n"
    report = (site / "报告/导入.md").read_text(encoding="utf-8")
    assert "- 已导入：2 个文件（其中 0 个作为草稿）\n- 未导入：1 条\n" in report
    assert "- 第 3 行 zz《（无标题）》：记录没有标题（title）。\n" in report
    assert "- 第 1 行 → content/policies/fagui/i9.md\n- 第 2 行 → content/policies/fagui/j0.md\n" in report
    assert run_gongkai(site, "check") == (0, "", "检查通过：没有发现问题。\n")


def test_versions_sharing_a_doc_number_are_a_warning_naming_both(make_site, tmp_path):
    site = make_site({})
    source = write_jsonl(tmp_path / "in.jsonl", record("n1", "甲条例", "2000-01-01", doc_number="国务院令第9号"),
                         record("n2", "甲条例", "2010-01-01", doc_number="国务院令第9号"))
    code, out, _ = run_gongkai(site, "import", source)
    assert code == 0
    assert out == ("警告：文号“国务院令第9号”同时属于 content/policies/fagui/n1.md、content/policies/fagui/n2.md"
                   "（同一文件的不同版本沿用原文号时属正常）。\n")
    code, out, _ = run_gongkai(site, "check")
    assert code == 0
    assert out.splitlines() == [
        "content/policies/fagui/n1.md:3: duplicate-doc-number 警告：文号“国务院令第9号”与 "
        "content/policies/fagui/n2.md 相同：它们是同一文件的不同版本，沿用了原文号。引用其中一个版本时请写文件编号，不要写文号。",
        "content/policies/fagui/n2.md:3: duplicate-doc-number 警告：文号“国务院令第9号”与 "
        "content/policies/fagui/n1.md 相同：它们是同一文件的不同版本，沿用了原文号。引用其中一个版本时请写文件编号，不要写文号。",
    ]


def test_different_documents_sharing_a_doc_number_stay_an_error(make_site, tmp_path):
    site = make_site({})
    source = write_jsonl(tmp_path / "in.jsonl", record("p1", "甲条例", "2000-01-01", doc_number="国务院令第9号"),
                         record("p2", "乙条例", "2010-01-01", doc_number="国务院令第9号"))
    assert run_gongkai(site, "import", source)[0] == 0
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert "content/policies/fagui/p1.md:3: duplicate-doc-number 文号“国务院令第9号”与 content/policies/fagui/p2.md 重复。" in out


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws-dev.jsonl is absent on this machine")
def test_whole_corpus_imports_with_relations_and_passes_check(make_site):
    records, errors = read_records(CORPUS.read_text(encoding="utf-8"))
    assert (len(records), errors) == (2011, [])
    site = make_site({})
    code, out, err = run_gongkai(site, "import", str(CORPUS), "--infer-relations")
    assert code == 0, err
    report = (site / "导入报告.md").read_text(encoding="utf-8")
    # Every line of the source is named once: imported (→ file) or left out (with a reason).
    accounted = re.findall(r"^- 第 (\d+) 行", report, re.M)
    assert sorted(map(int, accounted)) == list(range(1, 2012))
    inferred = int(re.search(r"由正文推断的关系：(\d+) 条", report).group(1))
    assert inferred >= 15
    texts = [p.read_text(encoding="utf-8") for p in (site / "content/policies").rglob("*.md")]
    assert len(texts) + report.count("：记录") == 2011
    assert not any(re.search(r"^[^#\n]*[&*]id\d", t.split("\n---\n", 1)[0], re.M) for t in texts)
    assert sum("# 依据正文：" in t for t in texts) >= 1
    code, out, err = run_gongkai(site, "check")
    assert "Traceback" not in out + err
    assert code == 0, out
    assert [line for line in out.splitlines() if " 警告：" not in line] == []
    # The files read back as written, relations and comments included.
    expected = convert(records, Options())
    infer_relations(expected.documents, load_config(make_site({}, name="empty") / "mkdocs.yml"))
    assert_round_trip(site, expected)
