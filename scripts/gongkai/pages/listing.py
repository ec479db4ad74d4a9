"""Paginated lists of documents: at most 50 a page, each with 文号, 发布日期 and a status badge."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass

from ..model.status import Status
from . import urls
from .html import badge, date_text, esc, link

PER_PAGE = 50


@dataclass(frozen=True)
class Entry:
    """One document in a listing."""

    title: str
    url: str
    doc_number: str | None
    published: dt.date
    status: Status | None
    note: str = ""


def front_matter(title: str, **extra: str) -> str:
    """YAML front matter for a generated page (JSON strings are valid YAML)."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines += [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def paginate(base: str, title: str, entries: list[Entry], *, intro_html: str = "",
             first_page_html: str = "", back: tuple[str, str] | None = None,
             per_page: int = PER_PAGE) -> dict[str, str]:
    """Every page of a listing at ``base``: {virtual src_uri: Markdown}."""
    pages = {}
    count = max(1, math.ceil(len(entries) / per_page))
    for number in range(1, count + 1):
        here = urls.page_url(base, number)
        chunk = entries[(number - 1) * per_page: number * per_page]
        heading = title if number == 1 else f"{title}（第 {number} 页）"
        parts = [front_matter(heading), f"<h1>{esc(heading)}</h1>\n", intro_html]
        if back:
            parts.append(f'<p class="gk-back">{link(urls.relative(here, back[0]), back[1])}</p>\n')
        if number == 1:
            parts.append(first_page_html)
        parts.append(f'<p class="gk-count">共 {len(entries)} 件'
                     + (f"，第 {number} / {count} 页" if count > 1 else "") + "。</p>\n")
        parts.append(render_entries(chunk, here, start=(number - 1) * per_page + 1))
        if count > 1:
            parts.append(_pager(base, here, number, count))
        pages[urls.src_uri(here)] = "\n".join(p for p in parts if p)
    return pages


def render_entries(entries: list[Entry], here: str, start: int = 1) -> str:
    """An ordered list of documents, as HTML."""
    if not entries:
        return '<p class="gk-empty">暂无文件。</p>\n'
    items = []
    for e in entries:
        meta = []
        if e.note:
            meta.append(f"<span>{esc(e.note)}</span>")
        if e.doc_number:
            meta.append(f'<span class="gk-item__number">{esc(e.doc_number)}</span>')
        meta.append(f'<span class="gk-item__date">发布日期：<time datetime="{e.published.isoformat()}">'
                    f"{esc(date_text(e.published))}</time></span>")
        if e.status:
            meta.append(badge(e.status))
        items.append(f'<li class="gk-item">{link(urls.relative(here, e.url), e.title, class_="gk-item__title")}'
                     f'<p class="gk-item__meta">{"".join(meta)}</p></li>')
    start_attr = f' start="{start}"' if start != 1 else ""
    return f'<ol class="gk-list"{start_attr}>\n' + "\n".join(items) + "\n</ol>\n"


def _pager(base: str, here: str, number: int, count: int) -> str:
    links = []
    if number > 1:
        links.append(link(urls.relative(here, urls.page_url(base, number - 1)), "上一页",
                          rel="prev", class_="gk-pager__prev"))
    links.append(f'<span class="gk-pager__where">第 {number} / {count} 页</span>')
    if number < count:
        links.append(link(urls.relative(here, urls.page_url(base, number + 1)), "下一页",
                          rel="next", class_="gk-pager__next"))
    return f'<nav class="gk-pager" aria-label="分页">{"".join(links)}</nav>\n'
