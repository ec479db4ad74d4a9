"""New documents for editors: a policy and its interpretation, as drafts that pass the checks."""

from __future__ import annotations

import datetime as dt
import re

from .importers.yaml_style import dump_value

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot name a document (its URL), or None."""
    if not SLUG.match(slug):
        return (f"文件名“{slug}”只能用英文小写字母、数字和连字符（-），例如 tongcaigui-2026-1。"
                "文件名决定网址，发布后不能再改。")
    return None


def value_problem(option: str, value: str) -> str | None:
    """Why a typed title, issuer or number cannot be a field's value, or None."""
    if not value.strip():
        return f"{option} 不能为空。"
    if CONTROL.search(value):
        return f"{option} 不能含有换行、制表符或其他控制字符，请写在一行里。"
    return None


def policy_and_interpretation(slug: str, *, title: str, issuer: str, number: str | None,
                              topic: str, day: dt.date) -> dict[str, str]:
    """Two draft files, relative to content/: they appear only once ``草稿`` is removed."""
    year = day.year
    # Every value the editor typed goes through the YAML dumper: a title with " #", "[", ": "
    # or a leading "*" reads back exactly as typed.
    number_line = dump_value("文号", number) if number else "# 文号: 通X发〔年份〕序号号\n"
    policy = (
        f"---\n{dump_value('标题', title)}{number_line}{dump_value('发文机关', issuer)}公文种类: 通知\n"
        f"主题分类: [{topic}]\n成文日期: {day}\n发布日期: {day}\n"
        "# 定稿后删除下面一行，政策文件与解读将同时发布。\n草稿: true\n---\n"
        "## 一、总体要求\n\n（正文）\n"
    )
    ref = number or f"policies/{year}/{slug}"
    interpretation = (
        f"---\n{dump_value('标题', f'《{title}》政策解读')}{dump_value('解读对象', ref)}解读形式: 文字\n"
        f"{dump_value('解读单位', issuer)}发布日期: {day}\n"
        "# 定稿后删除下面一行。\n草稿: true\n---\n"
        "## 一、起草背景\n\n## 二、主要内容\n\n## 三、适用范围\n\n## 四、新旧政策差异\n"
    )
    return {
        f"policies/{year}/{slug}.md": policy,
        f"interpretations/{year}/jiedu-{slug}.md": interpretation,
    }
