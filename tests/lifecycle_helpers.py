"""Policies and corpora built in memory, for the lifecycle tests (status, rules, versions)."""

from __future__ import annotations

import datetime as dt

from gongkai.model.documents import Interpretation, Policy, Source
from gongkai.read.corpus import Corpus

D = dt.date
DEFAULT_WRITTEN = D(2019, 1, 1)


def policy(pid: str, number: str | None = None, *, title: str | None = None,
           written: dt.date = DEFAULT_WRITTEN, published: dt.date | None = None,
           lines: dict[str, int] | None = None, body_line: int = 1, **fields) -> Policy:
    """A policy with only what the lifecycle code reads; ``lines`` maps keys to line numbers."""
    return Policy(
        id=pid, source=Source(f"content/{pid}.md", lines or {}, body_line), title=title or f"关于{pid}的通知",
        issuer="通辽市人民政府", doc_type="通知", topics=("综合政务",), written=written,
        published=published or written, doc_number=number, **fields,
    )


def corpus_of(*policies: Policy, interpretations: tuple[Interpretation, ...] = ()) -> Corpus:
    """A Corpus holding exactly these documents."""
    corpus = Corpus()
    corpus.policies = {p.id: p for p in policies}
    corpus.interpretations = {i.id: i for i in interpretations}
    return corpus
