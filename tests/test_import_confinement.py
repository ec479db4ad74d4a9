"""`gongkai import` writes under content/ only: unsafe ids and folders are refused, by line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_gongkai
from tests.test_import import record, write_jsonl


def tree(root: Path) -> set[str]:
    """Every path under ``root``, links not followed."""
    return {str(Path(folder, name).relative_to(root)) for folder, dirs, names in os.walk(root)
            for name in dirs + names}


BAD_IDS = ["../../../../x", "../x", "/tmp/x", "a/b", "..", "a\\b", "%2e%2e", "x\x00y", "Ｘ"]


def test_unsafe_record_ids_are_left_out_with_their_line_and_nothing_leaves_content(make_site, tmp_path):
    site = make_site({})
    source = write_jsonl(tmp_path / "in.jsonl", record("good", "甲法", "2000-01-01"),
                         *[record(bad, f"法{n}", "2000-01-01") for n, bad in enumerate(BAD_IDS)],
                         record("x" * 101, "长法", "2000-01-01"))
    before = tree(tmp_path)
    code, out, _ = run_gongkai(site, "import", source)
    assert code == 0
    assert out.splitlines() == [
        *[f"{source}:{line}: 未导入 {bad}：id“{bad}”含有不能用作文件名的字符（只能用英文字母、数字、连字符）。"
          for line, bad in enumerate(BAD_IDS, 2)],
        f"{source}:{len(BAD_IDS) + 2}: 未导入 {'x' * 101}：id 有 101 个字符，超过了 100 个，不能用作文件名。请缩短它。",
    ]
    written = tree(tmp_path) - before
    assert written == {"site-root/导入报告.md", "site-root/content/policies", "site-root/content/policies/fagui",
                       "site-root/content/policies/fagui/good.md"}


@pytest.mark.parametrize("into, part", [
    ("policies/../../..", ".."),
    ("policies/../../../etc", ".."),
    ("policies/./x", "."),
    ("policies//x", ""),
    ("policies/a b", "a b"),
    ("policies/~", "~"),
])
def test_an_into_folder_that_could_leave_content_is_refused(make_site, tmp_path, into, part):
    site = make_site({})
    source = write_jsonl(tmp_path / "in.jsonl", record("good", "甲法", "2000-01-01"))
    before = tree(tmp_path)
    code, out, err = run_gongkai(site, "import", source, "--into", into)
    assert (code, out) == (2, "")
    assert err == (f"--into“{into}”中的“{part}”不能用作文件夹名：每一级只能用英文字母、数字、连字符和下划线，"
                   "不能是“..”或空，例如 policies/fagui。没有导入任何文件。\n")
    assert tree(tmp_path) == before


def test_a_linked_folder_is_not_written_through(make_site, tmp_path):
    site = make_site({})
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "content" / "policies").mkdir()
    (site / "content" / "policies" / "fagui").symlink_to(outside)
    source = write_jsonl(tmp_path / "in.jsonl", record("good", "甲法", "2000-01-01"))
    code, out, err = run_gongkai(site, "import", source)
    assert (code, out) == (2, "")
    assert err == ("“content/policies/fagui”是一个符号链接，导入的文件会写到 content/ 之外。"
                   "没有导入任何文件：请删除这个链接，或用 --into 指定其他文件夹。\n")
    assert list(outside.iterdir()) == []
    assert not (site / "导入报告.md").exists()
