"""What a document page shows around its text: metadata table, attachments, related box."""

from __future__ import annotations

from dataclasses import dataclass

from ..derive.status import StatusRecord, chinese_date, interpretation_notice
from ..model.documents import Attachment, Interpretation, Policy
from ..model.status import Status
from ..read.corpus import Corpus
from . import open_data, urls
from .html import badge, date_text, esc, link, size_text
from .status_notice import NOTICE_MODIFIERS


@dataclass(frozen=True)
class RelatedItem:
    """One linked document in a 政策解读 or 相关政策 box."""

    title: str
    href: str
    note: str


@dataclass(frozen=True)
class Related:
    """The box under the text that links a policy and its interpretations both ways."""

    heading: str
    items: tuple[RelatedItem, ...]


@dataclass(frozen=True)
class AttachmentView:
    """An attachment as listed on the page: name, link, file type and size."""

    name: str
    href: str
    file_type: str
    size: str


@dataclass(frozen=True)
class DocumentView:
    """Everything the theme lays out on one document page; ``*_html`` fields are escaped."""

    id: str
    kind: str
    title: str
    url: str
    rows: tuple[tuple[str, str], ...]
    attachments: tuple[AttachmentView, ...]
    related: Related | None
    exemption: str | None
    sample: bool
    status: Status | None
    status_notice_html: str | None
    summary: str | None
    keywords: tuple[str, ...]
    source: str
    published: str
    metadata_href: str = open_data.METADATA_NAME
    metadata_schema_href: str = ""


def index_number_html(number: str | None) -> str:
    """A 索引号 that a narrow screen breaks after its "/", never inside the year-and-number part.

    Browsers would otherwise break "…/2017-00157" after the hyphen; the part after each "/"
    is kept on one line, the organisation code before it breaks only if nothing else fits.
    """
    if not number:
        return "—"
    head, *tails = number.split("/")
    return esc(head) + "".join(f'/<wbr><span class="gk-nobr">{esc(tail)}</span>' for tail in tails)


def view_policy(policy: Policy, corpus: Corpus, shown: set[str],
                validity: dict[str, StatusRecord]) -> DocumentView:
    """The page view of a shown policy."""
    here = policy.url
    state = validity.get(policy.id)
    topics = "、".join(link(urls.relative(here, urls.by_topic(t)), t) for t in policy.topics)
    rows = [
        ("索引号", index_number_html(policy.index_number)),
        ("发文机关", link(urls.relative(here, urls.by_issuer(policy.issuer)), policy.issuer)),
        ("文号", esc(policy.doc_number or "无")),
        ("公文种类", esc(policy.doc_type)),
        ("成文日期", esc(date_text(policy.written))),
        ("发布日期", esc(date_text(policy.published))),
        ("施行日期", esc(date_text(policy.effective or policy.published))),
    ]
    if policy.expires:
        rows.append(("有效期至", esc(date_text(policy.expires))))
    rows += [
        ("主题分类", topics),
        *((("主题词", esc("　".join(policy.keywords))),) if policy.keywords else ()),
        ("有效性", badge(state.status) if state else "—"),
        ("公开方式", "主动公开"),
    ]
    items = tuple(
        RelatedItem(i.title, urls.relative(here, i.url), f"{i.form} · {date_text(i.published)}")
        for i in corpus.interpretations_of(policy.id) if i.id in shown
    )
    # An exempt policy shows why it has no interpretation instead of an empty box.
    related = Related("政策解读", items) if items or policy.needs_interpretation else None
    return DocumentView(
        id=policy.id, kind="policy", title=policy.title, url=here, rows=tuple(rows),
        attachments=_attachments(policy.attachments, here), related=related,
        exemption=None if policy.needs_interpretation else (policy.exemption_reason or "本文件免于解读。"),
        sample=policy.sample, status=state.status if state else None,
        status_notice_html=notice_html(state), summary=policy.summary,
        keywords=policy_keywords(policy), source=policy.issuer, published=policy.published.isoformat(),
        metadata_schema_href=urls.relative(here, open_data.DOCUMENT_SCHEMA),
    )


def view_interpretation(interpretation: Interpretation, corpus: Corpus, shown: set[str],
                        validity: dict[str, StatusRecord]) -> DocumentView:
    """The page view of a shown interpretation."""
    here = interpretation.url
    targets = _targets(interpretation, corpus, shown)
    rows = [
        ("解读对象", "<br>".join(
            link(urls.relative(here, p.url), p.doc_number or p.title) for p in targets) or "—"),
        ("解读形式", esc(interpretation.form)),
        ("解读单位", esc(interpretation.interpreting_body or (targets[0].drafting_body if targets else "—"))),
    ]
    if interpretation.interpreter:
        rows.append(("解读人", esc(interpretation.interpreter)))
    rows += [("发布日期", esc(date_text(interpretation.published))), ("公开方式", "主动公开")]
    items = tuple(
        RelatedItem(p.title, urls.relative(here, p.url),
                    " · ".join(x for x in (p.doc_number, _status_word(validity, p.id)) if x))
        for p in targets
    )
    return DocumentView(
        id=interpretation.id, kind="interpretation", title=interpretation.title, url=here,
        rows=tuple(rows), attachments=_attachments(interpretation.attachments, here),
        related=Related("相关政策", items), exemption=None, sample=interpretation.sample,
        status=None,
        status_notice_html=_notice_box("所解读政策的有效性",
                                       interpretation_notice(corpus, validity, interpretation)),
        summary=interpretation.summary,
        keywords=interpretation.keywords or _merged(policy_keywords(p) for p in targets),
        source=interpretation.interpreting_body or (targets[0].drafting_body if targets else ""),
        published=interpretation.published.isoformat(),
        metadata_schema_href=urls.relative(here, open_data.DOCUMENT_SCHEMA),
    )


def policy_keywords(policy: Policy) -> tuple[str, ...]:
    """A policy's 主题词, or its 主题分类 when it names none: every page has Keywords."""
    return policy.keywords or policy.topics


def _merged(groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in groups for word in group))


def notice_html(state: StatusRecord | None) -> str | None:
    """The notice above the title of a policy that is no longer, or not yet, in force."""
    if state is None or state.status is Status.IN_FORCE:
        return None
    return _notice_box(f"有效性：{state.status.label}", state.notice or _default_notice(state),
                       NOTICE_MODIFIERS[state.status])


def _notice_box(title: str, text: str | None, modifier: str = "gk-notice--repealed") -> str | None:
    if not text:
        return None
    return (f'<div id="gk-status-notice" class="gk-notice {modifier}" role="note">'
            f'<p class="gk-notice__title">{esc(title)}</p><p>{esc(text)}</p></div>')


def _default_notice(state: StatusRecord) -> str:
    when = f"自{chinese_date(state.since)}起" if state.since else ""
    return f"本文件{when}{state.status.label}。"


def _status_word(validity: dict[str, StatusRecord], doc_id: str) -> str:
    state = validity.get(doc_id)
    return f"有效性：{state.status.label}" if state else ""


def _targets(interpretation: Interpretation, corpus: Corpus, shown: set[str]) -> list[Policy]:
    found = {p.id: p for ref in interpretation.interprets for p in corpus.resolve(ref)}
    return [p for p in found.values() if p.id in shown]


def _attachments(attachments: tuple[Attachment, ...], here: str) -> tuple[AttachmentView, ...]:
    return tuple(
        AttachmentView(a.name, urls.relative(here, a.path), a.extension or "文件", size_text(a.size))
        for a in attachments
    )
