"""Fixtures: tiny real sites built from a dict of files, and the CLI run in-process."""

from __future__ import annotations

import contextlib
import io
import os
import textwrap
from pathlib import Path

import pytest
import yaml

from gongkai.cli import main as gongkai_main

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
AS_OF = "2026-11-29"

BASE_CONFIG = {
    "site_name": "测试门户",
    "site_url": "https://test.example.gov.cn/",
    "docs_dir": "content",
    "site_dir": "site",
    "theme": {
        "name": "material",
        "language": "zh",
        "custom_dir": str(ROOT / "theme_overrides"),
        "font": False,
    },
    "plugins": [{"gongkai": {}}],
}

SEED_POLICY = """\
---
标题: 关于印发测试方案的通知
文号: 通政办字〔2017〕157号
索引号: 115223000115559370/2017-00157
发文机关: 通辽市人民政府办公厅
公文种类: 通知
主题分类: 综合政务
成文日期: 2017-06-06
发布日期: 2017-06-08
---
## 正文

测试正文。
"""

SEED_INTERPRETATION = """\
---
标题: 《关于印发测试方案的通知》解读
解读对象: 通政办字〔2017〕157号
解读形式: 文字
解读单位: 通辽市人民政府办公厅
发布日期: 2017-06-08
---
## 背景

测试解读。
"""


def write_site(root: Path, files: dict[str, str | bytes], plugin: dict | None = None) -> Path:
    """Write a complete tiny site: mkdocs.yml, content/index.md and ``files``."""
    config = dict(BASE_CONFIG)
    # A tiny site holds one or two documents and leaves most statutory items empty on purpose;
    # the empty-item rule is tested on its own (tests/test_statutory.py) by asking for it.
    config["plugins"] = [{"gongkai": {"statutory_rule": "off"} | dict(plugin or {})}]
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    all_files = {"content/index.md": "# 首页\n"} | files
    for rel, text in all_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path):
    """make_site(files={...}, plugin={...}) → the root of a tiny site in tmp_path."""

    def make(files: dict[str, str | bytes] | None = None, plugin: dict | None = None,
             name: str = "site-root") -> Path:
        return write_site(tmp_path / name, files or {}, plugin)

    return make


def paired_site_files() -> dict[str, str]:
    """One policy with its synchronous interpretation: the smallest valid portal."""
    return {
        "content/policies/2017/seed.md": SEED_POLICY,
        "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION,
    }


def run_gongkai(site: Path, *args: str, as_of: str = AS_OF) -> tuple[int, str, str]:
    """Run `gongkai --as-of AS_OF ARGS` in ``site``; return (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(site)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = gongkai_main(["--as-of", as_of, *args])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
    finally:
        os.chdir(cwd)
    return code, out.getvalue(), err.getvalue()
