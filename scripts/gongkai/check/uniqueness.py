"""Unique 文号 and 索引号 across the portal."""

from __future__ import annotations

from collections import defaultdict

from .problem import Problem, error

_FIELDS = (("文号", "doc_number"), ("索引号", "index_number"))


def check_uniqueness(policies) -> list[Problem]:
    """Each 文号 and 索引号 belongs to exactly one document."""
    problems = []
    for key, attr in _FIELDS:
        holders = defaultdict(list)
        for doc in policies:
            if getattr(doc, attr):
                holders[getattr(doc, attr)].append(doc)
        for value, docs in holders.items():
            if len(docs) < 2:
                continue
            for doc in docs:
                others = "、".join(d.source.path for d in docs if d is not doc)
                problems.append(error(
                    doc.source.path, doc.source.line_of(key), f"duplicate-{attr.replace('_', '-')}",
                    f"{key}“{value}”与 {others} 重复。{key}在门户中必须唯一：请核对原件后改正其中一个。",
                ))
    return problems
