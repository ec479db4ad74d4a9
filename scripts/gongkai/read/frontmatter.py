"""Split a Markdown file into its YAML front matter (with line numbers) and body."""

from __future__ import annotations

from dataclasses import dataclass

from ..problem import Problem, error
from . import yaml_lines
from .text import decode


@dataclass
class Parsed:
    """A Markdown file's front matter, the line of each key, and its body."""

    meta: dict
    lines: yaml_lines.Lines
    body: str
    body_line: int


def parse(raw: bytes, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Read a content file; return None with problems when it cannot be used."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    rows = text.split("\n")
    if not rows or rows[0].strip() != "---":
        return None, problems + [error(
            path, 1, "no-front-matter",
            "文件第一行应为“---”，开始前置信息（标题、文号、日期等字段）。"
            "请在文件开头加上以“---”开头和结尾的字段区。",
        )]
    end = next((i for i in range(1, len(rows)) if rows[i].rstrip() in ("---", "...")), None)
    if end is None:
        return None, problems + [error(
            path, 1, "unclosed-front-matter",
            "第 1 行的“---”开始了前置信息，但后面没有结束它的“---”。"
            "请在最后一个字段之后单独一行写上“---”，再写正文。",
        )]
    data, lines, yaml_problems = yaml_lines.load("\n".join(rows[1:end]), 2, path)
    problems += yaml_problems
    if lines is None:
        return None, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, problems + [error(
            path, 2, "front-matter-shape",
            "前置信息应是一行一个“字段: 值”。请检查是否误写成了列表或一段文字。",
        )]
    body = "\n".join(rows[end + 1:])
    return Parsed(data, lines, body, end + 2), problems
