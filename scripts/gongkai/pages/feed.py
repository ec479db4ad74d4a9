"""An Atom feed (RFC 4287) of status changes: each amendment, repeal and expiry, newest first."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..derive.status import ChangeKind, Event, StatusRecord, chinese_date, cite
from ..model.documents import Policy
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
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _text(feed, "title", f"{site_name}：文件修改、废止、失效情况")
    _text(feed, "id", root + FEED)
    _text(feed, "updated", _stamp(max((e.date for e, _ in events), default=as_of)))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=root + FEED)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=root + BASE)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    for event, policy in events:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", f"{event.kind.status.label}：{policy.title}")
        _text(entry, "id", f"{root}{policy.url}#{event.kind.name.lower()}-{event.date.isoformat()}")
        _text(entry, "updated", _stamp(event.date))
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=root + policy.url)
        _text(entry, "summary", event_sentence(policy, event))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
