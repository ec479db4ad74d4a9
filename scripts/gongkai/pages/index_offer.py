"""What each page offers the search index: its type, filters and result line.

Pages only declare here; ``gongkai.search`` turns the offers into an index. An offer without
``text`` takes the page's rendered text (its body only: no notice, navigation or footer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..derive.status import StatusRecord
from ..model.data_lists import CatalogEntry, FeeItem
from ..model.documents import Interpretation, Policy
from . import urls

POLICY, INTERPRETATION, FEE, CATALOG, COLUMN, REPORT = (
    "政策文件", "政策解读", "收费项目", "公开目录", "政府信息公开", "年度报告")


@dataclass(frozen=True)
class IndexOffer:
    """One search result a page offers: the page itself, or one item reached by its anchor."""

    url: str
    title: str
    kind: str
    text: str | None = None
    date: str | None = None
    doc_number: str | None = None
    index_number: str | None = None
    issuer: str | None = None
    status: str | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)


def _facets(kind: str, issuer: str | None = None, year: int | None = None,
            topics: tuple[str, ...] = (), status: str | None = None,
            doc_type: str | None = None) -> dict[str, list[str]]:
    values = {"类型": [kind], "发文机关": [issuer] if issuer else [],
              "年份": [str(year)] if year else [], "主题分类": list(topics),
              "有效性": [status] if status else [], "公文种类": [doc_type] if doc_type else []}
    return {name: v for name, v in values.items() if v}


def policy_offer(policy: Policy, state: StatusRecord | None) -> IndexOffer:
    """A policy: every filter, 文号 and 索引号 in its head."""
    status = state.status.label if state else None
    return IndexOffer(
        url=policy.url, title=policy.title, kind=POLICY, date=policy.published.isoformat(),
        doc_number=policy.doc_number, index_number=policy.index_number, issuer=policy.issuer,
        status=status,
        facets=_facets(POLICY, policy.issuer, policy.published.year, policy.topics, status,
                       policy.doc_type))


def interpretation_offer(interpretation: Interpretation, targets: list[Policy], body: str) -> IndexOffer:
    """An interpretation, filed under the topics of the policies it interprets."""
    topics = tuple(dict.fromkeys(t for p in targets for t in p.topics))
    return IndexOffer(
        url=interpretation.url, title=interpretation.title, kind=INTERPRETATION,
        date=interpretation.published.isoformat(), issuer=body or None,
        facets=_facets(INTERPRETATION, body or None, interpretation.published.year, topics))


def item_anchors(keys: list[str], prefix: str) -> list[str]:
    """A stable anchor per list item, from its own name: adding an item moves no other anchor."""
    seen: dict[str, int] = {}
    anchors = []
    for key in keys:
        slug = f"{prefix}-{urls.name_slug(key)}"
        seen[slug] = seen.get(slug, 0) + 1
        anchors.append(slug if seen[slug] == 1 else f"{slug}-{seen[slug]}")
    return anchors


def fee_anchors(items: list[FeeItem]) -> list[str]:
    """The row anchors of the fee list."""
    return item_anchors([f"{i.collector}\x1f{i.name}" for i in items], "shoufei")


def catalog_anchors(entries: list[CatalogEntry]) -> list[str]:
    """The row anchors of the catalog."""
    return item_anchors([f"{e.body}\x1f{e.item}" for e in entries], "mulu")


def fee_offers(items: list[FeeItem]) -> list[IndexOffer]:
    """Each fee-list item, a hit landing on its row."""
    return [IndexOffer(
        url=f"{urls.FEES}#{anchor}", title=f"{i.name}（{i.collector}）", kind=FEE, issuer=i.collector,
        text="\n".join(x for x in (i.name, i.category, i.standard, i.basis, i.fund_management, i.note) if x),
        facets=_facets(FEE, i.collector)) for i, anchor in zip(items, fee_anchors(items), strict=True)]


def catalog_offers(entries: list[CatalogEntry]) -> list[IndexOffer]:
    """Each catalog entry, a hit landing on its row."""
    return [IndexOffer(
        url=f"{urls.CATALOG}#{anchor}", title=f"{e.item}（{e.body}）", kind=CATALOG, issuer=e.body,
        text="\n".join((e.item, e.category, e.content, e.basis, e.time_limit, "、".join(e.channels),
                        e.audience)),
        facets=_facets(CATALOG, e.body)) for e, anchor in zip(entries, catalog_anchors(entries), strict=True)]


def column_offer(url: str, title: str) -> IndexOffer | None:
    """A page of the 政府信息公开 column, its annual reports typed apart."""
    if not url.startswith(urls.COLUMN):
        return None
    kind = REPORT if url.startswith(urls.ANNUAL_REPORTS) else COLUMN
    return IndexOffer(url=url, title=title, kind=kind, facets=_facets(kind))
