"""Status and history as of a build date, from 修改 / 废止 / 替代 / 外部变更 / 有效期至 / 施行日期."""

from __future__ import annotations

from gongkai.derive.status import ChangeKind, derive_statuses, interpretation_notice
from gongkai.model.documents import ExternalChange, Interpretation, Source
from gongkai.model.status import Status
from tests.lifecycle_helpers import D, corpus_of, policy

OLD = policy("policies/2017/old", "通民发〔2017〕45号", title="关于印发《低保办法》的通知")
NEW = policy("policies/2020/new", "通民规〔2020〕3号", title="关于印发《低保确认办法》的通知",
             written=D(2020, 11, 25), published=D(2020, 11, 30), effective=D(2021, 1, 1),
             repeals=("通民发〔2017〕45号",))


def test_repeal_counts_from_the_causing_documents_effective_date():
    corpus = corpus_of(OLD, NEW)
    before = derive_statuses(corpus, D(2020, 12, 31))["policies/2017/old"]
    after = derive_statuses(corpus, D(2021, 1, 1))["policies/2017/old"]
    assert before.status is Status.IN_FORCE and before.notice is None
    assert [e.kind for e in before.upcoming] == [ChangeKind.REPEALED]
    assert (after.status, after.since, after.caused_by) == (Status.REPEALED, D(2021, 1, 1), NEW.id)
    assert after.notice == ("本文件已于2021年1月1日被《关于印发〈低保确认办法〉的通知》"
                            "（通民规〔2020〕3号）废止。")
    assert [(e.date, e.kind, e.by_id, e.by_number) for e in after.history] == [
        (D(2021, 1, 1), ChangeKind.REPEALED, NEW.id, "通民规〔2020〕3号")]


def test_the_causing_document_lists_what_it_did():
    record = derive_statuses(corpus_of(OLD, NEW), D(2024, 1, 1))[NEW.id]
    assert record.status is Status.IN_FORCE
    assert [(a.kind, a.target_id) for a in record.acts] == [(ChangeKind.REPEALED, OLD.id)]


def test_a_repeal_published_after_the_build_date_is_not_known_yet():
    late = policy("policies/2030/late", written=D(2030, 1, 1), repeals=(OLD.id,))
    record = derive_statuses(corpus_of(OLD, late), D(2026, 1, 1))[OLD.id]
    assert record.status is Status.IN_FORCE and record.upcoming == ()


def test_a_draft_repeals_nothing():
    draft = policy("policies/2020/draft", written=D(2020, 1, 1), repeals=(OLD.id,), draft=True)
    assert derive_statuses(corpus_of(OLD, draft), D(2026, 1, 1))[OLD.id].status is Status.IN_FORCE


def test_amendment_without_date_in_notice():
    amending = policy("policies/2024/amend", "通建规〔2024〕2号", title="关于修改《办法》的决定",
                      written=D(2024, 6, 11), published=D(2024, 6, 14), amends=(OLD.id,))
    record = derive_statuses(corpus_of(OLD, amending), D(2025, 1, 1))[OLD.id]
    assert (record.status, record.since) == (Status.AMENDED, D(2024, 6, 14))
    assert record.notice == "本文件已被《关于修改〈办法〉的决定》（通建规〔2024〕2号）修改，修改内容见该文件。"


def test_two_amendments_are_both_named():
    a = policy("policies/2020/a", "A〔2020〕1号", title="甲", written=D(2020, 1, 1), amends=(OLD.id,))
    b = policy("policies/2021/b", "B〔2021〕1号", title="乙", written=D(2021, 1, 1), amends=(OLD.id,))
    record = derive_statuses(corpus_of(OLD, a, b), D(2025, 1, 1))[OLD.id]
    assert record.caused_by == b.id
    assert record.notice == "本文件已被《甲》（A〔2020〕1号）、《乙》（B〔2021〕1号）修改，修改内容见各该文件。"


def test_repeal_beats_an_earlier_amendment():
    a = policy("policies/2020/a", written=D(2020, 1, 1), amends=(OLD.id,))
    r = policy("policies/2022/r", written=D(2022, 1, 1), repeals=(OLD.id,))
    record = derive_statuses(corpus_of(OLD, a, r), D(2025, 1, 1))[OLD.id]
    assert (record.status, record.caused_by) == (Status.REPEALED, r.id)
    assert [e.kind for e in record.history] == [ChangeKind.AMENDED, ChangeKind.REPEALED]


def test_expiry_then_repeal_keeps_the_first_end():
    expiring = policy("policies/2019/exp", written=D(2019, 1, 1), expires=D(2021, 12, 31))
    r = policy("policies/2023/r", written=D(2023, 1, 1), repeals=(expiring.id,))
    record = derive_statuses(corpus_of(expiring, r), D(2025, 1, 1))[expiring.id]
    assert (record.status, record.since) == (Status.EXPIRED, D(2021, 12, 31))
    assert record.notice == "本文件有效期至2021年12月31日，期满已失效。"


def test_changing_only_the_build_date_makes_a_document_expire():
    expiring = policy("policies/2019/exp", written=D(2019, 1, 1), expires=D(2021, 12, 31))
    corpus = corpus_of(expiring)
    assert derive_statuses(corpus, D(2021, 12, 31))[expiring.id].status is Status.IN_FORCE
    assert derive_statuses(corpus, D(2022, 1, 1))[expiring.id].status is Status.EXPIRED


def test_not_yet_in_force():
    future = policy("policies/2026/f", written=D(2026, 10, 12), effective=D(2027, 3, 1))
    record = derive_statuses(corpus_of(future), D(2026, 11, 29))[future.id]
    assert record.status is Status.NOT_YET_IN_FORCE
    assert record.notice == "本文件自2027年3月1日起施行，目前尚未生效。"
    assert derive_statuses(corpus_of(future), D(2027, 3, 1))[future.id].status is Status.IN_FORCE


def test_replacement_by_a_new_version():
    v2 = policy("policies/2024/v2", "通教规〔2024〕1号", title="新办法", written=D(2024, 3, 26),
                effective=D(2024, 5, 1), replaces=(OLD.id,))
    record = derive_statuses(corpus_of(OLD, v2), D(2025, 1, 1))[OLD.id]
    assert (record.status, record.caused_by) == (Status.AMENDED, v2.id)
    assert record.notice == "本文件已于2024年5月1日被新版本《新办法》（通教规〔2024〕1号）替代，现行规定见新版本。"


def test_external_repeal():
    change = ExternalChange("已废止", D(2023, 5, 10), "内蒙古自治区人民政府办公厅", "内政办发〔2023〕20号",
                            "随之失去执行依据。")
    doc = policy("policies/2019/ext", written=D(2019, 5, 20), external_change=change)
    record = derive_statuses(corpus_of(doc), D(2025, 1, 1))[doc.id]
    assert (record.status, record.caused_by, record.explanation) == (
        Status.REPEALED, None, "随之失去执行依据。")
    assert record.notice == "本文件已于2023年5月10日由内蒙古自治区人民政府办公厅（依据：内政办发〔2023〕20号）宣布废止。"
    assert record.history[0].authority == "内蒙古自治区人民政府办公厅"
    assert derive_statuses(corpus_of(doc), D(2023, 5, 9))[doc.id].status is Status.IN_FORCE


def test_a_clearing_notice_repeals_dozens():
    olds = [policy(f"policies/2015/d{n}", f"通政发〔2015〕{n}号", written=D(2015, 1, 1)) for n in range(40)]
    clearing = policy("policies/2024/qingli", "通政发〔2024〕9号", title="关于公布规范性文件清理结果的通知",
                      written=D(2024, 1, 1), repeals=tuple(p.doc_number for p in olds))
    statuses = derive_statuses(corpus_of(*olds, clearing), D(2024, 6, 1))
    assert {statuses[p.id].status for p in olds} == {Status.REPEALED}
    assert len(statuses[clearing.id].acts) == 40


def test_interpretation_carries_its_policys_notice():
    r = policy("policies/2022/r", "R〔2022〕1号", title="清理通知", written=D(2022, 3, 1), repeals=(OLD.id,))
    jiedu = Interpretation(id="interpretations/2017/j", source=Source("content/interpretations/2017/j.md"),
                           title="解读", interprets=("通民发〔2017〕45号",), form="文字",
                           published=D(2017, 1, 1))
    corpus = corpus_of(OLD, r, interpretations=(jiedu,))
    statuses = derive_statuses(corpus, D(2025, 1, 1))
    assert interpretation_notice(corpus, statuses, jiedu) == (
        "本解读所对应的政策已废止：《关于印发〈低保办法〉的通知》（通民发〔2017〕45号）"
        "已于2022年3月1日被《清理通知》（R〔2022〕1号）废止。")
    assert interpretation_notice(corpus, derive_statuses(corpus, D(2022, 2, 28)), jiedu) is None
