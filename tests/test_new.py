"""`gongkai new`: a draft pair that passes the checks and publishes together once finished."""

from __future__ import annotations

import pytest

from gongkai.read.frontmatter import parse
from tests.conftest import run_gongkai


def test_new_pair_passes_check_as_drafts_and_after(make_site):
    site = make_site({})
    code, out, _ = run_gongkai(site, "new", "tongcaigui-2026-1", "--title", "关于测试的通知",
                               "--issuer", "通辽市财政局", "--number", "通财规〔2026〕1号")
    assert code == 0
    assert out.splitlines() == [
        "已新建 content/policies/2026/tongcaigui-2026-1.md",
        "已新建 content/interpretations/2026/jiedu-tongcaigui-2026-1.md",
    ]
    assert run_gongkai(site, "check")[0] == 0
    for rel in out.replace("已新建 ", "").splitlines():
        path = site / rel
        path.write_text(path.read_text(encoding="utf-8").replace("草稿: true\n", ""), encoding="utf-8")
    assert run_gongkai(site, "check") == (0, "", "检查通过：没有发现问题。\n")


def test_new_refuses_to_overwrite_and_bad_names(make_site):
    site = make_site({})
    args = ("new", "x-1", "--title", "甲", "--issuer", "通辽市财政局")
    assert run_gongkai(site, *args)[0] == 0
    code, _, err = run_gongkai(site, *args)
    assert code == 1 and "没有新建任何文件" in err
    code, _, err = run_gongkai(site, "new", "通知", "--title", "甲", "--issuer", "乙")
    assert code == 2 and "只能用英文小写字母" in err


HOSTILE_TITLES = [
    "关于印发 #2 号方案的通知", "[试行]管理办法", "关于: 测试的通知", "'单引号'开头", '"双引号"开头',
    "&anchor 标题", "*alias 标题", "!tag 标题", "!!python/object:os.system", "- 像列表项", "? 像键",
    "| 像块", "> 像折叠", "%YAML 1.2", "@开头", "`反引号`", "true", "null", "~", "2026-01-01", "123",
    "0x10", "标题 # 像注释", "{a: b}", "[a, b]", "反斜杠\\n不换行", "---", "...", "=HYPERLINK(\"x\")",
    "  前后空格  ", "全角　空格", "关于《测试》的通知（试行）", "&lt;b&gt;实体&lt;/b&gt;",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_any_title_reads_back_exactly_as_typed(make_site, title):
    site = make_site({})
    code, out, _ = run_gongkai(site, "new", "x-1", f"--title={title}", "--issuer", "通辽市财政局: 办公室",
                               "--number", "通财规〔2026〕1号 #1")
    assert code == 0
    policy, interpretation = (parse((site / rel).read_bytes(), rel)[0].meta
                              for rel in out.replace("已新建 ", "").splitlines())
    assert (policy["标题"], policy["发文机关"], policy["文号"]) == (title, "通辽市财政局: 办公室", "通财规〔2026〕1号 #1")
    assert (interpretation["标题"], interpretation["解读对象"]) == (f"《{title}》政策解读", "通财规〔2026〕1号 #1")
    code, out, _ = run_gongkai(site, "check")
    assert (code, out) == (0, "")


@pytest.mark.parametrize("option, value, message", [
    ("--title", "第一行\n第二行", "--title 不能含有换行、制表符或其他控制字符，请写在一行里。"),
    ("--title", "  ", "--title 不能为空。"),
    ("--issuer", "财政局\x1b[31m", "--issuer 不能含有换行、制表符或其他控制字符，请写在一行里。"),
    ("--number", "", "--number 不能为空。"),
])
def test_a_value_that_cannot_be_one_line_is_refused(make_site, option, value, message):
    site = make_site({})
    args = {"--title": "甲", "--issuer": "乙"} | {option: value}
    code, _, err = run_gongkai(site, "new", "x-1", *[part for pair in args.items() for part in pair])
    assert (code, err) == (2, message + "\n")
    assert not (site / "content/policies").exists()
