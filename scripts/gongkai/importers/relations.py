"""Relations from the text: repeal and amendment clauses of imported documents, with evidence.

A clause becomes a 废止 or 修改 relation only when its citation resolves by the rules the clause
check uses (check/citations.py); every other citation is kept for an editor to review.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..check.citations import Relations, TitleIndex, resolve
from ..check.clauses import find_clauses, relation_ref
from ..config import PortalConfig
from ..model.documents import Policy
from ..read.corpus import Corpus, read_corpus
from ..read.documents import document_from_bytes
from .jsonl import Draft
from .yaml_style import markdown

_ATTR = {"废止": "repeals", "修改": "amends"}
PLACEHOLDER_AUTHORITY = "（来源数据未载明）"


@dataclass(frozen=True)
class Cited:
    """A clause's citation: in which file, at which line of the body, and the sentence."""

    path: str
    body_offset: int
    sentence: str
    kind: str
    label: str


@dataclass(frozen=True)
class Inferred:
    """A relation written because a clause resolved to exactly one document."""

    cited: Cited
    ref: str
    target_path: str


@dataclass(frozen=True)
class Unresolved:
    """A clause's citation left for an editor: why, and which documents it might mean."""

    cited: Cited
    reason: str
    candidates: tuple[str, ...]


def portal_with(drafts: dict[str, Draft], config: PortalConfig) -> tuple[Corpus, dict[str, Policy]]:
    """The portal as it would be with ``drafts`` written; and the drafts read back as policies."""
    corpus = read_corpus(config)
    new: dict[str, Policy] = {}
    for rel, draft in drafts.items():
        path = f"{config.content_dir}/{rel}"
        raw = markdown(draft.meta, draft.body).encode("utf-8")
        doc, _ = document_from_bytes(raw, config.content_path / rel, rel, path, config)
        if isinstance(doc, Policy):
            new[doc.id] = doc
    corpus.policies = {k: v for k, v in corpus.policies.items() if k not in new} | new
    return corpus, new


def infer_relations(drafts: dict[str, Draft], config: PortalConfig) -> tuple[list[Inferred], list[Unresolved]]:
    """Add to ``drafts`` the relations their clauses establish; return them and the rest."""
    corpus, new = portal_with(drafts, config)
    titles, relations = TitleIndex(corpus.policies.values()), Relations(corpus)
    inferred, unresolved = [], []
    # Oldest first, so a repeal is known before a later document would amend the same text.
    for policy in sorted(new.values(), key=lambda p: (p.written, p.published, p.id)):
        draft = drafts[policy.id + ".md"]
        related = {p.id for ref in policy.replaces for p in corpus.resolve(ref)}
        for clause in find_clauses(policy.body, policy.source.body_line):
            for citation in clause.citations:
                cited = Cited(policy.id + ".md", clause.line - policy.source.body_line, clause.sentence,
                              clause.kind, citation.label())
                found = resolve(corpus, citation, policy, clause.kind, titles, relations)
                if found.target is None:
                    unresolved.append(Unresolved(cited, found.reason,
                                                 tuple(p.source.path for p in found.candidates)))
                    continue
                if any(p.id in related for p in found.candidates):
                    continue
                target = found.target
                ref = relation_ref(target, corpus)
                draft.meta.setdefault(clause.kind, []).append(ref)
                draft.comments.setdefault(clause.kind, {})[ref] = f"依据正文：{clause.sentence}"
                related.add(target.id)
                relations.add(policy, _ATTR[clause.kind], target)
                inferred.append(Inferred(cited, ref, target.source.path))
                _drop_placeholder_repeal(drafts.get(target.id + ".md"), clause.kind)
    for draft in drafts.values():
        _order_relations(draft)
    return inferred, unresolved


def _drop_placeholder_repeal(draft: Draft | None, kind: str) -> None:
    # The source only flagged the text as no longer in force; now the repealing text is known.
    change = draft.meta.get("外部变更") if draft else None
    if kind == "废止" and change and change.get("机关") == PLACEHOLDER_AUTHORITY:
        del draft.meta["外部变更"]


_ORDER = ("修改", "废止", "替代", "外部变更", "草稿", "待核对", "示例")


def _order_relations(draft: Draft) -> None:
    """Keep the relations where the field list puts them (修改, 废止 before 替代)."""
    if not any(k in draft.meta for k in ("修改", "废止")):
        return
    tail = {k: draft.meta.pop(k) for k in _ORDER if k in draft.meta}
    draft.meta.update(tail)
