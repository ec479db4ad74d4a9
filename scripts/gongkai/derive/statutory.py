"""What fills each item of 法定主动公开内容: the documents that answer it and the data it reads."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.documents import Policy
from ..model.statutory import (
    CATALOG,
    FEES,
    GAZETTE,
    ORGANISATION,
    POLICIES,
    StatutoryItem,
    items_for,
)


@dataclass(frozen=True)
class FilledItem:
    """One statutory item with the shown policies and the data sources that fill it."""

    item: StatutoryItem
    policies: tuple[Policy, ...]
    data: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.policies and not self.data


def answers(item: StatutoryItem, policy: Policy) -> bool:
    """Whether ``policy`` discloses what ``item`` asks: by 主题分类, or by words of 标题 or 主题词."""
    if set(item.topics) & set(policy.topics):
        return True
    text = policy.title + " " + " ".join(policy.keywords)
    return any(word in text for word in item.words)


def available_data(corpus, policies: list[Policy], gazette_issues: int = 0) -> set[str]:
    """The data sources of the portal that hold something."""
    present = {ORGANISATION: corpus.organisation is not None, FEES: bool(corpus.fees),
               CATALOG: bool(corpus.catalog), GAZETTE: gazette_issues > 0, POLICIES: bool(policies)}
    return {name for name, there in present.items() if there}


def fill_items(corpus, policies: list[Policy], level: str, gazette_issues: int = 0) -> list[FilledItem]:
    """Every statutory item of a portal at ``level``, with what fills it among ``policies``."""
    data = available_data(corpus, policies, gazette_issues)
    filled = []
    for item in items_for(level):
        docs = () if POLICIES in item.data else tuple(p for p in policies if answers(item, p))
        filled.append(FilledItem(item, docs, tuple(d for d in item.data if d in data)))
    return filled
