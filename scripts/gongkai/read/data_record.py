"""Read a data file that describes one thing (the organisation, a year's report, a gazette issue)."""

from __future__ import annotations

import re
from pathlib import Path

from ..config import DEFAULT_MAX_FILE_KB
from ..model.fields import Schema
from ..problem import Problem, error
from . import yaml_lines
from .text import decode, read_bounded
from .values import FieldReader
from .yaml_lines import Lines


def read_record(file: Path, rel_path: str, schema: Schema,
                max_kb: int = DEFAULT_MAX_FILE_KB) -> tuple[dict | None, Lines, list[Problem]]:
    """The fields of ``file`` as {attr: value} (None when it cannot be used), their lines, its problems."""
    raw, problems = read_bounded(file, rel_path, max_kb)
    if raw is None:
        return None, Lines(1), problems
    text, problems = decode(raw, rel_path)
    if text is None:
        return None, Lines(1), problems
    data, lines, yaml_problems = yaml_lines.load(text, 1, rel_path)
    problems += yaml_problems
    if lines is None:
        return None, Lines(1), problems
    if not isinstance(data, dict):
        return None, lines, problems + [error(
            rel_path, 1, "data-shape",
            f"{schema.name}文件应由“字段: 值”组成，每行一个字段（可用 gongkai schema 查看全部字段）。",
        )]
    reader = FieldReader(schema, rel_path, lines, where="这个文件中")
    values = reader.read(data)
    problems += reader.problems
    if any(p.is_error for p in problems):
        return None, lines, problems
    return values, lines, problems


def named_files(folder: Path, root: Path, name: re.Pattern, code: str,
                advice: str) -> tuple[list[tuple[Path, str, re.Match]], list[Problem]]:
    """The YAML files of a folder whose name says what they hold (a year, an issue); others are errors."""
    found, problems = [], []
    for file in sorted(folder.glob("*.y*ml")) if folder.is_dir() else ():
        rel = file.relative_to(root).as_posix()
        match = name.match(file.name)
        if match:
            found.append((file, rel, match))
        else:
            problems.append(error(rel, 1, code, f"{advice}“{file.name}”不是。请改名。"))
    return found, problems
