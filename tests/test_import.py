"""`gongkai import`: JSON Lines records become policies; versions chain; bad input writes nothing."""

from __future__ import annotations

import json
import re

import pytest

from gongkai.importers.jsonl import Options, convert, read_records
from tests.conftest import SHARED, run_gongkai

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"


def record(id_, title, date, status="有效", **extra):
    return {"id": id_, "title": title, "issuer": "全国人民代表大会常务委员会", "doc_number": None,
            "date_issued": date, "date_effective": date, "status": status, "category": "法律/行政法",
            "body_markdown": "第一条 为了规范……，制定本法。"} | extra


def test_versions_of_one_title_chain_by_date():
    result = convert([record("b2", "某某法", "2020-01-01", "有效"), record("a1", "某某法", "2010-01-01", "已修改")])
    newer = result.files["policies/fagui/b2.md"]
    assert "替代:\n- policies/fagui/a1\n" in newer
    assert "替代" not in result.files["policies/fagui/a1.md"]


def test_repealed_latest_version_gets_an_external_declaration():
    text = convert([record("c3", "某某条例", "2001-05-01", "已废止")]).files["policies/fagui/c3.md"]
    assert "外部变更:\n  状态: 已废止\n  日期: 2025-04-19\n" in text


def test_record_without_date_is_skipped_with_reason():
    result = convert([record("d4", "无日期条例", None)])
    assert result.files == {}
    assert result.skipped == ["d4 《无日期条例》：没有成文日期，未导入。"]


def test_duplicate_doc_numbers_are_left_out_rather_than_clash():
    files = convert([record("e5", "甲", "2000-01-01", doc_number="国务院令第1号"),
                     record("f6", "乙", "2001-01-01", doc_number="国务院令第1号"),
                     record("g7", "丙", "2002-01-01", doc_number="国务院令[2002]7号")]).files
    assert "文号" not in files["policies/fagui/e5.md"] and "文号" not in files["policies/fagui/f6.md"]
    assert "文号: 国务院令〔2002〕7号\n" in files["policies/fagui/g7.md"]


def test_bad_json_line_is_named():
    records, errors = read_records('{"id": "a", "title": "甲"}\n{broken\n')
    assert len(records) == 1
    assert errors == ["第 2 行不是合法的 JSON：Expecting property name enclosed in double quotes（第 2 列）。"]


def test_import_with_a_bad_line_writes_nothing(make_site, tmp_path):
    site = make_site({})
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record("h8", "甲法", "2000-01-01"), ensure_ascii=False) + "\n{oops\n",
                      encoding="utf-8")
    code, out, err = run_gongkai(site, "import", str(source))
    assert code == 1
    assert "没有导入任何文件" in err
    assert not (site / "content" / "policies").exists()


def test_imported_records_pass_check(make_site, tmp_path):
    site = make_site({})
    source = tmp_path / "in.jsonl"
    lines = [record("i9", "甲法", "2000-01-01", "已修改"), record("j0", "甲法", "2010-01-01")]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8")
    assert run_gongkai(site, "import", str(source))[0] == 0
    assert run_gongkai(site, "check") == (0, "", "检查通过：没有发现问题。\n")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus/laws-dev.jsonl is absent on this machine")
def test_whole_corpus_imports_and_passes_check(make_site):
    records, errors = read_records(CORPUS.read_text(encoding="utf-8"))
    assert (len(records), errors) == (2011, [])
    result = convert(records, Options())
    assert len(result.files) + len(result.skipped) == 2011
    site = make_site({})
    code, out, err = run_gongkai(site, "import", str(CORPUS))
    assert code == 0
    code, out, err = run_gongkai(site, "check")
    assert "Traceback" not in out + err
    # The real texts repeal one another in clauses ("《个体工商户条例》同时废止") that the
    # records carry no relation for: the text cross-check must report them, and nothing else.
    lines = out.splitlines()
    assert lines and all(re.match(r"^content/policies/fagui/\w+\.md:\d+: clause-without-relation ", line)
                         for line in lines)
    assert code == 1
