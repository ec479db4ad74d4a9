"""CSV and TXT attachments: `gongkai check` warns about any that is not UTF-8 with a BOM."""

from __future__ import annotations

import pytest

from gongkai.check.attachments import SAMPLE_BYTES
from gongkai.read.text import text_encoding

from .conftest import ROOT, SEED_POLICY, paired_site_files, run_gongkai

TABLE = "时段,时间\r\n上午,8:30\r\n"
HOW = ("请转存为“带有 BOM 的 UTF-8”：用记事本打开后“另存为”，编码选“带有 BOM 的 UTF-8”"
       "（表格也可在 Excel 中另存为“CSV UTF-8（逗号分隔）”），再替换这个文件。")


def site_with(make_site, name: str, raw: bytes):
    policy = SEED_POLICY.replace("发布日期: 2017-06-08", f"发布日期: 2017-06-08\n附件:\n  - 名称: 附表\n    文件: {name}")
    return make_site(paired_site_files() | {"content/policies/2017/seed.md": policy,
                                            f"content/policies/2017/{name}": raw})


def encoding_warnings(site) -> list[str]:
    code, out, _ = run_gongkai(site, "check")
    assert code == 0, out
    return [line for line in out.splitlines() if " attachment-encoding " in line]


@pytest.mark.parametrize(("name", "raw", "why"), [
    ("biao.csv", TABLE.encode("utf-8"),
     "是没有 BOM 的 UTF-8 文本，中文版 Windows 上的 Excel 会把它当作 GBK 打开，中文显示为乱码。"),
    ("shuoming.txt", "说明文字\r\n".encode(),
     "是没有 BOM 的 UTF-8 文本，中文版 Windows 上的旧版记事本等软件会把它当作 GBK 打开，中文显示为乱码。"),
    ("biao.csv", TABLE.encode("gbk"), "是 GBK（GB18030）编码，在手机、苹果电脑和浏览器中打开时中文会显示为乱码。"),
    ("biao.csv", b"\xff\xfe\x00\xd8a\x00", "的编码无法识别（既不是 UTF-8，也不是 GBK），打开时很可能是乱码。"),
])
def test_a_text_attachment_without_a_bom_is_named_with_what_to_do(make_site, name, raw, why):
    site = site_with(make_site, name, raw)
    path = f"content/policies/2017/{name}"
    what = HOW if "无法识别" not in why else "请核对原件后" + HOW.removeprefix("请")
    assert encoding_warnings(site) == [f"{path}:1: attachment-encoding 警告：附件“{path}”{why}{what}"]


@pytest.mark.parametrize(("name", "raw"), [
    ("biao.csv", b"\xef\xbb\xbf" + TABLE.encode("utf-8")),
    ("biao.csv", b"a,b\r\n1,2\r\n"),  # ASCII only: the same in every encoding
    ("biao.pdf", TABLE.encode("utf-8")),
])
def test_utf8_with_a_bom_plain_ascii_and_other_types_pass(make_site, name, raw):
    assert encoding_warnings(site_with(make_site, name, raw)) == []


def test_the_sample_portals_text_attachments_carry_a_bom():
    files = [*ROOT.glob("content/**/*.csv"), *ROOT.glob("content/**/*.txt")]
    assert files and all(f.read_bytes().startswith(b"\xef\xbb\xbf") for f in files)


def test_a_large_file_is_told_from_its_first_megabyte_even_cut_inside_a_character():
    head = ("收费" * 200_000).encode()[:SAMPLE_BYTES]
    assert len(head) == SAMPLE_BYTES and head[-1] >= 0x80
    assert text_encoding(head, whole=False) == "utf-8"
    assert text_encoding(b"\xef\xbb\xbf" + head[3:], whole=False) == "utf-8-sig"
