"""`gongkai check` on malformed input: one exact line per problem, never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_INTERPRETATION, SEED_POLICY, paired_site_files, run_gongkai

POLICY_PATH = "content/policies/2017/seed.md"


def check_policy(make_site, text: str | bytes) -> tuple[int, list[str]]:
    site = make_site(paired_site_files() | {POLICY_PATH: text})
    code, out, err = run_gongkai(site, "check")
    assert "Traceback" not in out + err
    return code, out.splitlines()


def test_clean_portal_exits_zero(make_site):
    code, lines = check_policy(make_site, SEED_POLICY)
    assert (code, lines) == (0, [])


def test_bom_is_reported_on_line_one(make_site):
    code, lines = check_policy(make_site, b"\xef\xbb\xbf" + SEED_POLICY.encode())
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:1: bom 文件开头有 UTF-8 BOM（不可见的字节顺序标记）。"
        "请在编辑器中将文件另存为“UTF-8（无 BOM）”编码。"
    ]


def test_gbk_file_is_named_as_gbk(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.encode("gbk"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:2: encoding 文件是 GBK（或 GB2312）编码，不是 UTF-8。"
        "请在编辑器中将文件另存为“UTF-8（无 BOM）”编码后再提交。"
    ]


def test_missing_front_matter(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.removeprefix("---\n"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:1: no-front-matter 文件第一行应为“---”，开始前置信息（标题、文号、日期等字段）。"
        "请在文件开头加上以“---”开头和结尾的字段区。"
    ]


def test_unclosed_front_matter(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("---\n## 正文", "## 正文"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:1: unclosed-front-matter 第 1 行的“---”开始了前置信息，但后面没有结束它的“---”。"
        "请在最后一个字段之后单独一行写上“---”，再写正文。"
    ]


def test_malformed_yaml_names_the_line(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("公文种类: 通知", "公文种类: 通知: 其他"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:6: yaml YAML 格式错误：这一行出现了多余的冒号“:”。"
        "如果值里本来就有冒号，请用英文引号把整个值括起来。"
    ]


def test_unbalanced_quote(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("标题: 关于", '标题: "关于'))
    assert code == 1
    assert lines[0].startswith(f"{POLICY_PATH}:")
    assert " yaml YAML 格式错误：" in lines[0]


def test_tab_is_reported_with_its_line(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("主题分类: 综合政务", "主题分类:\t综合政务"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:7: tab 这一行含有制表符（Tab）。YAML 只能用空格缩进：请把 Tab 换成空格。"
    ]


def test_fullwidth_colon(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("公文种类: 通知", "公文种类：通知"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:6: fullwidth-colon “公文种类”后面是中文冒号“：”。字段名后面要用英文冒号加空格，"
        "请改成“公文种类: ”。"
    ]


@pytest.mark.parametrize("value, message", [
    ("2017-6-31", "字段“成文日期”的值“2017-6-31”不是真实的日期（2017年6月没有31日）。请核对原件后改正。"),
    ("2017年6月6日", "字段“成文日期”的值“2017年6月6日”格式不规范。请写成“2017-06-06”（年-月-日，月和日各两位）。"),
    ("2017-6-6", "字段“成文日期”的值“2017-6-6”格式不规范。请写成“2017-06-06”（年-月-日，月和日各两位）。"),
    ("2017-02-29", "字段“成文日期”的值“2017-02-29”不是真实的日期（2017年2月没有29日）。请核对原件后改正。"),
    ("2017-13-01", "字段“成文日期”的值“2017-13-01”不是真实的日期（2017年没有13月）。请核对原件后改正。"),
    ("六月六日", "字段“成文日期”的值“六月六日”不是日期。请写成“2017-06-06”这样的格式（年-月-日）。"),
])
def test_bad_dates(make_site, value, message):
    code, lines = check_policy(make_site, SEED_POLICY.replace("成文日期: 2017-06-06", f"成文日期: {value}"))
    assert code == 1
    assert lines == [f"{POLICY_PATH}:8: bad-date {message}"]


def test_unknown_field_suggests_the_nearest(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("发文机关:", "发文机构: 通辽市\n发文机关:"))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:5: unknown-field 政策文件没有字段“发文机构”。是否想写“发文机关”？如果不需要，请删除这一行。"
    ]


def test_missing_required_field(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("发文机关: 通辽市人民政府办公厅\n", ""))
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:2: missing-field 缺少必填字段“发文机关”。请在前置信息中加上一行“发文机关: ……”。"
    ]


def test_wrong_type(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("标题: 关于印发测试方案的通知", "标题: [甲, 乙]"))
    assert code == 1
    assert lines == [f"{POLICY_PATH}:2: bad-type 字段“标题”应为一段文字，现在是一个列表。"]


def test_bad_choice_suggests(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("主题分类: 综合政务", "主题分类: 综合政物"))
    assert code == 1
    assert lines[0].startswith(
        f"{POLICY_PATH}:7: bad-choice 字段“主题分类”的值“综合政物”不在可选范围内。是否想写“综合政务”？可选："
    )


def test_bad_boolean(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("---\n## 正文", "草稿: 也许\n---\n## 正文"))
    assert code == 1
    assert lines == [f"{POLICY_PATH}:10: bad-bool 字段“草稿”的值“也许”应为 true 或 false（也可写“是”或“否”）。"]


def test_duplicate_field(make_site):
    code, lines = check_policy(make_site, SEED_POLICY.replace("---\n## 正文", "标题: 重复\n---\n## 正文"))
    assert code == 1
    assert lines == [f"{POLICY_PATH}:10: duplicate-field 字段“标题”写了两次（第 2 行已有）。请删去其中一个。"]


def test_look_alike_brackets_are_normalised_with_a_warning(make_site):
    for typed in ("通政办字[2017]157号", "通政办字(2017)157号", "通政办字【2017】157号", "通政办字（2017）157号"):
        code, lines = check_policy(make_site, SEED_POLICY.replace("通政办字〔2017〕157号", typed))
        assert code == 0, lines
        assert lines == [
            f"{POLICY_PATH}:3: doc-number-brackets 警告：字段“文号”中的文号“{typed}”用了不规范的括号，"
            "已按规范读作“通政办字〔2017〕157号”。请在文件中也改用六角括号“〔〕”。"
        ]


def test_strict_check_fails_on_warnings(make_site):
    site = make_site(paired_site_files() | {POLICY_PATH: SEED_POLICY.replace("〔2017〕", "[2017]")})
    assert run_gongkai(site, "check")[0] == 0
    assert run_gongkai(site, "check", "--strict")[0] == 1


def test_every_problem_is_reported_at_once(make_site):
    broken = SEED_POLICY.replace("成文日期: 2017-06-06", "成文日期: 2017-6-31").replace("发文机关:", "发文机构: x\n发文机关:")
    site = make_site(paired_site_files() | {
        POLICY_PATH: broken,
        "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION.replace("解读形式: 文字", "解读形式：文字"),
    })
    code, out, _ = run_gongkai(site, "check")
    codes = [line.split(" ")[1] for line in out.splitlines()]
    assert code == 1
    assert codes == ["fullwidth-colon", "unknown-field", "bad-date"]


def test_usage_error_exits_two(make_site):
    site = make_site(paired_site_files())
    code, _, err = run_gongkai(site, "nonsense")
    assert code == 2
    assert "用法错误" in err


def test_bad_as_of_is_a_usage_error(make_site):
    site = make_site(paired_site_files())
    code, _, err = run_gongkai(site, "check", as_of="2017-6-31")
    assert code == 2
    assert "不是日期" in err


def test_missing_config_is_a_usage_error(tmp_path):
    code, _, err = run_gongkai(tmp_path, "check")
    assert code == 2
    assert "找不到配置文件" in err


def test_global_options_work_after_the_command(make_site):
    site = make_site(paired_site_files())
    code, out, err = run_gongkai(site, "build", "--as-of", "2017-06-08", as_of="2000-01-01")
    assert code == 0 and "按 2017-06-08 发布" in err
    code, _, err = run_gongkai(site, "check", "--config", "missing.yml")
    assert code == 2 and "找不到配置文件 missing.yml" in err
