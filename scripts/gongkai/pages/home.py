"""The home page and the 政府信息公开 column: what a visitor sees first."""

from __future__ import annotations

from . import urls
from .html import esc, link
from .listing import Entry, front_matter, render_entries

LATEST = 8

# 国办公开办函〔2019〕61号: the column's four first-level entries, in this order.
COLUMN_ENTRIES = (
    ("政府信息公开指南", urls.GUIDE, "公开的范围、方式和依申请公开的渠道、时限与救济途径。"),
    ("政府信息公开制度", urls.RULES, "本机关政府信息公开工作的规章制度。"),
    ("法定主动公开内容", urls.STATUTORY, "按《政府信息公开条例》第二十条逐项公开的内容。"),
    ("政府信息公开工作年度报告", urls.ANNUAL_REPORTS, "每年 1 月 31 日前公布上一年度的工作情况。"),
)

# What the column also offers: disclosure on request and the government gazette.
SERVICES = (
    ("依申请公开", urls.REQUESTS, "受理机构、申请方式、答复时限、收费标准和申请表。"),
    ("政府公报", urls.GAZETTE, "各期公报的目录和全文，刊登的文件链接到网页版。"),
)
# Column entries the editors write themselves (content/xxgk/*.md) rather than the portal generates.
EDITOR_PAGES = {url for _, url, _ in COLUMN_ENTRIES}

LISTS = (
    ("政策文件库", urls.POLICIES, "按年份、发文机关、主题分类、有效性查找政策文件。"),
    ("政策解读", urls.INTERPRETATIONS, "与政策文件同步发布的文字、图解、问答等解读。"),
    ("行政事业性收费和政府性基金目录清单", urls.FEES, "各执收单位的收费项目、标准和依据。"),
    ("政府信息主动公开目录清单", urls.CATALOG, "各部门主动公开的事项、内容、时限和方式。"),
)


def home_sections(policies: list[Entry], interpretations: list[Entry], services=SERVICES) -> str:
    """The generated part of the home page, below any text the editors wrote."""
    here = urls.HOME
    search = (f'<form class="gk-search-form" role="search" action="{urls.relative(here, urls.SEARCH)}" method="get">'
              '<label for="gk-q">搜索政策文件和解读</label>'
              '<input id="gk-q" name="q" type="search" placeholder="如：创业担保贷款">'
              '<button type="submit">搜索</button></form>\n')
    latest = (
        '<div class="gk-home-latest">'
        f'<section class="gk-home-block"><h2>最新政策文件</h2>{render_entries(policies[:LATEST], here)}'
        f'<p class="gk-more">{link(urls.relative(here, urls.POLICIES), "进入政策文件库")}</p></section>'
        f'<section class="gk-home-block"><h2>最新政策解读</h2>{render_entries(interpretations[:LATEST], here)}'
        f'<p class="gk-more">{link(urls.relative(here, urls.INTERPRETATIONS), "查看全部政策解读")}</p></section>'
        "</div>\n"
    )
    column = (f'<section class="gk-home-column"><h2>{link(urls.relative(here, urls.COLUMN), "政府信息公开")}</h2>'
              + _cards(COLUMN_ENTRIES + services, here) + "</section>\n")
    lists = '<section class="gk-home-lists"><h2>文件与清单</h2>' + _cards(LISTS, here) + "</section>\n"
    return "\n" + search + "\n" + column + "\n" + latest + "\n" + lists


def home_page(site_name: str) -> str:
    """The home page when the editors have not written content/index.md."""
    return f"<h1>{esc(site_name)}</h1>\n"


def column_page(services=SERVICES) -> str:
    """政府信息公开: the column's own page with its four entries, its services and the two lists."""
    here = urls.COLUMN
    return (front_matter("政府信息公开") + "<h1>政府信息公开</h1>\n\n"
            + '<p class="gk-intro">依据《中华人民共和国政府信息公开条例》设置的政府信息公开专栏。</p>\n\n'
            + _cards(COLUMN_ENTRIES, here) + "\n\n<h2>依申请公开和政府公报</h2>\n\n" + _cards(services, here)
            + "\n\n<h2>目录清单</h2>\n\n" + _cards(LISTS[2:], here))


def placeholder_page(title: str) -> str:
    """A column entry whose content the editors have not written yet."""
    return (front_matter(title) + f"<h1>{esc(title)}</h1>\n\n"
            '<p class="gk-empty">本栏目内容正在整理，暂未发布。</p>\n')


def _cards(entries, here: str) -> str:
    cards = "".join(
        f'<li class="gk-card">{link(urls.relative(here, url), title, class_="gk-card__title")}'
        f'<p>{esc(text)}</p></li>' for title, url, text in entries)
    return f'<ul class="gk-cards">{cards}</ul>'
