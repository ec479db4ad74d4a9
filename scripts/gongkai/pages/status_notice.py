"""The mark on the original page: the status notice, the 历史沿革 section, the 历次版本 links.

Stable markup (browser checks rely on it)::

    <div id="gk-status-notice" class="gk-notice gk-notice--repealed" role="note">
      <p class="gk-notice__title">有效性：已废止</p>
      <p class="gk-notice__text">本文件已于…被<a href="…">《…》（…号）</a>废止。</p>
      …
    </div>

Every function returns an HTML string (text escaped here) or None; links are relative to
the page at ``here`` so the site works under any base path.
"""

from __future__ import annotations

from html import escape

from ..derive.status import (
    ChangeKind,
    Event,
    StatusRecord,
    chinese_date,
    cite,
    interpretation_notice,
)
from ..model.documents import Interpretation, Policy, url_of
from ..model.status import Status
from . import urls

NOTICE_MODIFIERS = {
    Status.AMENDED: "gk-notice--amended",
    Status.REPEALED: "gk-notice--repealed",
    Status.EXPIRED: "gk-notice--expired",
    Status.NOT_YET_IN_FORCE: "gk-notice--not-yet",
}
HISTORY_ID = "gk-history"
VERSIONS_ID = "gk-versions"
# Worst first: the notice of an interpretation takes the class of its gravest policy status.
_GRAVITY = (Status.REPEALED, Status.EXPIRED, Status.AMENDED, Status.NOT_YET_IN_FORCE)


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _a(href: str, text: str) -> str:
    return f'<a href="{_esc(href)}">{_esc(text)}</a>'


def _linked(sentence: str, events, here: str) -> str:
    """The sentence escaped, each cited portal document turned into a link to its page."""
    return _linked_html(_esc(sentence), events, here)


def _box(status: Status, title: str, paragraphs: list[str]) -> str:
    body = "".join(paragraphs)
    # Pagefind stores the status with the page, so search results can show it too.
    return (f'<div id="gk-status-notice" class="gk-notice {NOTICE_MODIFIERS[status]}" role="note" '
            f'data-pagefind-meta="status:{status.label}">'
            f'<p class="gk-notice__title">{_esc(title)}</p>{body}</div>')


def status_notice_html(record: StatusRecord | None, here: str) -> str | None:
    """The notice above a policy's text; None while the policy is simply in force."""
    if record is None or record.in_force or not record.notice:
        return None
    paragraphs = [f'<p class="gk-notice__text">{_linked(record.notice, record.history, here)}</p>']
    if record.explanation:
        paragraphs.append(f'<p class="gk-notice__explanation">说明：{_esc(record.explanation)}</p>')
    if record.history:
        paragraphs.append(f'<p class="gk-notice__more"><a href="#{HISTORY_ID}">查看本文件的历史沿革</a></p>')
    return _box(record.status, f"有效性：{record.status.label}", paragraphs)


def interpretation_notice_html(corpus, statuses: dict[str, StatusRecord], interpretation: Interpretation,
                               here: str) -> str | None:
    """The same notice on an interpretation whose policy is not in force, linking the policy."""
    text = interpretation_notice(corpus, statuses, interpretation)
    if not text:
        return None
    html = _esc(text)
    affected = []
    for ref in interpretation.interprets:
        for policy in corpus.resolve(ref):
            record = statuses.get(policy.id)
            if record and not record.in_force and policy not in affected:
                affected.append(policy)
    for policy in affected:
        label = cite(policy.title, policy.doc_number)
        html = html.replace(_esc(label), _a(urls.relative(here, policy.url), label), 1)
        html = _linked_html(html, statuses[policy.id].history, here)
    gravest = min((statuses[p.id].status for p in affected), key=_GRAVITY.index)
    return _box(gravest, "所解读政策的有效性", [f'<p class="gk-notice__text">{html}</p>'])


def _linked_html(html: str, events, here: str) -> str:
    for event in events:
        if event.by_id:
            label = _esc(cite(event.by_title, event.by_number))
            if label in html and f">{label}</a>" not in html:
                html = html.replace(label, f'<a href="{_esc(urls.relative(here, url_of(event.by_id)))}">'
                                           f"{label}</a>", 1)
    return html


def _event_text(event: Event, here: str) -> str:
    if event.kind is ChangeKind.EXPIRED and not event.external:
        return "有效期届满，本文件失效"
    if event.external:
        basis = f"（依据：{_esc(event.basis)}）" if event.basis else ""
        note = f"。{_esc(event.note)}" if event.note else ""
        return f"{_esc(event.authority)}{basis}宣布本文件{_esc(event.kind.status.label)}{note}"
    cause = _a(urls.relative(here, url_of(event.by_id)), cite(event.by_title, event.by_number))
    if event.kind is ChangeKind.REPLACED:
        return f"被新版本{cause}替代"
    return f"被{cause}{event.kind.value}"


def _item(day, html: str, extra_class: str = "") -> str:
    cls = f' class="{extra_class}"' if extra_class else ""
    return f'<li{cls}><time datetime="{day.isoformat()}">{chinese_date(day)}</time> {html}</li>'


def history_html(policy: Policy, record: StatusRecord | None, here: str) -> str | None:
    """历史沿革: publication, entry into force, every change and every act, in date order."""
    if record is None or not (record.history or record.upcoming or record.acts):
        return None
    rows = [(policy.published, 0, _item(policy.published, "发布"))]
    if policy.effective and policy.effective != policy.published:
        rows.append((policy.effective, 1, _item(policy.effective, "施行")))
    rows += [(e.date, 2, _item(e.date, _event_text(e, here))) for e in record.history]
    for act in record.acts:
        target = _a(urls.relative(here, url_of(act.target_id)), cite(act.target_title, act.target_number))
        word = "替代旧版本" if act.kind is ChangeKind.REPLACED else act.kind.value
        rows.append((act.date, 3, _item(act.date, f"本文件{word}{target}")))
    rows += [(e.date, 4, _item(e.date, f"（尚未到来）将{_event_text(e, here)}", "gk-history__upcoming"))
             for e in record.upcoming]
    items = "".join(html for _, _, html in sorted(rows, key=lambda r: (r[0], r[1])))
    return (f'<section class="gk-history" id="{HISTORY_ID}" aria-labelledby="{HISTORY_ID}-title">'
            f'<h2 id="{HISTORY_ID}-title">历史沿革</h2><ol class="gk-history__list">{items}</ol></section>')


def diff_url(newer: Policy) -> str:
    """The page comparing ``newer`` with the version before it."""
    return f"{newer.url}bijiao/"


def versions_html(policy: Policy, chain: tuple[Policy, ...] | None, here: str) -> str | None:
    """历次版本: every version of the text, this one marked, with links to the comparisons."""
    if not chain or len(chain) < 2:
        return None
    items = []
    for index, version in enumerate(chain):
        label = cite(version.title, version.doc_number)
        name = (f'<strong aria-current="page">{_esc(label)}（本版本）</strong>' if version.id == policy.id
                else _a(urls.relative(here, version.url), label))
        compare = (f' · {_a(urls.relative(here, diff_url(version)), "与上一版本比较")}' if index else "")
        items.append(_item(version.published, f"{name}{compare}"))
    return (f'<section class="gk-versions" id="{VERSIONS_ID}" aria-labelledby="{VERSIONS_ID}-title">'
            f'<h2 id="{VERSIONS_ID}-title">历次版本</h2><ol class="gk-versions__list">{"".join(items)}</ol>'
            "</section>")
