"""Atom feeds (RFC 4287): status changes (each amendment, repeal and expiry) and new documents
(each policy and interpretation as published), newest first. Every value is a text node that
ElementTree escapes exactly once."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..derive.status import ChangeKind, Event, StatusRecord, chinese_date, cite
from ..model.documents import Interpretation, Policy
from . import urls
from .changes import BASE, FEED

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 200
# Dates are calendar days in China; the feed says so rather than pretending to UTC midnight.
CHINA = dt.timezone(dt.timedelta(hours=8))


def _stamp(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(), CHINA).isoformat()


def event_sentence(policy: Policy, event: Event) -> str:
    """The change in one Chinese sentence, naming the document and the cause."""
    name, day = cite(policy.title, policy.doc_number), chinese_date(event.date)
    if event.by_id:
        cause = cite(event.by_title, event.by_number)
        if event.kind is ChangeKind.REPLACED:
            return f"{name}于{day}被新版本{cause}替代。"
        return f"{name}于{day}被{cause}{event.kind.value}。"
    if event.external:
        basis = f"（依据：{event.basis}）" if event.basis else ""
        return f"{name}于{day}由{event.authority}{basis}宣布{event.kind.status.label}。"
    return f"{name}有效期至{day}，已失效。"


def status_feed(policies, statuses: dict[str, StatusRecord], *, site_url: str, site_name: str,
                as_of: dt.date) -> bytes:
    """The feed as UTF-8 bytes; every link absolute, built from ``site_url``."""
    root = site_url.rstrip("/") + "/"
    events = sorted(
        ((event, policy) for policy in policies if policy.id in statuses
         for event in statuses[policy.id].history),
        key=lambda pair: (pair[0].date, pair[1].id, pair[0].kind.value), reverse=True,
    )[:MAX_ENTRIES]
    feed = _feed(f"{site_name}：文件修改、废止、失效情况", root, FEED, BASE, site_name,
                 max((e.date for e, _ in events), default=as_of))
    for event, policy in events:
        _entry(feed, f"{event.kind.status.label}：{policy.title}",
               f"{root}{policy.url}#{event.kind.name.lower()}-{event.date.isoformat()}",
               event.date, root + policy.url, event_sentence(policy, event))
    return _bytes(feed)


def document_summary(doc: Policy | Interpretation) -> str:
    """What a new document's entry says: its 摘要, else who issued it and its 文号."""
    if doc.summary:
        return doc.summary
    if isinstance(doc, Policy):
        return "，".join(x for x in (doc.issuer, doc.doc_number) if x) + "。"
    return f"{doc.form}解读，{chinese_date(doc.published)}发布。"


def documents_feed(policies: list[Policy], interpretations: list[Interpretation], *, site_url: str,
                   site_name: str, as_of: dt.date) -> bytes:
    """New policies and interpretations, newest first, as UTF-8 bytes."""
    root = site_url.rstrip("/") + "/"
    docs = sorted([*policies, *interpretations], key=lambda d: (d.published, d.id), reverse=True)[:MAX_ENTRIES]
    feed = _feed(f"{site_name}：新发布的政策文件和政策解读", root, urls.DOCUMENTS_FEED, urls.POLICIES, site_name,
                 max((d.published for d in docs), default=as_of))
    for doc in docs:
        kind = "政策文件" if isinstance(doc, Policy) else "政策解读"
        entry = _entry(feed, f"{kind}：{doc.title}", root + doc.url, doc.published, root + doc.url,
                       document_summary(doc))
        ET.SubElement(entry, f"{{{ATOM}}}category", term=kind)
    return _bytes(feed)


def _feed(title: str, root: str, path: str, page: str, site_name: str, updated: dt.date) -> ET.Element:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _text(feed, "title", title)
    _text(feed, "id", root + path)
    _text(feed, "updated", _stamp(updated))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=root + path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=root + page)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    return feed


def _entry(feed: ET.Element, title: str, entry_id: str, day: dt.date, href: str, summary: str) -> ET.Element:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "title", title)
    _text(entry, "id", entry_id)
    _text(entry, "updated", _stamp(day))
    ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=href)
    _text(entry, "summary", summary)
    return entry


def _bytes(feed: ET.Element) -> bytes:
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
