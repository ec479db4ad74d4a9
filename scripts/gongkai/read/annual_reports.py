"""Read data/nianbao/<year>.yml: one 政府信息公开工作年度报告 a file, named by its year."""

from __future__ import annotations

import re
from pathlib import Path

from ..config import DEFAULT_MAX_FILE_KB
from ..model.annual_report import ANNUAL_REPORT, COUNTED_ROWS, DECISION_ROWS, AnnualReport
from ..problem import Problem
from .data_record import named_files, read_record

FOLDER = "nianbao"
_YEAR = re.compile(r"^(\d{4})\.yml$")


def read_annual_reports(data_path: Path, root: Path,
                        max_kb: int = DEFAULT_MAX_FILE_KB) -> tuple[list[AnnualReport], list[Problem]]:
    """Every report under data/nianbao/, oldest first."""
    files, problems = named_files(data_path / FOLDER, root, _YEAR, "annual-file-name",
                                  "年度报告文件应以年份命名，如“2025.yml”；")
    reports = []
    for file, rel, match in files:
        values, lines, found = read_record(file, rel, ANNUAL_REPORT, max_kb)
        problems += found
        if values is None:
            continue
        where = {key: node.line for key, node in lines.keys.items()}
        for group in ("收到和处理政府信息公开申请情况", "行政复议和行政诉讼情况"):
            node = lines.keys.get(group)
            where |= {f"{group}/{k}": n.line for k, n in (node.keys.items() if node else ())}
        reports.append(AnnualReport(
            year=int(match.group(1)), body=values["body"], published=values["published"],
            overview=values["overview"], problems=values["problems"], other=values["other"],
            entered={row: values[row] for row in COUNTED_ROWS if values[row]},
            decisions={row: values[row] for row in (*DECISION_ROWS, "行政事业性收费")},
            requests={k: v for k, v in values["requests"].items() if v},
            reviews={k: v for k, v in values["reviews"].items() if v},
            sample=bool(values["sample"]), path=rel, lines=where,
        ))
    return reports, problems
