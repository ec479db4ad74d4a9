"""政策文件库 and 政策解读: the listings, grouped by year, 发文机关, 主题分类 and 有效性."""

from __future__ import annotations

from collections import defaultdict

from ..derive.status import StatusRecord
from ..model.documents import Interpretation, Policy
from ..model.status import Status
from ..read.corpus import Corpus
from . import urls
from .html import esc, link
from .listing import Entry, paginate


def newest_first(docs):
    """Documents by 发布日期, newest first; ties by title so builds are repeatable."""
    return sorted(docs, key=lambda d: (-d.published.toordinal(), d.title, d.id))


def policy_entry(policy: Policy, validity: dict[str, StatusRecord]) -> Entry:
    state = validity.get(policy.id)
    return Entry(policy.title, policy.url, policy.doc_number, policy.published,
                 state.status if state else None)


def interpretation_entry(interpretation: Interpretation, corpus: Corpus, shown: set[str],
                         validity: dict[str, StatusRecord]) -> Entry:
    targets = [p for ref in interpretation.interprets for p in corpus.resolve(ref) if p.id in shown]
    numbers = "、".join(dict.fromkeys(p.doc_number for p in targets if p.doc_number))
    note = f"{interpretation.form}" + (f" · 解读 {numbers}" if numbers else "")
    state = validity.get(targets[0].id) if len(targets) == 1 else None
    # The badge of an interpretation is its policy's: a reader must see a repealed policy.
    return Entry(interpretation.title, interpretation.url, None, interpretation.published,
                 state.status if state and state.status is not Status.IN_FORCE else None, note)


def policy_listings(policies: list[Policy], validity: dict[str, StatusRecord],
                    topics_order: tuple[str, ...], has_feed: bool = False) -> dict[str, str]:
    """Every page of 政策文件库: all, by year, by 发文机关, by 主题分类, by 有效性."""
    policies = newest_first(policies)
    entry = {p.id: policy_entry(p, validity) for p in policies}
    groups = _groups(policies, validity, topics_order)
    pages = paginate(urls.POLICIES, "政策文件库", [entry[p.id] for p in policies],
                     intro_html=_intro(),
                     first_page_html=_changes_link() + _feed_link(urls.POLICIES, has_feed) + _facets(groups))
    for facet, members in groups.items():
        for label, url, docs in members:
            pages |= paginate(url, f"政策文件库 · {facet}：{label}", [entry[p.id] for p in docs],
                              back=(urls.POLICIES, "返回政策文件库"))
    return pages


def interpretation_listing(interpretations: list[Interpretation], corpus: Corpus, shown: set[str],
                           validity: dict[str, StatusRecord], has_feed: bool = False) -> dict[str, str]:
    """Every page of the 政策解读 list."""
    entries = [interpretation_entry(i, corpus, shown, validity) for i in newest_first(interpretations)]
    intro = ('<p class="gk-intro">政策文件与其解读同步发布。每条解读标明解读形式和所解读的文件；'
             "所解读的政策已不再有效时，以文字标明其有效性。</p>\n")
    return paginate(urls.INTERPRETATIONS, "政策解读", entries, intro_html=intro,
                    first_page_html=_feed_link(urls.INTERPRETATIONS, has_feed))


def _groups(policies: list[Policy], validity: dict[str, StatusRecord],
            topics_order: tuple[str, ...]) -> dict[str, list[tuple[str, str, list[Policy]]]]:
    years, issuers, topics, statuses = (defaultdict(list) for _ in range(4))
    for p in policies:
        years[p.published.year].append(p)
        issuers[p.issuer].append(p)
        for t in p.topics:
            topics[t].append(p)
        state = validity.get(p.id)
        statuses[state.status if state else Status.IN_FORCE].append(p)
    rank = {t: i for i, t in enumerate(topics_order)}
    return {
        "年份": [(f"{y}年", urls.by_year(y), years[y]) for y in sorted(years, reverse=True)],
        "发文机关": [(i, urls.by_issuer(i), issuers[i])
                  for i in sorted(issuers, key=lambda i: (-len(issuers[i]), i))],
        "主题分类": [(t, urls.by_topic(t), topics[t])
                  for t in sorted(topics, key=lambda t: (rank.get(t, len(rank)), t))],
        "有效性": [(s.label, urls.by_status(s), statuses[s]) for s in Status if statuses[s]],
    }


def _intro() -> str:
    return ('<p class="gk-intro">本库收录本级政府及其部门发布的政策文件，按发布日期从新到旧排列；'
            "也可按年份、发文机关、主题分类或有效性查看。已废止、已失效的文件仍可查阅，并标明其有效性。</p>\n")


def _changes_link() -> str:
    # On the first page only: the link is relative to zhengce/, not to zhengce/2/.
    changes = link(urls.relative(urls.POLICIES, urls.CHANGES), "文件修改、废止、失效情况")
    return f'<p class="gk-intro">各文件被修改、废止和失效的情况，见{changes}。</p>\n'


def _feed_link(here: str, has_feed: bool) -> str:
    # On the first page only, like the link above: relative to the listing's own address.
    if not has_feed:
        return ""
    feed = link(urls.relative(here, urls.DOCUMENTS_FEED), "Atom 订阅（feed.xml）", type="application/atom+xml")
    return f'<p class="gk-feed">订阅新发布的政策文件和政策解读：{feed}</p>\n'


def _facets(groups: dict[str, list[tuple[str, str, list[Policy]]]]) -> str:
    blocks = []
    for facet, members in groups.items():
        links = "".join(
            f"<li>{link(urls.relative(urls.POLICIES, url), label)} <span class=\"gk-facet__count\">"
            f"（{len(docs)}）</span></li>" for label, url, docs in members)
        blocks.append(f'<section class="gk-facet"><h2>按{esc(facet)}</h2><ul>{links}</ul></section>')
    return '<div class="gk-facets">' + "".join(blocks) + "</div>\n"
