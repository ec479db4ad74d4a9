"""法定主动公开内容: each item of Articles 20 and 21 with the pages and documents that fill it."""

from __future__ import annotations

from ..derive.statutory import FilledItem
from ..model.statutory import CATALOG, FEES, GAZETTE, ORGANISATION, POLICIES
from . import urls
from .html import date_text, esc, link
from .library import newest_first
from .listing import front_matter

SHOWN = 5

# The page each data source is read on.
DATA_PAGES = {
    ORGANISATION: ("机关职能、机构设置和联系方式", urls.ORGANISATION),
    FEES: ("行政事业性收费和政府性基金目录清单", urls.FEES),
    CATALOG: ("政府信息主动公开目录清单", urls.CATALOG),
    GAZETTE: ("政府公报", urls.GAZETTE),
    POLICIES: ("政策文件库", urls.POLICIES),
}


def _item(filled: FilledItem, here: str) -> str:
    item = filled.item
    links = [link(urls.relative(here, DATA_PAGES[d][1]), DATA_PAGES[d][0]) for d in filled.data]
    docs = newest_first(list(filled.policies))
    entries = "".join(
        f'<li>{link(urls.relative(here, p.url), p.title)} <span class="gk-article__date">'
        f"{esc(date_text(p.published))}</span></li>" for p in docs[:SHOWN])
    more = ""
    if len(docs) > SHOWN:
        topics = [t for t in item.topics if any(t in p.topics for p in docs)]
        where = (link(urls.relative(here, urls.by_topic(topics[0])), f"主题分类：{topics[0]}") if topics
                 else link(urls.relative(here, urls.SEARCH), "站内搜索"))
        more = f'<p class="gk-article__more">共 {len(docs)} 件，更多见{where}。</p>'
    body = ""
    if links:
        body += f'<p class="gk-article__links">{"、".join(links)}</p>'
    if entries:
        body += f'<ul class="gk-article__docs">{entries}</ul>{more}'
    if not body:
        body = '<p class="gk-empty">本项内容尚未发布。</p>'
    return (f'<li id="{item.anchor}"><p class="gk-article__title">{esc(item.title)}</p>{body}</li>')


def statutory_page(items: list[FilledItem]) -> str:
    """法定主动公开内容, organised by the items of Article 20 (and 21 where it applies)."""
    here = urls.STATUTORY
    parts = [front_matter("法定主动公开内容"), "<h1>法定主动公开内容</h1>\n\n",
             '<p class="gk-intro">按《中华人民共和国政府信息公开条例》第二十条（设区的市级、县级人民政府还有第二十一条）'
             "列出行政机关应当主动公开的政府信息，每项链接到本网站公开的相应内容。信息形成或者变更之日起"
             " 20 个工作日内予以公开（第二十六条）。</p>\n\n"]
    for article, heading in ((20, "第二十条　行政机关应当主动公开的政府信息"),
                             (21, "第二十一条　设区的市级、县级人民政府还应当主动公开的政府信息")):
        chosen = [f for f in items if f.item.article == article]
        if chosen:
            parts.append(f'<h2 id="tiao-{article}">{heading}</h2>\n'
                         f'<ol class="gk-article">{"".join(_item(f, here) for f in chosen)}</ol>\n')
    return "".join(parts)
