"""Unique 文号 and 索引号 across the portal."""

from __future__ import annotations

from collections import defaultdict

from .problem import Problem, error, warning

_FIELDS = (("文号", "doc_number"), ("索引号", "index_number"))


def check_uniqueness(policies, corpus=None) -> list[Problem]:
    """Each 文号 and 索引号 belongs to exactly one document (versions of one text may share a 文号)."""
    problems = []
    for key, attr in _FIELDS:
        holders = defaultdict(list)
        for doc in policies:
            if getattr(doc, attr):
                holders[getattr(doc, attr)].append(doc)
        for value, docs in holders.items():
            if len(docs) < 2:
                continue
            versions = attr == "doc_number" and corpus is not None and _versions_of_one_text(docs, corpus)
            for doc in docs:
                others = "、".join(d.source.path for d in docs if d is not doc)
                code = f"duplicate-{attr.replace('_', '-')}"
                if versions:
                    # Amended texts of a law are republished under the order that first promulgated it.
                    problems.append(warning(
                        doc.source.path, doc.source.line_of(key), code,
                        f"{key}“{value}”与 {others} 相同：它们是同一文件的不同版本，沿用了原文号。"
                        f"引用其中一个版本时请写文件编号，不要写{key}。",
                    ))
                    continue
                problems.append(error(
                    doc.source.path, doc.source.line_of(key), code,
                    f"{key}“{value}”与 {others} 重复。{key}在门户中必须唯一：请核对原件后改正其中一个。",
                ))
    return problems


def _versions_of_one_text(docs, corpus) -> bool:
    """Whether ``docs`` share one title and each later one replaces (替代) an earlier one."""
    if len({d.title for d in docs}) != 1:
        return False
    ids = {d.id for d in docs}
    ordered = sorted(docs, key=lambda d: (d.written, d.published, d.id))
    return all(any(p.id in ids for ref in d.replaces for p in corpus.resolve(ref)) for d in ordered[1:])
