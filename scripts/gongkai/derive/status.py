"""Each policy's status (有效性) and history as of a build date, from the relations declared.

The newer document declares what it does to older ones (修改 / 废止 / 替代); a change made
outside the portal is declared on the affected document (外部变更); expiry follows from
有效期至 and 尚未生效 from a future 施行日期. Nothing here reads files or imports MkDocs.

Precedence, when several changes apply to one document as of ``as_of``:

1. A change counts from the causing document's 施行日期 (its 发布日期 when it has none), or
   from the 日期 of an external declaration; a change dated after ``as_of`` does not count yet
   (it is listed in ``upcoming``). A causing document that is a draft or not yet published
   causes nothing.
2. Repeal (已废止) and expiry (已失效) end a document and beat any amendment; when both
   apply, the earlier one is the one that ended it (a tie goes to the repeal, the explicit act).
3. Otherwise a replacement by a new version (替代) or an amendment (修改) makes it 已修改;
   a replacement is named in the notice before amendments, since it supersedes the whole text.
4. Otherwise the document is 尚未生效 while its 施行日期 is after ``as_of``, else 有效.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..model.documents import Interpretation, Policy
from ..model.status import Status


class ChangeKind(Enum):
    """What happened to a document, as its history section names it."""

    AMENDED = "修改"
    REPLACED = "替代"
    REPEALED = "废止"
    EXPIRED = "失效"

    @property
    def status(self) -> Status:
        return _STATUS_OF_KIND[self]


_STATUS_OF_KIND = {
    ChangeKind.AMENDED: Status.AMENDED,
    ChangeKind.REPLACED: Status.AMENDED,
    ChangeKind.REPEALED: Status.REPEALED,
    ChangeKind.EXPIRED: Status.EXPIRED,
}
_KIND_OF_EXTERNAL = {
    Status.AMENDED.value: ChangeKind.AMENDED,
    Status.REPEALED.value: ChangeKind.REPEALED,
    Status.EXPIRED.value: ChangeKind.EXPIRED,
}
_TERMINAL = (ChangeKind.REPEALED, ChangeKind.EXPIRED)


@dataclass(frozen=True)
class Event:
    """One change to a document: when, what, and who caused it.

    ``by_id`` names the causing document of the portal; for a change made outside the
    portal it is None and ``authority`` (with ``basis`` and ``note``) says who made it.
    For an expiry both are None: the document's own 有效期至 ended it.
    """

    date: dt.date
    kind: ChangeKind
    by_id: str | None = None
    by_title: str | None = None
    by_number: str | None = None
    authority: str | None = None
    basis: str | None = None
    note: str | None = None

    @property
    def external(self) -> bool:
        return self.authority is not None


@dataclass(frozen=True)
class Act:
    """What a document did to another one (the other side of an Event)."""

    date: dt.date
    kind: ChangeKind
    target_id: str
    target_title: str
    target_number: str | None = None


@dataclass(frozen=True)
class StatusRecord:
    """A policy's status as of the build date, with the notice shown above its text."""

    status: Status
    since: dt.date | None = None
    caused_by: str | None = None
    notice: str | None = None
    history: tuple[Event, ...] = ()
    upcoming: tuple[Event, ...] = ()
    acts: tuple[Act, ...] = ()
    explanation: str | None = None
    cause: Event | None = None

    @property
    def in_force(self) -> bool:
        return self.status is Status.IN_FORCE


def chinese_date(day: dt.date) -> str:
    """2020-03-01 → 2020年3月1日, as official documents write dates."""
    return f"{day.year}年{day.month}月{day.day}日"


def cite(title: str, number: str | None = None) -> str:
    """《title》（文号）: inner 《》 become 〈〉 as Chinese typography nests title marks."""
    inner = title.replace("《", "〈").replace("》", "〉")
    return f"《{inner}》（{number}）" if number else f"《{inner}》"


def change_date(policy: Policy) -> dt.date:
    """When a change made by ``policy`` counts: its 施行日期, else its 发布日期."""
    return policy.effective or policy.published


def _causes(policy: Policy, as_of: dt.date) -> bool:
    return not policy.draft and policy.published <= as_of


def _relations(corpus, as_of: dt.date):
    """(cause, kind, target) for every relation that resolves to exactly one other policy."""
    for cause in corpus.policies.values():
        if not _causes(cause, as_of):
            continue
        for attr, kind in (("amends", ChangeKind.AMENDED), ("repeals", ChangeKind.REPEALED),
                           ("replaces", ChangeKind.REPLACED)):
            seen = set()
            for ref in getattr(cause, attr):
                found = corpus.resolve(ref)
                if len(found) == 1 and found[0].id != cause.id and found[0].id not in seen:
                    seen.add(found[0].id)
                    yield cause, kind, found[0]


def _sort_key(event: Event):
    return (event.date, list(ChangeKind).index(event.kind), event.by_id or "")


def derive_statuses(corpus, as_of: dt.date) -> dict[str, StatusRecord]:
    """The StatusRecord of every policy of ``corpus`` as of ``as_of``."""
    events: dict[str, list[Event]] = {pid: [] for pid in corpus.policies}
    acts: dict[str, list[Act]] = {pid: [] for pid in corpus.policies}
    for cause, kind, target in _relations(corpus, as_of):
        date = change_date(cause)
        events[target.id].append(Event(date, kind, cause.id, cause.title, cause.doc_number))
        acts[cause.id].append(Act(date, kind, target.id, target.title, target.doc_number))
    for policy in corpus.policies.values():
        change = policy.external_change
        if change and change.status in _KIND_OF_EXTERNAL:
            events[policy.id].append(Event(
                change.date, _KIND_OF_EXTERNAL[change.status], authority=change.authority,
                basis=change.basis, note=change.note,
            ))
        if policy.expires:
            # 有效期至 is the last day in force; the notice names that day.
            events[policy.id].append(Event(policy.expires, ChangeKind.EXPIRED))
    return {
        pid: _record(corpus.policies[pid], sorted(events[pid], key=_sort_key),
                     tuple(sorted(acts[pid], key=lambda a: (a.date, a.target_id))), as_of)
        for pid in corpus.policies
    }


def _counts(event: Event, as_of: dt.date) -> bool:
    if event.kind is ChangeKind.EXPIRED and event.by_id is None and event.authority is None:
        return event.date < as_of
    return event.date <= as_of


def _record(policy: Policy, events: list[Event], acts: tuple[Act, ...], as_of: dt.date) -> StatusRecord:
    history = tuple(e for e in events if _counts(e, as_of))
    upcoming = tuple(e for e in events if not _counts(e, as_of))
    terminal = [e for e in history if e.kind in _TERMINAL]
    if terminal:
        first = min(terminal, key=lambda e: (e.date, e.kind is not ChangeKind.REPEALED))
        return StatusRecord(first.kind.status, first.date, first.by_id, _end_notice(first, policy),
                            history, upcoming, acts, first.note, first)
    changes = [e for e in history if e.kind in (ChangeKind.AMENDED, ChangeKind.REPLACED)]
    if changes:
        replaced = [e for e in changes if e.kind is ChangeKind.REPLACED]
        main = replaced[-1] if replaced else changes[-1]
        return StatusRecord(Status.AMENDED, main.date, main.by_id, _change_notice(changes),
                            history, upcoming, acts, main.note, main)
    if policy.effective and policy.effective > as_of:
        notice = f"本文件自{chinese_date(policy.effective)}起施行，目前尚未生效。"
        return StatusRecord(Status.NOT_YET_IN_FORCE, None, None, notice, history, upcoming, acts)
    return StatusRecord(Status.IN_FORCE, None, None, None, history, upcoming, acts)


def _external(event: Event) -> str:
    basis = f"（依据：{event.basis}）" if event.basis else ""
    return f"由{event.authority}{basis}"


def _end_notice(event: Event, policy: Policy) -> str:
    day = chinese_date(event.date)
    if event.kind is ChangeKind.EXPIRED:
        if event.external:
            return f"本文件已于{day}失效，{_external(event)}宣布。"
        return f"本文件有效期至{chinese_date(policy.expires)}，期满已失效。"
    if event.external:
        return f"本文件已于{day}{_external(event)}宣布废止。"
    return f"本文件已于{day}被{cite(event.by_title, event.by_number)}废止。"


def _change_notice(changes: list[Event]) -> str:
    replaced = [e for e in changes if e.kind is ChangeKind.REPLACED]
    if replaced:
        new = replaced[-1]
        return (f"本文件已于{chinese_date(new.date)}被新版本{cite(new.by_title, new.by_number)}替代，"
                "现行规定见新版本。")
    internal = [e for e in changes if not e.external]
    external = [e for e in changes if e.external]
    parts = []
    if internal:
        names = "、".join(cite(e.by_title, e.by_number) for e in internal)
        where = "该文件" if len(internal) == 1 else "各该文件"
        parts.append(f"本文件已被{names}修改，修改内容见{where}。")
    for e in external:
        parts.append(f"本文件已于{chinese_date(e.date)}{_external(e)}修改。")
    return "".join(parts)


def policy_citation(policy: Policy) -> str:
    """《title》（文号） of a policy."""
    return cite(policy.title, policy.doc_number)


def interpretation_notice(corpus, statuses: dict[str, StatusRecord],
                          interpretation: Interpretation) -> str | None:
    """The notice on an interpretation whose policy is not (or no longer, or not yet) in force."""
    sentences = []
    seen = set()
    for ref in interpretation.interprets:
        for policy in corpus.resolve(ref):
            record = statuses.get(policy.id)
            if policy.id in seen or record is None or record.in_force or not record.notice:
                continue
            seen.add(policy.id)
            detail = record.notice.replace("本文件", policy_citation(policy), 1)
            sentences.append(f"本解读所对应的政策{record.status.label}：{detail}")
    return "".join(sentences) or None
