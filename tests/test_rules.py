"""Each rule: a passing case, and a failing case asserting the exact line."""

from __future__ import annotations

from tests.conftest import SEED_INTERPRETATION, SEED_POLICY, paired_site_files, run_gongkai

POLICY = "content/policies/2017/seed.md"
INTERP = "content/interpretations/2017/seed-jiedu.md"

SECOND_POLICY = SEED_POLICY.replace("通政办字〔2017〕157号", "通政办字〔2017〕158号").replace(
    "2017-00157", "2017-00158")
SECOND_INTERP = SEED_INTERPRETATION.replace("157号", "158号")


def check(make_site, files: dict, plugin: dict | None = None) -> tuple[int, list[str]]:
    site = make_site(paired_site_files() | files, plugin=plugin)
    code, out, _ = run_gongkai(site, "check")
    return code, out.splitlines()


def test_valid_pair_passes(make_site):
    assert check(make_site, {}) == (0, [])


def test_policy_without_interpretation(make_site):
    code, lines = check(make_site, {"content/policies/2017/second.md": SECOND_POLICY})
    assert code == 1
    assert lines == [
        "content/policies/2017/second.md:2: missing-interpretation 本政策文件没有政策解读。"
        "政策文件须与解读同步发布：请在 content/interpretations/ 中加上它的解读，"
        "“解读对象”写文号“通政办字〔2017〕158号”；如确实不需解读，请写“需要解读: false”并写明“免于解读理由”。"
    ]


def test_exemption_with_reason_passes_and_without_fails(make_site):
    exempt = SECOND_POLICY.replace("---\n## 正文", "需要解读: false\n免于解读理由: 内部工作安排\n---\n## 正文")
    assert check(make_site, {"content/policies/2017/second.md": exempt}) == (0, [])
    no_reason = SECOND_POLICY.replace("---\n## 正文", "需要解读: false\n---\n## 正文")
    code, lines = check(make_site, {"content/policies/2017/second.md": no_reason})
    assert code == 1
    assert lines == [
        "content/policies/2017/second.md:10: exemption-without-reason 本文件写了“需要解读: false”，"
        "但没有写“免于解读理由”。请加上一行“免于解读理由: ……”，说明为什么不需要解读。"
    ]


def test_interpretation_must_be_synchronous(make_site):
    late = SEED_INTERPRETATION.replace("发布日期: 2017-06-08", "发布日期: 2017-06-10")
    code, lines = check(make_site, {INTERP: late})
    assert code == 1
    assert lines == [
        f"{POLICY}:9: interpretation-not-synchronous 发布日期 2017-06-08 与其解读的发布日期（2017-06-10）不同步。"
        "政策文件与解读应同步发布（同一天）：请核对并改正日期。"
    ]
    assert check(make_site, {INTERP: late}, plugin={"pairing_tolerance_days": 2}) == (0, [])


def test_interpretation_of_draft_policy(make_site):
    draft = SEED_POLICY.replace("---\n## 正文", "草稿: true\n---\n## 正文")
    code, lines = check(make_site, {POLICY: draft})
    assert code == 1
    assert lines == [
        f"{INTERP}:3: interpretation-of-draft 所解读的政策“通政办字〔2017〕157号”（{POLICY}）还是草稿，"
        "解读却不是草稿。解读不能先于政策发布：请把本解读也标为“草稿: true”，或先定稿该政策。"
    ]
    draft_interp = SEED_INTERPRETATION.replace("---\n## 背景", "草稿: true\n---\n## 背景")
    assert check(make_site, {POLICY: draft, INTERP: draft_interp}) == (0, [])


def test_unresolved_reference(make_site):
    code, lines = check(make_site, {"content/interpretations/2017/other.md":
                                    SEED_INTERPRETATION.replace("157号", "999号")})
    assert code == 1
    assert lines == [
        "content/interpretations/2017/other.md:3: unresolved-reference 字段“解读对象”中的“通政办字〔2017〕999号”"
        "在门户中找不到对应的政策文件。请写该文件的文号（如 通政办字〔2017〕157号）或文件编号"
        "（content/ 下的路径，不带 .md），并确认该文件已放入 content/policies/。"
    ]


def test_reference_by_document_id_resolves(make_site):
    by_id = SEED_INTERPRETATION.replace("解读对象: 通政办字〔2017〕157号", "解读对象: [policies/2017/seed]")
    assert check(make_site, {INTERP: by_id}) == (0, [])


def test_duplicate_doc_number_is_ambiguous(make_site):
    dup = SEED_POLICY.replace("2017-00157", "2017-00159")
    code, lines = check(make_site, {"content/policies/2017/dup.md": dup})
    assert code == 1
    assert lines == [
        "content/interpretations/2017/seed-jiedu.md:3: ambiguous-reference 字段“解读对象”中的“通政办字〔2017〕157号”"
        f"同时对应多个文件（content/policies/2017/dup.md、{POLICY}）。请改用文件编号指明是哪一个。",
        "content/policies/2017/dup.md:3: duplicate-doc-number 文号“通政办字〔2017〕157号”与 "
        f"{POLICY} 重复。文号在门户中必须唯一：请核对原件后改正其中一个。",
        f"{POLICY}:3: duplicate-doc-number 文号“通政办字〔2017〕157号”与 content/policies/2017/dup.md 重复。"
        "文号在门户中必须唯一：请核对原件后改正其中一个。",
    ]


def test_duplicate_index_number(make_site):
    dup = SECOND_POLICY.replace("2017-00158", "2017-00157")
    code, lines = check(make_site, {"content/policies/2017/second.md": dup,
                                    "content/interpretations/2017/second.md": SECOND_INTERP})
    assert code == 1
    assert lines == [
        f"content/policies/2017/second.md:4: duplicate-index-number 索引号“115223000115559370/2017-00157”与 {POLICY} "
        "重复。索引号在门户中必须唯一：请核对原件后改正其中一个。",
        f"{POLICY}:4: duplicate-index-number 索引号“115223000115559370/2017-00157”与 content/policies/2017/second.md "
        "重复。索引号在门户中必须唯一：请核对原件后改正其中一个。",
    ]


def test_index_number_pattern_is_configurable(make_site):
    odd = SEED_POLICY.replace("115223000115559370/2017-00157", "TL-2017-157")
    code, lines = check(make_site, {POLICY: odd})
    assert code == 1
    assert lines == [
        f"{POLICY}:4: bad-index-number 索引号“TL-2017-157”不符合本门户规定的格式"
        r"（^[0-9A-Z]{9,18}/\d{4}-\d{5}$，例如 000014349/2018-00222）。请按格式改正。"
    ]
    assert check(make_site, {POLICY: odd}, plugin={"index_number_pattern": r"^TL-\d{4}-\d+$"}) == (0, [])


def test_dates_in_order(make_site):
    early = SEED_POLICY.replace("发布日期: 2017-06-08", "发布日期: 2017-06-01")
    early_interp = SEED_INTERPRETATION.replace("2017-06-08", "2017-06-01")
    code, lines = check(make_site, {POLICY: early, INTERP: early_interp})
    assert code == 1
    assert lines == [
        f"{POLICY}:9: date-order 发布日期 2017-06-01 早于成文日期 2017-06-06。文件成文后才能发布，请核对两个日期。"
    ]


def test_effective_and_expiry_after_written(make_site):
    odd = SEED_POLICY.replace("---\n## 正文", "施行日期: 2017-06-01\n有效期至: 2017-06-06\n---\n## 正文")
    code, lines = check(make_site, {POLICY: odd})
    assert code == 1
    assert lines == [
        f"{POLICY}:10: date-order 施行日期 2017-06-01 早于成文日期 2017-06-06。请核对施行日期。",
        f"{POLICY}:11: date-order 有效期至 2017-06-06 不晚于成文日期 2017-06-06。请核对有效期。",
    ]
    fine = SEED_POLICY.replace("---\n## 正文", "施行日期: 2017-07-01\n有效期至: 2022-06-30\n---\n## 正文")
    assert check(make_site, {POLICY: fine}) == (0, [])


def test_who_drafts_interprets_warning_or_error(make_site):
    other_body = SEED_INTERPRETATION.replace("解读单位: 通辽市人民政府办公厅", "解读单位: 通辽市财政局")
    expected = (
        f"{INTERP}:5: interpreter-not-drafter 警告：解读单位“通辽市财政局”不是所解读政策“通政办字〔2017〕157号”"
        "的起草部门“通辽市人民政府办公厅”。按“谁起草、谁解读”，应由起草部门解读：请核对“解读单位”，"
        "或在政策文件中写明“起草部门”。"
    )
    assert check(make_site, {INTERP: other_body}) == (0, [expected])
    code, lines = check(make_site, {INTERP: other_body}, plugin={"drafter_rule": "error"})
    assert (code, lines) == (1, [expected.replace("警告：", "")])
    drafted = SEED_POLICY.replace("---\n## 正文", "起草部门: 通辽市财政局\n---\n## 正文")
    assert check(make_site, {POLICY: drafted, INTERP: other_body}) == (0, [])


def test_interpretation_names_who(make_site):
    nobody = SEED_INTERPRETATION.replace("解读单位: 通辽市人民政府办公厅\n", "")
    code, lines = check(make_site, {INTERP: nobody})
    assert code == 1
    assert lines == [
        f"{INTERP}:1: missing-interpreter 政策解读须写明“解读人”或“解读单位”（至少一项）。请加上其中一行。"
    ]
    person = SEED_INTERPRETATION.replace("解读单位: 通辽市人民政府办公厅", "解读人: 张三")
    assert check(make_site, {INTERP: person}) == (0, [])


def test_attachment_must_exist(make_site):
    with_file = SEED_POLICY.replace("---\n## 正文", "附件:\n  - 名称: 申请表\n    文件: biao.csv\n---\n## 正文")
    code, lines = check(make_site, {POLICY: with_file})
    assert code == 1
    assert lines == [
        f"{POLICY}:12: missing-attachment 附件“申请表”的文件“biao.csv”不存在。"
        "请把文件放在 content/ 下（路径相对于本文件所在文件夹），或改正文件名。"
    ]
    assert check(make_site, {POLICY: with_file, "content/policies/2017/biao.csv": "a,b\n"}) == (0, [])


FEES = """\
- 执收单位: 通辽市自然资源局
  项目名称: 不动产登记费
  类别: 行政事业性收费
  收费标准: 住宅类每件80元
  收费依据: 《关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）
  资金管理方式: 缴入国库
"""

CATALOG = """\
- 公开主体: 通辽市财政局
  公开事项: 财政预决算
  公开内容: 市本级政府预算、决算
  公开依据: 《中华人民共和国预算法》
  公开时限: 批准后20日内
  公开方式: [政府网站]
  公开对象: 社会公众
  五公开类别: 结果
"""


def test_data_lists_pass_when_complete(make_site):
    assert check(make_site, {"data/fees.yml": FEES, "data/catalog.yml": CATALOG}) == (0, [])


def test_data_list_problems_name_file_and_line(make_site):
    fees = FEES + FEES.replace("  类别: 行政事业性收费\n", "").replace("资金管理方式", "资金管理方法")
    catalog = CATALOG.replace("五公开类别: 结果", "五公开类别: 结论")
    code, lines = check(make_site, {"data/fees.yml": fees, "data/catalog.yml": catalog})
    assert code == 1
    assert lines == [
        "data/catalog.yml:8: bad-choice 字段“五公开类别”的值“结论”不在可选范围内。是否想写“结果”？"
        "可选：决策、执行、管理、服务、结果。",
        "data/fees.yml:7: missing-field 缺少必填字段“类别”。请在这一条目中加上一行“类别: ……”。",
        "data/fees.yml:7: missing-field 缺少必填字段“资金管理方式”。请在这一条目中加上一行“资金管理方式: ……”。",
        "data/fees.yml:11: unknown-field 收费目录清单项目没有字段“资金管理方法”。是否想写“资金管理方式”？如果不需要，请删除这一行。",
    ]


def test_file_names_that_make_poor_urls_are_warned(make_site):
    site_files = paired_site_files()
    renamed = {k.replace("seed.md", "测试文件.md"): v for k, v in site_files.items()}
    site = make_site(renamed)
    code, out, _ = run_gongkai(site, "check")
    assert code == 0
    assert out.splitlines() == [
        "content/policies/2017/测试文件.md:1: file-name 警告：文件名“测试文件.md”含有英文小写字母、数字、"
        "连字符以外的字符。文件名决定网址，发布后不能再改：请在首次发布前改为如 tongcaigui-2026-1.md 的名称。"
    ]
