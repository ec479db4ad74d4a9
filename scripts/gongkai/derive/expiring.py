"""Normative documents whose 有效期 ends soon: the input to a 清理 review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model.documents import Policy
from ..model.status import Status
from .status import derive_statuses


@dataclass(frozen=True)
class Expiring:
    """A normative document still in force whose 有效期至 falls within the window."""

    policy: Policy
    expires: dt.date
    days_left: int
    status: Status


def expiring_within(corpus, as_of: dt.date, days: int) -> list[Expiring]:
    """行政规范性文件 in force (or amended) on ``as_of`` whose 有效期至 is within ``days`` days."""
    statuses = derive_statuses(corpus, as_of)
    found = []
    for policy in corpus.policies.values():
        record = statuses[policy.id]
        if not policy.normative or policy.draft or not policy.expires or policy.published > as_of:
            continue
        # Repealed and already expired documents need no review; amended ones still run out.
        if record.status in (Status.REPEALED, Status.EXPIRED):
            continue
        left = (policy.expires - as_of).days
        if 0 <= left <= days:
            found.append(Expiring(policy, policy.expires, left, record.status))
    return sorted(found, key=lambda e: (e.expires, e.policy.id))
