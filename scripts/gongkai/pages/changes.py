"""文件修改、废止、失效情况: lists of documents 已修改 / 已废止 / 已失效, by year of the change.

Each entry names the date and what caused the change (a document of the portal, linked, or
the outside authority), as the seed asks the 修改、废止、失效情况 to be published.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..derive.status import StatusRecord, chinese_date, cite
from ..model.documents import Policy, url_of
from ..model.status import Status
from . import urls
from .listing import front_matter

BASE = urls.CHANGES
FEED = f"{BASE}feed.xml"
LISTED = (Status.AMENDED, Status.REPEALED, Status.EXPIRED)
TITLES = {
    Status.AMENDED: "已修改的文件",
    Status.REPEALED: "已废止的文件",
    Status.EXPIRED: "已失效的文件",
}
INDEX_TITLE = "文件修改、废止、失效情况"


def change_list_url(status: Status) -> str:
    return f"{BASE}{urls.STATUS_SLUGS[status]}/"


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _a(href: str, text: str) -> str:
    return f'<a href="{_esc(href)}">{_esc(text)}</a>'


def cause_html(record: StatusRecord, policy: Policy, here: str) -> str:
    """What caused the status, in words, with a link when it is a document of the portal."""
    event = record.cause
    if event is None:
        return ""
    if event.by_id:
        verb = "被新版本{}替代" if event.kind.value == "替代" else "被{}" + event.kind.value
        return verb.format(_a(urls.relative(here, url_of(event.by_id)), cite(event.by_title, event.by_number)))
    if event.external:
        basis = f"（{_esc(event.basis)}）" if event.basis else ""
        return f"{_esc(event.authority)}{basis}宣布{_esc(event.kind.value)}"
    return f"有效期至{chinese_date(policy.expires)}，期满失效"


def _entry(policy: Policy, record: StatusRecord, here: str) -> str:
    title = _a(urls.relative(here, policy.url), policy.title)
    number = f'<span class="gk-entry__number">{_esc(policy.doc_number)}</span> · ' if policy.doc_number else ""
    return (f'<li class="gk-change"><p class="gk-change__title">{title}</p>'
            f'<p class="gk-change__meta">{number}<time datetime="{record.since.isoformat()}">'
            f"{chinese_date(record.since)}</time> {cause_html(record, policy, here)}</p></li>")


def _changed(policies, statuses, status: Status) -> list[tuple[Policy, StatusRecord]]:
    found = [(p, statuses[p.id]) for p in policies
             if p.id in statuses and statuses[p.id].status is status and statuses[p.id].since]
    return sorted(found, key=lambda pr: (pr[1].since, pr[0].id), reverse=True)


def change_list_page(policies, statuses: dict[str, StatusRecord], status: Status) -> str:
    """Markdown (with HTML) of the list of documents with ``status``, newest change first."""
    here = change_list_url(status)
    found = _changed(policies, statuses, status)
    by_year: dict[int, list[str]] = defaultdict(list)
    for policy, record in found:
        by_year[record.since.year].append(_entry(policy, record, here))
    parts = [front_matter(TITLES[status]), f"<h1>{_esc(TITLES[status])}</h1>",
             f'<p class="gk-back">{_a(urls.relative(here, BASE), INDEX_TITLE)}</p>',
             f'<p class="gk-count">共 {len(found)} 件。原文件仍保留在原网址，页面顶部标明其有效性。</p>']
    if not found:
        parts.append("<p>目前没有此类文件。</p>")
    for year in sorted(by_year, reverse=True):
        parts.append(f'<h2 id="y{year}">{year}年</h2><ol class="gk-changes">{"".join(by_year[year])}</ol>')
    return "\n\n".join(parts) + "\n"


def change_index_page(policies, statuses: dict[str, StatusRecord], has_feed: bool) -> str:
    """The page linking the three lists and the feed, with how many documents each holds."""
    here = BASE
    items = "".join(
        f"<li>{_a(urls.relative(here, change_list_url(s)), TITLES[s])}（{len(_changed(policies, statuses, s))} 件）</li>"
        for s in LISTED
    )
    feed = (f'<p class="gk-feed">订阅有效性变化：{_a(urls.relative(here, FEED), "Atom 订阅（feed.xml）")}</p>'
            if has_feed else "")
    return "\n\n".join(p for p in (
        front_matter(INDEX_TITLE), f"<h1>{INDEX_TITLE}</h1>",
        "<p>本栏目公布规范性文件和其他政策文件的修改、废止、失效情况，并在已发布的原文件页面上作出明确标注。</p>",
        f'<ul class="gk-change-lists">{items}</ul>', feed) if p) + "\n"


def change_pages(policies, statuses: dict[str, StatusRecord], has_feed: bool = False) -> dict[str, str]:
    """{virtual src_uri: Markdown} of the index and the three lists."""
    pages = {urls.src_uri(BASE): change_index_page(policies, statuses, has_feed)}
    for status in LISTED:
        pages[urls.src_uri(change_list_url(status))] = change_list_page(policies, statuses, status)
    return pages
