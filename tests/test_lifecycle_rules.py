"""The lifecycle rules: each has a passing case and a failing case with its exact message line."""

from __future__ import annotations

from gongkai.check.lifecycle import check_lifecycle
from gongkai.model.documents import ExternalChange
from tests.conftest import run_gongkai
from tests.lifecycle_helpers import D, corpus_of, policy

LINES = {"修改": 12, "废止": 13, "替代": 14, "外部变更": 15}
OLD = policy("policies/2019/old", "通政发〔2019〕5号", written=D(2019, 3, 1), published=D(2019, 3, 5),
             lines=LINES)


def messages(*policies) -> list[str]:
    return [str(p) for p in check_lifecycle(corpus_of(*policies))]


def test_newer_document_repealing_older_passes():
    new = policy("policies/2021/r1", "R1", written=D(2021, 1, 1), lines=LINES, repeals=(OLD.id,))
    assert messages(OLD, new) == []


def test_replacement_cycle_is_reported_once_at_the_older_document():
    a = policy("policies/2020/a", "通政发〔2020〕1号", written=D(2020, 1, 1), lines=LINES,
               replaces=("通政发〔2021〕2号",))
    b = policy("policies/2021/b", "通政发〔2021〕2号", written=D(2021, 1, 1), lines=LINES,
               replaces=("通政发〔2020〕1号",))
    found = messages(a, b)
    assert found[0] == (
        "content/policies/2020/a.md:14: relation-cycle 字段“替代”中的“通政发〔2021〕2号”使文件之间的"
        "修改、废止、替代关系构成循环：content/policies/2020/a.md → content/policies/2021/b.md → "
        "content/policies/2020/a.md。只有较新的文件才能修改、废止或替代较旧的文件；请删去写反的那一条。"
    )
    assert [m.split()[1] for m in found] == ["relation-cycle", "relation-to-newer"]


def test_a_three_document_amend_repeal_cycle():
    a = policy("policies/2020/a", written=D(2020, 1, 1), lines=LINES, amends=("policies/2022/c",))
    b = policy("policies/2021/b", written=D(2021, 1, 1), lines=LINES, repeals=("policies/2020/a",))
    c = policy("policies/2022/c", written=D(2022, 1, 1), lines=LINES, amends=("policies/2021/b",))
    cycles = [m for m in messages(a, b, c) if " relation-cycle " in m]
    assert len(cycles) == 1 and cycles[0].startswith("content/policies/2020/a.md:12: relation-cycle ")


def test_repealing_a_newer_document_is_reported():
    newer = policy("policies/2021/newer", "通政发〔2021〕2号", written=D(2021, 1, 1), lines=LINES)
    wrong = policy("policies/2020/wrong", written=D(2020, 1, 1), lines=LINES, repeals=("通政发〔2021〕2号",))
    assert messages(newer, wrong) == [
        "content/policies/2020/wrong.md:13: relation-to-newer 字段“废止”中的“通政发〔2021〕2号”成文日期为 "
        "2021-01-01，晚于本文件的成文日期 2020-01-01。文件只能废止在它之前的文件；如果是那个较新的文件"
        "废止了本文件，请把“废止”写在那个文件中，并从本文件删去。"
    ]


def test_repeal_effective_before_the_repealed_documents_publication():
    early = policy("policies/2019/new", "通政发〔2019〕9号", written=D(2019, 3, 2), published=D(2019, 3, 3),
                   lines=LINES, repeals=("通政发〔2019〕5号",))
    assert messages(OLD, early) == [
        "content/policies/2019/new.md:13: relation-before-publication 字段“废止”中的“通政发〔2019〕5号”："
        "本文件的发布日期 2019-03-03 早于该文件的发布日期 2019-03-05，一个文件不能在发布之前就被废止。"
        "请核对本文件的发布日期和所引文件。"
    ]
    later = policy("policies/2019/new", "通政发〔2019〕9号", written=D(2019, 3, 2), published=D(2019, 3, 3),
                   effective=D(2019, 4, 1), lines=LINES, repeals=("通政发〔2019〕5号",))
    assert messages(OLD, later) == []


def test_external_change_dated_before_publication():
    ext = policy("policies/2019/old", written=D(2019, 3, 1), published=D(2019, 3, 5), lines=LINES,
                 external_change=ExternalChange("已废止", D(2019, 1, 1), "内蒙古自治区人民政府"))
    assert messages(ext) == [
        "content/policies/2019/old.md:15: relation-before-publication 字段“外部变更”的日期 2019-01-01 "
        "早于本文件的发布日期 2019-03-05，文件不能在发布之前就已废止。请核对外部变更的日期。"
    ]


def test_repealed_twice_with_different_dates_is_a_warning():
    r1 = policy("policies/2021/r1", written=D(2021, 1, 1), lines=LINES, repeals=(OLD.id,))
    r2 = policy("policies/2022/r2", written=D(2022, 1, 1), lines=LINES, repeals=(OLD.id,))
    same_day = policy("policies/2021/r3", written=D(2021, 1, 1), lines=LINES, repeals=(OLD.id,))
    assert messages(OLD, r1, same_day) == []
    assert messages(OLD, r1, r2) == [
        "content/policies/2022/r2.md:13: repealed-twice 警告：字段“废止”中的“policies/2019/old”已由 "
        "content/policies/2021/r1.md 于 2021-01-01 废止，本文件又于 2022-01-01 废止它，两个日期不一致。"
        "以较早的日期为准；如果本文件只是重申，可从“废止”中删去该文件。"
    ]


def test_amending_a_repealed_document_is_an_error():
    r1 = policy("policies/2021/r1", written=D(2021, 1, 1), lines=LINES, repeals=(OLD.id,))
    before = policy("policies/2020/am", written=D(2020, 1, 1), lines=LINES, amends=(OLD.id,))
    after = policy("policies/2023/am", written=D(2023, 1, 1), lines=LINES, amends=(OLD.id,))
    assert messages(OLD, r1, before) == []
    assert messages(OLD, r1, after) == [
        "content/policies/2023/am.md:12: changed-after-end 字段“修改”中的“policies/2019/old”于 2021-01-01 "
        "已被 content/policies/2021/r1.md 废止，本文件却于 2023-01-01 修改它：已废止的文件不能再被修改。"
        "请核对所引的文件是否写错，或改为引用现行的文件。"
    ]


def test_external_amendment_after_a_repeal_contradicts_it():
    r1 = policy("policies/2021/r1", written=D(2021, 1, 1), lines=LINES, repeals=(OLD.id,))

    def amended_on(day):
        return policy("policies/2019/old", "通政发〔2019〕5号", written=D(2019, 3, 1),
                      published=D(2019, 3, 5), lines=LINES,
                      external_change=ExternalChange("已修改", day, "内蒙古自治区人民政府"))

    assert messages(amended_on(D(2020, 5, 1)), r1) == []
    assert messages(amended_on(D(2022, 5, 1)), r1) == [
        "content/policies/2019/old.md:15: changed-after-end 字段“外部变更”声明本文件于 2022-05-01 "
        "被内蒙古自治区人民政府修改，但本文件于 2021-01-01 已被 content/policies/2021/r1.md 废止，"
        "已不再有效。请核对外部变更的状态和日期。"
    ]


OLD_MD = """\
---
标题: 关于旧办法的通知
文号: 通政发〔2019〕5号
发文机关: 通辽市人民政府
公文种类: 通知
主题分类: 综合政务
成文日期: 2019-03-01
发布日期: 2019-03-05
需要解读: false
免于解读理由: 内部工作安排，不涉及公众权利义务。
---
正文。
"""

WRONG_MD = """\
---
标题: 关于较早文件的通知
发文机关: 通辽市人民政府
公文种类: 通知
主题分类: 综合政务
成文日期: 2018-03-01
发布日期: 2018-03-05
需要解读: false
免于解读理由: 内部工作安排，不涉及公众权利义务。
废止:
  - 通政发〔2019〕5号
---
正文。
"""


def test_gongkai_check_reports_the_rule_at_the_relation_field(make_site):
    site = make_site({"content/policies/2019/old.md": OLD_MD, "content/policies/2018/wrong.md": WRONG_MD})
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert out.splitlines() == [
        "content/policies/2018/wrong.md:10: relation-to-newer 字段“废止”中的“通政发〔2019〕5号”成文日期为 "
        "2019-03-01，晚于本文件的成文日期 2018-03-01。文件只能废止在它之前的文件；如果是那个较新的文件"
        "废止了本文件，请把“废止”写在那个文件中，并从本文件删去。"
    ]
