"""What the site shows as of a date: a policy never before its interpretation, nor the reverse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..read.corpus import Corpus


@dataclass(frozen=True)
class Publication:
    """The ids of the documents the site shows as of ``as_of``."""

    as_of: dt.date
    policies: frozenset[str]
    interpretations: frozenset[str]

    def shows(self, doc_id: str) -> bool:
        return doc_id in self.policies or doc_id in self.interpretations


def is_released(doc, as_of: dt.date) -> bool:
    """Not a draft, and its 发布日期 has come."""
    return not doc.draft and doc.published <= as_of


def derive_publication(corpus: Corpus, as_of: dt.date) -> Publication:
    """Drafts and future documents stay out, and take their partners with them."""
    released = {i.id for i in corpus.interpretations.values() if is_released(i, as_of)}
    policies = frozenset(
        p.id for p in corpus.policies.values()
        if is_released(p, as_of) and (
            not p.needs_interpretation
            or any(i.id in released for i in corpus.interpretations_of(p.id))
        )
    )
    interpretations = frozenset(
        i.id for i in corpus.interpretations.values()
        if i.id in released and _targets(corpus, i) and _targets(corpus, i) <= policies
    )
    return Publication(as_of, policies, interpretations)


def _targets(corpus: Corpus, interpretation) -> set[str]:
    return {p.id for ref in interpretation.interprets for p in corpus.resolve(ref)}
