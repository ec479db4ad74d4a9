"""`gongkai new`: a draft pair that passes the checks and publishes together once finished."""

from __future__ import annotations

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
