"""Reading is bounded: aliases, tags, oversized files, wrong shapes and blank fields are named, never run."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_POLICY, paired_site_files, run_gongkai

POLICY_PATH = "content/policies/2017/seed.md"
FEES_PATH = "data/fees.yml"
FEE_ENTRY = """\
- 项目名称: 不动产登记费
  执收单位: 通辽市自然资源局
  类别: 行政事业性收费
  收费标准: 住宅类每件80元
  收费依据: 财税〔2016〕79号
  资金管理方式: 缴入国库
"""


def check(make_site, files: dict[str, str | bytes], plugin: dict | None = None) -> tuple[int, list[str]]:
    site = make_site(paired_site_files() | files, plugin=plugin)
    code, out, err = run_gongkai(site, "check")
    assert "Traceback" not in out + err
    return code, out.splitlines()


def with_field(line: str) -> str:
    """The seed policy with one more front-matter line (line 10)."""
    return SEED_POLICY.replace("---\n## 正文", f"{line}\n---\n## 正文")


def alias_bomb(indent: str = "") -> str:
    """Nine levels of nine aliases each: 387 million strings once expanded."""
    rows = [f"{indent}a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        rows.append(f"{indent}a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(rows)


def alias_message(path: str, line: int, name: str) -> str:
    return (f"{path}:{line}: yaml-alias 这一行用了 YAML 别名“*{name}”（引用前面用“&”标记的内容）。"
            "别名能让几行文字展开成海量数据，门户不接受：请把内容直接写出来。"
            "如果值本来就以“*”开头，请用英文引号把整个值括起来。")


def test_an_alias_bomb_in_front_matter_is_refused_line_by_line(make_site):
    code, lines = check(make_site, {POLICY_PATH: with_field(alias_bomb())})
    assert code == 1
    assert lines == [alias_message(POLICY_PATH, 10 + level, f"a{level - 1}") for level in range(1, 10)]


def test_an_alias_bomb_in_the_fee_list_is_refused(make_site):
    bomb = FEE_ENTRY + "  备注: &a0 [x, x, x, x, x, x, x, x, x]\n  说明: [*a0, *a0, *a0]\n"
    code, lines = check(make_site, {FEES_PATH: bomb})
    assert code == 1
    assert lines == [alias_message(FEES_PATH, 8, "a0")]


def test_an_alias_in_any_page_is_refused_and_nothing_is_built(make_site):
    site = make_site(paired_site_files() | {"content/xxgk/guide.md": f"---\n{alias_bomb()}\n---\n# 指南\n"})
    code, out, _ = run_gongkai(site, "build")
    assert code == 1
    assert out.splitlines()[:9] == [alias_message("content/xxgk/guide.md", 2 + level, f"a{level - 1}")
                                    for level in range(1, 10)]
    assert not (site / "site").exists()


def test_a_value_starting_with_a_star_in_quotes_is_text(make_site):
    code, lines = check(make_site, {POLICY_PATH: SEED_POLICY.replace("标题: 关于", "标题: '*关于")
                                    .replace("的通知\n", "的通知'\n", 1)})
    assert (code, lines) == (0, [])


@pytest.mark.parametrize("value, shown, what", [
    ("!!python/object/apply:os.system [touch x]", "!!python/object/apply:os.system",
     "要求把值读成 Python 程序里的对象，可被用来在服务器上执行命令"),
    ("!!python/name:os.system", "!!python/name:os.system",
     "要求把值读成 Python 程序里的对象，可被用来在服务器上执行命令"),
    ("!!binary aGk=", "!!binary", "要求把值读成某种特定的数据类型"),
    ("!important 关于印发测试方案的通知", "!important", "要求把值读成某种特定的数据类型"),
])
def test_a_tag_says_what_it_is(make_site, value, shown, what):
    code, lines = check(make_site, {POLICY_PATH: SEED_POLICY.replace("标题: 关于印发测试方案的通知",
                                                                     f"标题: {value}")})
    assert code == 1
    assert lines == [
        f"{POLICY_PATH}:2: yaml-tag “{shown}”是 YAML 的类型标记，{what}；门户的字段只接受文字、日期、数字、列表，"
        f"不接受任何类型标记。请删去“{shown}”，只写值本身。如果值本来就以“!”开头，请用英文引号把整个值括起来。"
    ]


def test_a_bang_before_chinese_text_asks_for_quotes(make_site):
    code, lines = check(make_site, {POLICY_PATH: SEED_POLICY.replace("标题: 关于", "标题: !关于")})
    assert code == 1
    assert lines == [f"{POLICY_PATH}:2: yaml YAML 格式错误：“!”在 YAML 中表示类型标记："
                     "如果值本来就以“!”开头，请用英文引号把整个值括起来。"]


def too_large(path: str, kb: int, limit: int) -> str:
    return (f"{path}:1: file-too-large 文件有 {kb} KB，超过了上限 {limit} KB，门户不读取它。"
            "请检查是否误把其他内容（如整本书、图片的编码）放进了文件；正文确实很长时可拆成几个文件，"
            "或在 mkdocs.yml 的 gongkai 设置中调高 max_file_kb。")


def test_files_above_max_file_kb_are_refused(make_site):
    big_policy = SEED_POLICY + "长" * 1200  # 3,600 bytes of body
    big_fees = FEE_ENTRY + "  备注: " + "长" * 1500 + "\n"
    code, lines = check(make_site, {POLICY_PATH: big_policy, FEES_PATH: big_fees}, plugin={"max_file_kb": 3})
    assert code == 1
    assert lines == [too_large(POLICY_PATH, 4, 3), too_large(FEES_PATH, 5, 3)]


def test_max_file_kb_must_be_a_positive_number(make_site):
    site = make_site(paired_site_files(), plugin={"max_file_kb": "大"})
    code, _, err = run_gongkai(site, "check")
    assert code == 2
    assert "mkdocs.yml 中 max_file_kb 应为一个正整数（单位 KB），如 1024。" in err


@pytest.mark.parametrize("key", ["是否行政规范性文件", "草稿", "需要解读", "示例"])
@pytest.mark.parametrize("value, shape", [("[是, 否]", "一个列表"), ("{是: 否}", "一组子字段")])
def test_a_list_or_mapping_in_a_yes_no_field(make_site, key, value, shape):
    code, lines = check(make_site, {POLICY_PATH: with_field(f"{key}: {value}")})
    assert code == 1
    assert lines == [f"{POLICY_PATH}:10: bad-bool 字段“{key}”应为 true 或 false（也可写“是”或“否”），现在是{shape}。"]


@pytest.mark.parametrize("value, shape", [("[2017-06-06]", "一个列表"), ("{年: 2017}", "一组子字段")])
def test_a_list_or_mapping_in_a_date_field(make_site, value, shape):
    code, lines = check(make_site, {POLICY_PATH: SEED_POLICY.replace("成文日期: 2017-06-06", f"成文日期: {value}")})
    assert code == 1
    assert lines == [f"{POLICY_PATH}:8: bad-date 字段“成文日期”应为一个日期，如“2017-06-06”（年-月-日），现在是{shape}。"]


@pytest.mark.parametrize("key, line, blank", [
    ("标题", 2, "'   '"),
    ("发文机关", 5, '"\\u3000\\u200b"'),
    ("发文机关", 5, '"\\n\\t"'),
])
def test_a_required_field_with_only_blanks_is_an_error(make_site, key, line, blank):
    old = next(row for row in SEED_POLICY.splitlines() if row.startswith(f"{key}:"))
    code, lines = check(make_site, {POLICY_PATH: SEED_POLICY.replace(old, f"{key}: {blank}")})
    assert code == 1
    assert lines == [f"{POLICY_PATH}:{line}: blank-field 必填字段“{key}”只有空格或不可见字符，没有内容。请填写{key}。"]


def test_a_deeply_nested_value_is_an_error_not_a_crash(make_site):
    code, lines = check(make_site, {POLICY_PATH: with_field("备注: " + "[" * 3000 + "]" * 3000)})
    assert code == 1
    assert lines == [f"{POLICY_PATH}:10: yaml YAML 格式错误：方括号、花括号或缩进嵌套得太深（超过 1000 层）。"
                     "字段的值最多是一个列表或一组子字段，请改正。"]


def test_a_control_character_in_a_value_is_named(make_site):
    fees = FEE_ENTRY.replace("执收单位: 通辽市自然资源局", '执收单位: "通辽市\\x01自然资源局"')
    code, lines = check(make_site, {FEES_PATH: fees})
    assert code == 1
    assert lines == [f"{FEES_PATH}:2: control-char 字段“执收单位”的值含有不可见的控制字符（U+0001），"
                     "网页、表格和搜索都无法正确处理。请删去它（常见于从其他软件复制来的文字）。"]
