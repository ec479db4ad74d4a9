"""Read data/gongbao/<year>-<number>.yml: the issues of the 政府公报."""

from __future__ import annotations

import re
from pathlib import Path

from ..config import DEFAULT_MAX_FILE_KB
from ..model.gazette import GAZETTE_ISSUE, GazetteIssue
from ..problem import Problem, error
from .data_record import named_files, read_record

FOLDER = "gongbao"
_NAME = re.compile(r"^(\d{4})-(\d{1,3})\.yml$")


def read_gazette(data_path: Path, content_path: Path, root: Path,
                 max_kb: int = DEFAULT_MAX_FILE_KB) -> tuple[list[GazetteIssue], list[Problem]]:
    """Every issue under data/gongbao/, by year and number."""
    files, problems = named_files(data_path / FOLDER, root, _NAME, "gazette-file-name",
                                  "政府公报文件应以“年份-期号”命名，如“2017-6.yml”；")
    issues = []
    for file, rel, match in files:
        values, lines, found = read_record(file, rel, GAZETTE_ISSUE, max_kb)
        problems += found
        if values is None:
            continue
        pdf = content_path / values["pdf"]
        if not pdf.is_file():
            problems.append(error(rel, lines.of("PDF"), "gazette-pdf",
                                  f"找不到本期公报的 PDF 文件“{values['pdf']}”（应在 content/ 下）。"
                                  "请把文件放到这个位置，或改正路径。"))
            continue
        issues.append(GazetteIssue(
            year=int(match.group(1)), number=int(match.group(2)), path=rel, pdf_size=pdf.stat().st_size,
            lines=tuple((key, node.line) for key, node in lines.keys.items()),
            total_number=int(values["total_number"]) if values["total_number"] else None,
            date=values["date"], pdf=values["pdf"], documents=values["documents"], sample=bool(values["sample"]),
        ))
    return sorted(issues, key=lambda i: (i.year, i.number)), problems
