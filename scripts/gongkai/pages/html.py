"""Small HTML pieces shared by every generated page; all text is escaped here."""

from __future__ import annotations

import datetime as dt
import re
from html import escape, unescape

from ..model.status import Status

# One class per status, so print and high-contrast styles can tell them apart without colour.
BADGE_CLASSES = {
    Status.IN_FORCE: "gk-badge--in-force",
    Status.AMENDED: "gk-badge--amended",
    Status.REPEALED: "gk-badge--repealed",
    Status.EXPIRED: "gk-badge--expired",
    Status.NOT_YET_IN_FORCE: "gk-badge--not-yet",
}


def esc(text: object) -> str:
    """Text made safe for HTML, quotes included."""
    return escape(str(text), quote=True)


def link(href: str, text: str, **attrs: str) -> str:
    """An <a> element; ``text`` is escaped."""
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def badge(status: Status) -> str:
    """A status badge: the word itself carries the meaning, the colour only repeats it."""
    return f'<span class="gk-badge {BADGE_CLASSES[status]}">{esc(status.label)}</span>'


def date_text(value: dt.date | None) -> str:
    """A date as Chinese readers write it: 2017年6月8日."""
    return f"{value.year}年{value.month}月{value.day}日" if value else "—"


def size_text(size: int) -> str:
    """A file size a reader on a slow link can judge: 12 KB, 1.5 MB."""
    if size < 1024:
        return f"{size} 字节"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


_TABLE = re.compile(r"<table(?P<attrs>[^>]*)>.*?</table>", re.S)


def wrap_tables(html: str, label: str = "表格") -> str:
    """Put each table in a focusable scroll region, so a keyboard can scroll a wide table on a phone."""
    count = 0

    def wrap(match: re.Match) -> str:
        nonlocal count
        count += 1
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", match.group(0), re.S)
        name = unescape(re.sub(r"<[^>]+>", "", caption.group(1))).strip() if caption else f"{label} {count}"
        return (f'<div class="gk-table-scroll" role="region" tabindex="0" aria-label="{esc(name)}">'
                f"{match.group(0)}</div>")
    return _TABLE.sub(wrap, html)
