"""Read a data file that describes one thing (the organisation, a year's report, a gazette issue)."""

from __future__ import annotations

from pathlib import Path

from ..model.fields import Schema
from ..problem import Problem, error
from . import yaml_lines
from .text import decode
from .values import FieldReader


def read_record(file: Path, rel_path: str, schema: Schema) -> tuple[dict | None, int, list[Problem]]:
    """The fields of ``file`` as {attr: value}, or None when it cannot be used; and its problems."""
    text, problems = decode(file.read_bytes(), rel_path)
    if text is None:
        return None, 1, problems
    data, lines, yaml_problems = yaml_lines.load(text, 1, rel_path)
    problems += yaml_problems
    if lines is None:
        return None, 1, problems
    if not isinstance(data, dict):
        return None, 1, problems + [error(
            rel_path, 1, "data-shape",
            f"{schema.name}文件应由“字段: 值”组成，每行一个字段（可用 gongkai schema 查看全部字段）。",
        )]
    reader = FieldReader(schema, rel_path, lines, where="这个文件中")
    values = reader.read(data)
    problems += reader.problems
    if any(p.is_error for p in problems):
        return None, 1, problems
    return values, lines.line, problems
