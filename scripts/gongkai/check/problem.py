"""The problem format, as the rules use it (defined in gongkai.problem for read/ too)."""

from ..problem import Problem, Severity, error, sort_problems, summarize, warning

__all__ = ["Problem", "Severity", "error", "sort_problems", "summarize", "warning"]
