"""One set of resolution rules for clauses, in `gongkai check` and in `import --infer-relations`.

The two cases that went wrong: a clause naming the 1950 工会法 matched a court interpretation
whose title quotes 《中华人民共和国工会法》, and a 2016 text was told to repeal its own 2023
successor (which the lifecycle rules then rejected).
"""

from __future__ import annotations

import json

from gongkai.check import run_checks
from gongkai.check.clauses import check_clauses
from gongkai.config import PortalConfig
from tests.conftest import run_gongkai
from tests.lifecycle_helpers import D, corpus_of, policy

UNION_CLAUSE = "本法自公布之日起施行。1950年6月29日中央人民政府颁布的《中华人民共和国工会法》同时废止。"
COURT_TITLE = "最高人民法院关于在民事审判工作中适用《中华人民共和国工会法》若干问题的解释"


def clause_problems(*policies) -> list[str]:
    return [str(p) for p in check_clauses(corpus_of(*policies), PortalConfig())]


def union_law_1992(**relations):
    return policy("policies/fagui/gonghuifa-1992", "主席令第57号", title="中华人民共和国工会法",
                  written=D(1992, 4, 3), body=UNION_CLAUSE, **relations)


def test_the_1950_union_law_is_not_a_court_interpretation_that_quotes_its_title():
    court = policy("policies/fagui/gonghuifa-jieshi", "法释〔2003〕11号", title=COURT_TITLE, written=D(1992, 1, 1))
    assert clause_problems(union_law_1992(), court) == []


def test_the_1950_union_law_resolves_only_to_a_text_of_that_date():
    older_text = policy("policies/fagui/gonghuifa-1950", None, title="中华人民共和国工会法", written=D(1950, 6, 29))
    found = clause_problems(union_law_1992(), older_text)
    assert len(found) == 1 and "请在前置信息中加上“废止: [policies/fagui/gonghuifa-1950]”" in found[0]
    other_date = policy("policies/fagui/gonghuifa-1950", None, title="中华人民共和国工会法", written=D(1951, 1, 1))
    assert clause_problems(union_law_1992(), other_date) == []


SELF_CLAUSE = "本法自2016年1月1日起施行。《某某省旅游条例》同时废止。"


def versions_2016_2023(**relations_2016):
    v2016 = policy("policies/fagui/lvyou-2016", None, title="某某省旅游条例", written=D(2016, 1, 1),
                   body=SELF_CLAUSE, **relations_2016)
    v2023 = policy("policies/fagui/lvyou-2023", None, title="某某省旅游条例", written=D(2023, 3, 1),
                   body=SELF_CLAUSE.replace("2016", "2023"), replaces=("policies/fagui/lvyou-2016",))
    return v2016, v2023


def test_a_text_is_never_told_to_repeal_its_own_successor():
    assert clause_problems(*versions_2016_2023()) == []


def test_the_relation_the_old_check_suggested_is_one_the_lifecycle_rules_reject():
    v2016, v2023 = versions_2016_2023(repeals=("policies/fagui/lvyou-2023",))
    codes = {p.code for p in run_checks(corpus_of(v2016, v2023), PortalConfig())}
    assert {"relation-cycle", "relation-to-newer"} <= codes


def test_a_publishing_notice_stands_for_the_document_it_publishes():
    notice = policy("policies/2019/old", None, title="通辽市民政局关于印发《城乡低保审核办法》的通知",
                    written=D(2019, 1, 1))
    quoting = policy("policies/2019/other", None, title="关于贯彻《城乡低保审核办法》的意见", written=D(2019, 2, 1))
    citing = policy("policies/2024/new", None, title="新办法", written=D(2024, 1, 1),
                    body="《城乡低保审核办法》同时废止。")
    found = clause_problems(notice, quoting, citing)
    assert len(found) == 1 and "（content/policies/2019/old.md）" in found[0]


def test_a_doc_number_in_the_clause_must_agree():
    target = policy("policies/2019/old", "通民发〔2019〕2号", title="旧办法", written=D(2019, 1, 1))
    citing = policy("policies/2024/new", None, title="新办法", written=D(2024, 1, 1),
                    body="《旧办法》（通民发〔2019〕3号）同时废止。")
    assert clause_problems(target, citing) == []


def test_several_versions_resolve_to_the_one_in_force():
    v1 = policy("policies/a/v1", None, title="甲条例", written=D(2001, 1, 1))
    v2 = policy("policies/a/v2", None, title="甲条例", written=D(2010, 1, 1), replaces=("policies/a/v1",))
    citing = policy("policies/b/new", None, title="乙条例", written=D(2020, 1, 1), body="《甲条例》同时废止。")
    found = clause_problems(v1, v2, citing)
    assert len(found) == 1 and "“废止: [policies/a/v2]”" in found[0]


def law(id_, title, date, body="第一条 为了……。"):
    return {"id": id_, "title": title, "issuer": "某某省人民代表大会常务委员会", "doc_number": None,
            "date_issued": date, "date_effective": date, "status": "有效", "category": "地方性法规/某某",
            "body_markdown": body}


def test_import_infers_only_what_resolves_and_lists_the_rest(make_site, tmp_path):
    site = make_site({})
    lines = [
        law("a2016", "某某省旅游条例", "2016-01-01", SELF_CLAUSE),
        law("a2023", "某某省旅游条例", "2023-03-01", SELF_CLAUSE.replace("2016", "2023")),
        law("u1992", "中华人民共和国工会法", "1992-04-03", UNION_CLAUSE),
        law("c2003", COURT_TITLE, "2003-06-25"),
        law("old", "某某省物业管理办法", "2005-01-01"),
        law("new", "某某省物业管理条例", "2020-05-01",
            "第九十条 本条例自2020年10月1日起施行。《某某省物业管理办法》同时废止。"),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), encoding="utf-8")
    code, _, err = run_gongkai(site, "import", str(source), "--infer-relations")
    assert code == 0
    assert "由正文推断关系 1 条" in err
    new = (site / "content/policies/fagui/new.md").read_text(encoding="utf-8")
    assert "废止:\n# 依据正文：《某某省物业管理办法》同时废止。\n- policies/fagui/old\n" in new
    for name in ("a2016", "u1992"):
        text = (site / f"content/policies/fagui/{name}.md").read_text(encoding="utf-8")
        assert "废止" not in text.split("\n---\n", 1)[0]
    report = (site / "导入报告.md").read_text(encoding="utf-8")
    assert ("- content/policies/fagui/u1992.md:13：《中华人民共和国工会法》，门户中没有这个标题的文件。"
            "原文：1950年6月29日中央人民政府颁布的《中华人民共和国工会法》同时废止。") in report
    assert ("- content/policies/fagui/a2016.md:13：《某某省旅游条例》，门户中的这个文件晚于本文件，"
            "只有较新的文件才能修改或废止较旧的文件（可能是：content/policies/fagui/a2023.md）。") in report
    assert run_gongkai(site, "check") == (0, "", "检查通过：没有发现问题。\n")
