"""Cells a spreadsheet program reads as text, never as a formula (CSV and formula injection)."""

from __future__ import annotations

import re

# Excel, WPS and LibreOffice start a formula at = + - @, and some at a tab, a line break or
# another control character before one; a plain number such as -3 is no formula.
_FORMULA_START = re.compile(r"^[=+\-@\x00-\x1f\x7f]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet program could run ``text`` as a formula."""
    return bool(_FORMULA_START.match(text)) and not _NUMBER.match(text)


def inert_csv_cell(text: str) -> str:
    """``text`` for a CSV cell: a leading apostrophe, as a spreadsheet user types it, keeps a formula as text."""
    return "'" + text if starts_formula(text) else text
