"""Every item of 法定主动公开内容 must have content: an empty item counts against the office."""

from __future__ import annotations

from ..config import PortalConfig
from ..derive.statutory import fill_items
from ..read.corpus import Corpus
from .problem import Problem, error, warning


def check_statutory(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """One problem per empty item, naming it and what would fill it."""
    if config.statutory_rule == "off":
        return []
    shown = [p for p in corpus.policies.values() if not p.draft and p.published <= config.as_of]
    say = error if config.statutory_rule == "error" else warning
    return [
        say(f.item.fill_path, 1, "statutory-empty",
            f"法定主动公开内容{f.item.label}“{f.item.title}”没有内容。请{f.item.hint}。")
        for f in fill_items(corpus, shown, config.level, len(corpus.gazette))
        if f.empty
    ]
