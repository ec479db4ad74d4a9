"""Repeal and amendment clauses of the text need their relation in the front matter.

The sentences come from real documents of ../shared/corpus/laws-dev.jsonl, read from there.
"""

from __future__ import annotations

import json
import re

import pytest

from gongkai.check.clauses import check_clauses, find_clauses
from gongkai.config import PortalConfig
from tests.conftest import SHARED, run_gongkai
from tests.lifecycle_helpers import D, corpus_of, policy

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"
BODY_LINE = 12  # the body's first line in the citing file


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    if not CORPUS.is_file():
        pytest.skip(f"the corpus {CORPUS} is absent: these tests read real sentences from it")
    with CORPUS.open(encoding="utf-8") as lines:
        return {record["id"]: record for record in map(json.loads, lines)}


def real_sentence(records, record_id: str, words: str) -> str:
    """The sentence of a corpus record that holds ``words`` (the clause form under test)."""
    body = records[record_id]["body_markdown"]
    found = [s for s in re.findall(r"[^。\n]+。?", body) if words in s]
    assert found, f"{record_id} no longer holds “{words}”"
    return found[0].strip()


def citing(body_sentence: str, **relations):
    """A 2024 policy whose body has the sentence on its third line."""
    return policy("policies/2024/new", "通政规〔2024〕1号", title="关于印发新规定的通知",
                  written=D(2024, 1, 1), body=f"## 正文\n\n{body_sentence}\n", body_line=BODY_LINE,
                  **relations)


def problems(sentence: str, target, rule: str = "error", **relations) -> list[str]:
    corpus = corpus_of(target, citing(sentence, **relations))
    return [str(p) for p in check_clauses(corpus, PortalConfig(clause_rule=rule))]


def expected(sentence: str, kind: str, cited: str, ref: str, marked: str, prefix: str = "") -> str:
    quote = sentence if len(sentence) <= 80 else "……" + sentence[-80:]
    return (
        f"content/policies/2024/new.md:14: clause-without-relation {prefix}正文写明“{quote}”，"
        f"但前置信息的“{kind}”字段没有列出{cited}（content/policies/2000/old.md）。请在前置信息中加上"
        f"“{kind}: [{ref}]”，该文件页面才会标明{marked}；如果正文所引的不是这个文件，请核对标题或文号。"
    )


CASES = [
    # (record id, clause form, cited title, cited 文号, relation field)
    ("74d9be0ec0625eff", "同时废止", "最高人民法院关于审理抢夺刑事案件具体应用法律若干问题的解释", "法释〔2002〕18号", "repeals"),
    ("7a83d281873086e0", "不再执行", "最高人民法院关于办理未成年人刑事案件适用法律的若干问题的解释", "法发〔1995〕9号", "repeals"),
    ("3d57375c05a84ecc", "即行废止", "最高人民法院关于审判人员严格执行回避制度的若干规定", "法发〔2000〕5号", "repeals"),
    ("3b34adaba78a54ee", "作如下修改", "关于审理掩饰、隐瞒犯罪所得、犯罪所得收益刑事案件适用法律若干问题的解释",
     "法释〔2015〕11号", "amends"),
]


OLD_WRITTEN = D(2000, 1, 1)


def old(title: str, number: str | None, written=OLD_WRITTEN):
    return policy("policies/2000/old", number, title=title, written=written)


@pytest.mark.parametrize(("record_id", "words", "title", "number", "field"), CASES)
def test_real_clause_without_relation_fails(records, record_id, words, title, number, field):
    sentence = real_sentence(records, record_id, words)
    kind, marked = ("废止", "已废止") if field == "repeals" else ("修改", "已修改")
    cited = f"《{title}》（{number}）"
    assert problems(sentence, old(title, number)) == [expected(sentence, kind, cited, number, marked)]


@pytest.mark.parametrize(("record_id", "words", "title", "number", "field"), CASES)
def test_real_clause_with_relation_passes(records, record_id, words, title, number, field):
    sentence = real_sentence(records, record_id, words)
    assert problems(sentence, old(title, number), **{field: (number,)}) == []
    # A new version (替代) covers repeal and amendment alike.
    assert problems(sentence, old(title, number), replaces=("policies/2000/old",)) == []


def test_clause_citing_by_title_only(records):
    sentence = real_sentence(records, "8a7f5d3ffc3879f6", "作如下修改")
    title = "最高人民法院关于审理专利纠纷案件适用法律问题的若干规定"
    target = old(title, "法释〔2001〕21号")
    assert problems(sentence, target) == [
        expected(sentence, "修改", f"《{title}》", "法释〔2001〕21号", "已修改")]
    assert problems(sentence, target, amends=("policies/2000/old",)) == []


# 予以废止 and 停止执行 never cite a document in the corpus; these are the portal's own wording.
PORTAL_SENTENCES = [
    ("《通辽市城乡最低生活保障审核审批办法》（通民发〔2017〕45号）予以废止。", "repeals"),
    ("本办法自2021年1月1日起施行，《通辽市城乡最低生活保障审核审批办法》（通民发〔2017〕45号）停止执行。",
     "repeals"),
    ("自本办法施行之日起，通民发〔2017〕45号文件同时废止。", "repeals"),
    ("现决定对《通辽市城乡最低生活保障审核审批办法》（通民发〔2017〕45号）作如下修改：", "amends"),
]


@pytest.mark.parametrize(("sentence", "field"), PORTAL_SENTENCES)
def test_portal_wording(sentence, field):
    target = old("通辽市民政局关于印发《通辽市城乡最低生活保障审核审批办法》的通知", "通民发〔2017〕45号")
    kind, marked = ("废止", "已废止") if field == "repeals" else ("修改", "已修改")
    found = problems(sentence, target)
    assert len(found) == 1 and found[0].startswith(
        f"content/policies/2024/new.md:14: clause-without-relation 正文写明“{sentence}”，"
        f"但前置信息的“{kind}”字段没有列出")
    assert f"请在前置信息中加上“{kind}: [通民发〔2017〕45号]”，该文件页面才会标明{marked}" in found[0]
    assert problems(sentence, target, **{field: ("通民发〔2017〕45号",)}) == []


def test_a_long_clause_is_quoted_by_its_end_where_the_citation_is():
    sentence = (
        "1996年9月6日北京市第十届人民代表大会常务委员会第三十次会议通过，根据2016年11月25日北京市第十四届"
        "人民代表大会常务委员会第三十一次会议《关于修改部分地方性法规的决定》修正的《北京市实施〈中华人民共和国"
        "保守国家秘密法〉若干规定》同时废止。")
    # The clause dates the text it repeals (as amended on 2016-11-25): the portal's copy agrees.
    target = old("北京市实施《中华人民共和国保守国家秘密法》若干规定", None, written=D(2016, 11, 25))
    found = problems(sentence, target)
    assert len(found) == 1
    quoted = found[0].split("正文写明“", 1)[1].split("”，但前置信息", 1)[0]
    assert quoted.startswith("……") and len(quoted) == 82
    assert quoted.endswith("修正的《北京市实施〈中华人民共和国保守国家秘密法〉若干规定》同时废止。")


def test_clause_rule_warning():
    sentence = PORTAL_SENTENCES[0][0]
    target = old("通辽市城乡最低生活保障审核审批办法", "通民发〔2017〕45号")
    assert problems(sentence, target, rule="warning") == [expected(
        sentence, "废止", "《通辽市城乡最低生活保障审核审批办法》（通民发〔2017〕45号）",
        "通民发〔2017〕45号", "已废止", prefix="警告：")]


def test_clauses_that_cite_nothing_of_the_portal_are_ignored(records):
    sentence = real_sentence(records, "7a83d281873086e0", "不再执行")
    unrelated = old("通辽市城乡最低生活保障审核审批办法", "通民发〔2017〕45号")
    assert problems(sentence, unrelated) == []
    assert problems("规范性文件明显违反法律、法规规定的，应当立即停止执行。", unrelated) == []


def test_every_clause_found_in_the_corpus_cites_something(records):
    clauses = [c for r in records.values() for c in find_clauses(r["body_markdown"])]
    assert len(clauses) >= 15
    assert all(c.citations for c in clauses)
    assert {c.kind for c in clauses} == {"废止", "修改"}


CLAUSE_MD = """\
---
标题: 关于印发新办法的通知
文号: 通政规〔2024〕1号
发文机关: 通辽市人民政府
公文种类: 通知
主题分类: 综合政务
成文日期: 2024-01-01
发布日期: 2024-01-05
需要解读: false
免于解读理由: 程序性规定。
---
第一条 本办法自2024年2月1日起施行，《旧办法》（通政发〔2019〕5号）同时废止。
"""

OLD_MD = """\
---
标题: 关于印发《旧办法》的通知
文号: 通政发〔2019〕5号
发文机关: 通辽市人民政府
公文种类: 通知
主题分类: 综合政务
成文日期: 2019-03-01
发布日期: 2019-03-05
需要解读: false
免于解读理由: 程序性规定。
---
正文。
"""


def test_gongkai_check_reports_the_clause_at_its_body_line(make_site):
    site = make_site({"content/policies/2019/old.md": OLD_MD, "content/policies/2024/new.md": CLAUSE_MD})
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert out.splitlines() == [
        "content/policies/2024/new.md:12: clause-without-relation 正文写明“第一条 本办法自2024年2月1日起施行，"
        "《旧办法》（通政发〔2019〕5号）同时废止。”，但前置信息的“废止”字段没有列出《旧办法》（通政发〔2019〕5号）"
        "（content/policies/2019/old.md）。请在前置信息中加上“废止: [通政发〔2019〕5号]”，该文件页面才会标明已废止；"
        "如果正文所引的不是这个文件，请核对标题或文号。"
    ]
    fixed = CLAUSE_MD.replace("免于解读理由: 程序性规定。\n", "免于解读理由: 程序性规定。\n废止: [通政发〔2019〕5号]\n")
    (site / "content/policies/2024/new.md").write_text(fixed, encoding="utf-8")
    assert run_gongkai(site, "check")[:2] == (0, "")
