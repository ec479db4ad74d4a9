"""Read the YAML data lists in data/ (fee list, disclosure catalog)."""

from __future__ import annotations

from pathlib import Path

from ..config import DEFAULT_MAX_FILE_KB
from ..model.data_lists import DATA_LISTS, LIST_HEAD
from ..problem import Problem, error
from . import yaml_lines
from .text import decode, read_bounded
from .values import FieldReader


def read_data_list(file: Path, rel_path: str) -> tuple[list, list[Problem]]:
    """Read one data file; each entry becomes a FeeItem or CatalogEntry."""
    entries, _, problems = read_list(file, rel_path)
    return entries, problems


def read_list(file: Path, rel_path: str, max_kb: int = DEFAULT_MAX_FILE_KB):
    """Entries, review date (None when the file gives none) and problems of one data list."""
    schema, cls = DATA_LISTS[file.name]
    raw, problems = read_bounded(file, rel_path, max_kb)
    if raw is None:
        return [], None, problems
    text, problems = decode(raw, rel_path)
    if text is None:
        return [], None, problems
    data, lines, yaml_problems = yaml_lines.load(text, 1, rel_path)
    problems += yaml_problems
    if lines is None:
        return [], None, problems
    if data is None:
        data = []
    reviewed = None
    if isinstance(data, dict) and "条目" in data:
        head = FieldReader(LIST_HEAD, rel_path, lines, where="文件开头")
        reviewed = head.read({k: v for k, v in data.items() if k != "条目"})["reviewed"]
        problems += head.problems
        lines, data = lines.keys["条目"], data["条目"] or []
    if not isinstance(data, list):
        return [], reviewed, problems + [error(
            rel_path, 1, "data-shape",
            f"{schema.name}文件应是一个列表：每个条目以“- ”开头，下面每行一个字段。",
        )]
    entries = []
    for index, raw in enumerate(data):
        item_lines = lines.items[index]
        if not isinstance(raw, dict):
            problems.append(error(
                rel_path, item_lines.line, "data-shape",
                f"第 {index + 1} 个条目应是“字段: 值”的组合，每行一个字段。",
            ))
            continue
        reader = FieldReader(schema, rel_path, item_lines, where="这一条目中")
        values = reader.read(raw)
        problems += reader.problems
        if not reader.problems:
            entries.append(cls(line=item_lines.line, **values))
    return entries, reviewed, problems
