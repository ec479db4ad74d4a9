"""gongkai report expiring: normative documents whose 有效期 ends within N days, as table and CSV."""

from __future__ import annotations

from tests.conftest import run_gongkai

DOC = """\
---
标题: {title}
文号: {number}
发文机关: 通辽市财政局
公文种类: 通知
是否行政规范性文件: {normative}
主题分类: 财政、金融、审计
成文日期: 2023-01-10
发布日期: 2023-01-12
有效期至: {expires}
需要解读: false
免于解读理由: 程序性规定。
---
正文。
"""


def doc(title: str, number: str, expires: str, normative: str = "true") -> str:
    return DOC.format(title=title, number=number, expires=expires, normative=normative)


def site_files() -> dict[str, str]:
    return {
        "content/policies/2023/soon.md": doc("即将到期的办法", "通财规〔2023〕1号", "2027-03-31"),
        "content/policies/2023/later.md": doc("较晚到期的办法", "通财规〔2023〕2号", "2028-12-31"),
        "content/policies/2023/gone.md": doc("已经到期的办法", "通财规〔2023〕3号", "2026-06-30"),
        "content/policies/2023/plain.md": doc("非规范性文件", "通财发〔2023〕4号", "2027-01-31", "false"),
    }


def test_table_lists_only_normative_documents_due_within_the_window(make_site):
    site = make_site(site_files())
    code, out, _ = run_gongkai(site, "report", "expiring", "--within", "180", as_of="2026-11-29")
    assert code == 0
    assert out.splitlines() == [
        "有效期将在 180 天内（2026-11-29 至 2027-05-28）届满的行政规范性文件：",
        "有效期至    剩余天数  文号               标题            发文机关      有效性",
        "----------  --------  -----------------  --------------  ------------  ------",
        "2027-03-31  122       通财规〔2023〕1号  即将到期的办法  通辽市财政局  有效",
        "共 1 件。",
    ]


def test_changing_the_build_date_changes_the_report(make_site):
    site = make_site(site_files())
    code, out, _ = run_gongkai(site, "report", "expiring", "--within", "180", as_of="2020-01-01")
    assert (code, out) == (0, "有效期将在 180 天内（2020-01-01 至 2020-06-29）届满的行政规范性文件：没有。\n")
    _, out, _ = run_gongkai(site, "report", "expiring", "--within", "180", as_of="2026-05-01")
    assert "已经到期的办法" in out and "即将到期的办法" not in out


def test_csv_is_utf8_with_bom(make_site, tmp_path):
    site = make_site(site_files())
    target = tmp_path / "expiring.csv"
    code, _, err = run_gongkai(site, "report", "expiring", "--within", "400", "--csv", str(target))
    assert code == 0 and f"已另存为 {target}" in err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "有效期至,剩余天数,文号,标题,发文机关,有效性,文件编号",
        "2027-03-31,122,通财规〔2023〕1号,即将到期的办法,通辽市财政局,有效,policies/2023/soon",
    ]


def test_negative_window_is_a_usage_error(make_site):
    code, _, err = run_gongkai(make_site(site_files()), "report", "expiring", "--within", "-1")
    assert code == 2 and "--within 应为不小于 0 的天数" in err
