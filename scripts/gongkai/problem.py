"""The one shape of every problem: ``path:line: code message``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True, order=True)
class Problem:
    """Something an editor must fix, with where it is and what to do."""

    path: str
    line: int
    code: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "警告：" if self.severity is Severity.WARNING else ""
        return f"{self.path}:{self.line}: {self.code} {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, code: str, message: str) -> Problem:
    """Make a problem that fails the build."""
    return Problem(path, line, code, message, Severity.ERROR)


def warning(path: str, line: int, code: str, message: str) -> Problem:
    """Make a problem that is reported but only fails a strict build."""
    return Problem(path, line, code, message, Severity.WARNING)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Order problems by file and line so the report reads top to bottom."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.code, p.message))


def summarize(problems: list[Problem]) -> str:
    """One closing line: how many errors and warnings."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "检查通过：没有发现问题。"
    return f"共发现 {errors} 个错误、{warnings} 个警告。请按上面每一行的提示修改后重新检查。"
