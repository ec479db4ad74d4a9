"""Versions of one document (linked by 替代) and the differences between consecutive versions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model.documents import Policy


def _replaces(corpus, policy: Policy) -> list[Policy]:
    found = {}
    for ref in policy.replaces:
        targets = corpus.resolve(ref)
        if len(targets) == 1 and targets[0].id != policy.id:
            found[targets[0].id] = targets[0]
    return list(found.values())


def version_chains(corpus) -> dict[str, tuple[Policy, ...]]:
    """For each policy that has other versions: all its versions, oldest first.

    Versions are the policies connected by 替代, in either direction; a document that
    merges two earlier ones makes them all versions of one text.
    """
    neighbours: dict[str, set[str]] = {}
    for policy in corpus.policies.values():
        for old in _replaces(corpus, policy):
            neighbours.setdefault(policy.id, set()).add(old.id)
            neighbours.setdefault(old.id, set()).add(policy.id)
    chains: dict[str, tuple[Policy, ...]] = {}
    for start in sorted(neighbours):
        if start in chains:
            continue
        members, todo = set(), [start]
        while todo:
            node = todo.pop()
            if node not in members:
                members.add(node)
                todo += neighbours[node] - members
        chain = tuple(sorted((corpus.policies[m] for m in members),
                             key=lambda p: (p.written, p.published, p.id)))
        for member in members:
            chains[member] = chain
    return chains


@dataclass(frozen=True)
class Segment:
    """A run of text in a diff: ``kind`` is 'same', 'added' or 'removed'."""

    kind: str
    text: str


@dataclass(frozen=True)
class DiffLine:
    """One paragraph of the comparison: unchanged, added, removed, or changed within."""

    kind: str  # 'same', 'added', 'removed' or 'changed'
    segments: tuple[Segment, ...]


_SPACE = re.compile(r"[ \t\u3000]+")
_HEADING = re.compile(r"^#{1,6}\s+")


def _paragraphs(text: str) -> list[str]:
    # Markdown heading marks are layout, not text a reader compares.
    return [_HEADING.sub("", _SPACE.sub(" ", line).strip()) for line in text.splitlines() if line.strip()]


def diff_texts(old: str, new: str) -> tuple[DiffLine, ...]:
    """Paragraph by paragraph, then character by character within a changed paragraph.

    Chinese has no spaces between words, so the finest useful unit is the character.
    """
    before, after = _paragraphs(old), _paragraphs(new)
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            lines += [DiffLine("same", (Segment("same", p),)) for p in before[i1:i2]]
            continue
        olds, news = before[i1:i2], after[j1:j2]
        pairs = min(len(olds), len(news)) if op == "replace" else 0
        for a, b in zip(olds[:pairs], news[:pairs], strict=True):
            lines.append(_changed(a, b))
        lines += [DiffLine("removed", (Segment("removed", p),)) for p in olds[pairs:]]
        lines += [DiffLine("added", (Segment("added", p),)) for p in news[pairs:]]
    return tuple(lines)


def _changed(old: str, new: str) -> DiffLine:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.4:
        # Little in common: show the old paragraph removed and the new one added.
        return DiffLine("changed", (Segment("removed", old), Segment("added", new)))
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", old[i1:i2]))
            continue
        if i2 > i1:
            segments.append(Segment("removed", old[i1:i2]))
        if j2 > j1:
            segments.append(Segment("added", new[j1:j2]))
    return DiffLine("changed", tuple(segments))


def diff_counts(lines: tuple[DiffLine, ...]) -> tuple[int, int]:
    """(characters added, characters removed) over a whole comparison."""
    added = sum(len(s.text) for line in lines for s in line.segments if s.kind == "added")
    removed = sum(len(s.text) for line in lines for s in line.segments if s.kind == "removed")
    return added, removed
