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

# The side menu within /xxgk/: the four entries, then the channels the column also offers.
XXGK_MENU = tuple((title, url) for title, url, _ in COLUMN_ENTRIES)

LISTS = (
    ("政策文件库", urls.POLICIES, "按年份、发文机关、主题分类、有效性查找政策文件。"),
    ("政策解读", urls.INTERPRETATIONS, "与政策文件同步发布的文字、图解、问答等解读。"),
    ("行政事业性收费和政府性基金目录清单", urls.FEES, "各执收单位的收费项目、标准和依据。"),
    ("政府信息主动公开目录清单", urls.CATALOG, "各部门主动公开的事项、内容、时限和方式。"),
)


def home_sections(policies: list[Entry], interpretations: list[Entry]) -> str:
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
              + _cards(COLUMN_ENTRIES, here) + "</section>\n")
    lists = '<section class="gk-home-lists"><h2>文件与清单</h2>' + _cards(LISTS, here) + "</section>\n"
    return "\n" + search + "\n" + column + "\n" + latest + "\n" + lists


def home_page(site_name: str) -> str:
    """The home page when the editors have not written content/index.md."""
    return f"<h1>{esc(site_name)}</h1>\n"


def column_page() -> str:
    """政府信息公开: the column's own page with its four entries and the two lists."""
    here = urls.COLUMN
    return (front_matter("政府信息公开") + "<h1>政府信息公开</h1>\n\n"
            + '<p class="gk-intro">依据《中华人民共和国政府信息公开条例》设置的政府信息公开专栏。</p>\n\n'
            + _cards(COLUMN_ENTRIES, here) + "\n\n<h2>目录清单</h2>\n\n" + _cards(LISTS[2:], here))


def placeholder_page(title: str) -> str:
    """A column entry whose content the editors have not written yet."""
    return (front_matter(title) + f"<h1>{esc(title)}</h1>\n\n"
            '<p class="gk-empty">本栏目内容正在整理，暂未发布。</p>\n')


# 《政府信息公开条例》(2019) Article 20, with the portal pages that already answer an item.
ARTICLE_20 = (
    ("行政法规、规章和规范性文件", ("policies",)),
    ("机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", ()),
    ("国民经济和社会发展规划、专项规划、区域规划及相关政策", ("topic:国民经济管理、国有资产监管",)),
    ("国民经济和社会发展统计信息", ()),
    ("办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果", ("catalog",)),
    ("实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定", ()),
    ("财政预算、决算信息", ("topic:财政、金融、审计",)),
    ("行政事业性收费项目及其依据、标准", ("fees",)),
    ("政府集中采购项目的目录、标准及实施情况", ()),
    ("重大建设项目的批准和实施情况", ("topic:城乡建设、环境保护",)),
    ("扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
     ("topic:民政、扶贫、救灾", "topic:科技、教育", "topic:卫生、体育", "topic:劳动、人事、监察")),
    ("突发公共事件的应急预案、预警信息及应对情况", ()),
    ("环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
     ("topic:市场监管、安全生产监管", "topic:城乡建设、环境保护")),
    ("公务员招考的职位、名额、报考条件等事项以及录用结果", ()),
    ("法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", ("catalog",)),
)


def statutory_page(topics_with_documents: set[str]) -> str:
    """法定主动公开内容, organised by the fifteen items of Article 20."""
    here = urls.STATUTORY
    targets = {"policies": ("政策文件库", urls.POLICIES), "fees": ("收费目录清单", urls.FEES),
               "catalog": ("主动公开目录清单", urls.CATALOG)}
    items = []
    for number, (title, answers) in enumerate(ARTICLE_20, start=1):
        links = []
        for answer in answers:
            if answer.startswith("topic:"):
                topic = answer.removeprefix("topic:")
                if topic in topics_with_documents:
                    links.append(link(urls.relative(here, urls.by_topic(topic)), f"主题分类：{topic}"))
            else:
                label, url = targets[answer]
                links.append(link(urls.relative(here, url), label))
        body = "、".join(links) if links else '<span class="gk-empty">暂无，本项内容正在整理。</span>'
        items.append(f'<li id="tiao-{number}"><p class="gk-article__title">{esc(title)}</p>'
                     f'<p class="gk-article__links">{body}</p></li>')
    return (front_matter("法定主动公开内容") + "<h1>法定主动公开内容</h1>\n\n"
            + '<p class="gk-intro">按《中华人民共和国政府信息公开条例》第二十条列出行政机关应当主动公开的'
            "政府信息，每项链接到本网站公开的相应内容。信息形成或者变更之日起 20 个工作日内予以公开（第二十六条）。</p>\n\n"
            + '<ol class="gk-article">' + "".join(items) + "</ol>\n")


def _cards(entries, here: str) -> str:
    cards = "".join(
        f'<li class="gk-card">{link(urls.relative(here, url), title, class_="gk-card__title")}'
        f'<p>{esc(text)}</p></li>' for title, url, text in entries)
    return f'<ul class="gk-cards">{cards}</ul>'
