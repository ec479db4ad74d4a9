"""Each page's own date for the sitemap's lastmod: the day its content last changed, never the
build date, so a build with nothing new tells crawlers that nothing changed.

A document page changes when it is published, when its validity changes (a notice appears), when
it comes into force (the 尚未生效 notice goes) and when a document it shows is published (an
interpretation in its related box, a newer version, the document that amends or repeals it).
Listings change with the newest document they list; the fee list and catalog with their 审核日期.
Pages with no date of their own (the editors' column pages) get no lastmod at all; only a portal
with neither documents nor a reviewed list dates its home page by the build day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..derive.status import ChangeKind, Event, StatusRecord
from ..model.documents import Interpretation, Policy
from . import urls

# Generated pages that list documents, so change with the newest of them.
LISTING_PREFIXES = (urls.POLICIES, urls.INTERPRETATIONS)


def event_day(event: Event) -> dt.date:
    """The day an event changed the page: an expiry shows the day after the last day in force."""
    if event.kind is ChangeKind.EXPIRED and event.by_id is None and event.authority is None:
        return event.date + dt.timedelta(days=1)
    return event.date


def policy_date(policy: Policy, record: StatusRecord | None, related: Iterable[dt.date],
                as_of: dt.date) -> dt.date:
    """The day a policy's page last changed; ``related`` are the publication days of the shown
    documents its page links to (interpretations, versions, the documents that changed it)."""
    days = [policy.published, *related]
    if policy.effective and policy.effective <= as_of:
        days.append(policy.effective)
    if record is not None:
        days += [event_day(e) for e in record.history]
    return max(d for d in days if d <= as_of)


def interpretation_date(interpretation: Interpretation, targets: list[StatusRecord],
                        as_of: dt.date) -> dt.date:
    """The day an interpretation's page last changed: its notice follows its policies' validity."""
    days = [interpretation.published, *(event_day(e) for r in targets for e in r.history)]
    return max(d for d in days if d <= as_of)


def page_dates(documents: dict[str, dt.date], status_changes: Iterable[dt.date],
               reviewed: dict[str, dt.date | None], as_of: dt.date) -> dict[str, dt.date]:
    """{page url: its own date} for document pages and the generated pages that have one;
    ``reviewed`` maps the fee list's and catalog's addresses to their 审核日期."""
    dates = dict(documents)
    # A portal with no document yet still dates its home page: the sitemap needs one date.
    dates[urls.HOME] = max(documents.values(), default=None) or max(filter(None, reviewed.values()),
                                                                      default=as_of)
    changed = max(status_changes, default=None)
    if changed:
        dates[urls.CHANGES] = changed
    dates |= {url: day for url, day in reviewed.items() if day}
    # The open-data page lists the lists' dates and every document's metadata.
    dates[urls.OPEN_DATA] = max(dates.values())
    return dates


def date_of(dates: dict[str, dt.date], url: str) -> dt.date | None:
    """The own date of the page at ``url``, a listing taking the newest document's."""
    if url in dates:
        return dates[url]
    if url.startswith(urls.CHANGES):
        return dates.get(urls.CHANGES)
    if url.startswith(LISTING_PREFIXES):
        return dates[urls.HOME]
    return None
