"""Which portal document a repeal or amendment clause cites: resolved only when unambiguous.

One set of rules serves the clause check and the importer's relation step, so the check never
asks for a relation that the import would not write, nor one another rule rejects:

- the cited document is named by its full title (or it is the 《title》 a 印发/发布 notice
  publishes), or by its 文号; a document that merely quotes the title in its own is not it;
- a 文号 or date written in the clause must agree with the document (a document without a
  文号 does not contradict one; every document has dates);
- the cited document is never newer than the citing one, nor published after the citing one
  takes effect, nor already ended when it is amended, nor reachable back from the citing one
  (no cycle);
- several versions of one title that pass all this: the newest is the text then in force.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model.documents import Policy
from ..model.status import Status

# A notice whose title only publishes another: "关于印发《X》的通知" stands for X.
_PUBLISHING = re.compile(r"(?:印发|发布|公布|颁布)《([^《》]+)》的(?:通知|公告|决定|令)$")


def plain_title(title: str) -> str:
    """A title with 〈〉 read as 《》 and no surrounding space."""
    return title.replace("〈", "《").replace("〉", "》").strip()


class TitleIndex:
    """The portal's policies by full title, and by the title a publishing notice carries."""

    def __init__(self, policies) -> None:
        self.titles: dict[str, list[Policy]] = {}
        for policy in policies:
            title = plain_title(policy.title)
            self.titles.setdefault(title, []).append(policy)
            published = _PUBLISHING.search(title)
            if published:
                self.titles.setdefault(published.group(1), []).append(policy)

    def matching(self, title: str) -> list[Policy]:
        """Policies whose full title is ``title``, or whose notice publishes it."""
        return list({p.id: p for p in self.titles.get(plain_title(title), [])}.values())

    def names(self, policy: Policy, title: str) -> bool:
        """Whether ``policy`` is a document called ``title`` by these rules."""
        return any(p.id == policy.id for p in self.matching(title))


@dataclass(frozen=True)
class Resolution:
    """What a citation resolved to: one target, or none with the candidates and why."""

    target: Policy | None
    candidates: tuple[Policy, ...] = ()
    reason: str = ""


def change_date(policy: Policy) -> dt.date:
    """When a policy's changes to others count: its 施行日期, else its 发布日期."""
    return policy.effective or policy.published


class Relations:
    """The portal's declared relations, for cycle and end-of-force questions."""

    ATTRS = ("amends", "repeals", "replaces")

    def __init__(self, corpus) -> None:
        self.corpus = corpus
        self.edges: dict[str, set[str]] = {}
        self.ended: dict[str, dt.date] = {}
        for policy in corpus.policies.values():
            for attr in self.ATTRS:
                for ref in getattr(policy, attr):
                    found = corpus.resolve(ref)
                    if len(found) == 1 and found[0].id != policy.id:
                        self.add(policy, attr, found[0])
            change = policy.external_change
            if change and change.status in (Status.REPEALED.value, Status.EXPIRED.value):
                self._end(policy.id, change.date)

    def add(self, cause: Policy, attr: str, target: Policy) -> None:
        """Record that ``cause`` amends, repeals or replaces ``target``."""
        self.edges.setdefault(cause.id, set()).add(target.id)
        if attr == "repeals":
            self._end(target.id, change_date(cause))

    def _end(self, doc_id: str, day: dt.date) -> None:
        self.ended[doc_id] = min(day, self.ended.get(doc_id, day))

    def reaches(self, start: str, goal: str) -> bool:
        """Whether a chain of relations leads from ``start`` to ``goal``."""
        seen, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(self.edges.get(node, ()))
        return False


def candidates(corpus, citation, citing: Policy, titles: TitleIndex) -> tuple[list[Policy], str]:
    """Policies the citation names by 文号 or full title (never the citing one), or why none."""
    if citation.number:
        # A bare 文号 may have swallowed the words before it ("发布的通民发〔2017〕45号").
        for start in range(len(citation.number)):
            found = [p for p in corpus.by_doc_number(citation.number[start:]) if p.id != citing.id]
            if found:
                if citation.title:
                    named = [p for p in found if titles.names(p, citation.title)]
                    if not named:
                        return [], f"门户中文号为 {citation.number[start:]} 的文件标题不是《{citation.title}》"
                    return named, ""
                return found, ""
    if not citation.title:
        return [], "门户中没有这个文号的文件"
    found = [p for p in titles.matching(citation.title) if p.id != citing.id]
    if citation.number:
        found = [p for p in found if not p.doc_number]
    return found, "" if found else "门户中没有这个标题的文件"


def resolve(corpus, citation, citing: Policy, kind: str, titles: TitleIndex,
            relations: Relations) -> Resolution:
    """The one document a clause of ``citing`` names, by the rules of this module."""
    found, why = candidates(corpus, citation, citing, titles)
    if not found:
        return Resolution(None, (), why)
    named = tuple(found)
    steps = (
        (lambda p: not citation.dates or bool(set(citation.dates) & {p.written, p.published, p.effective}),
         "正文所写日期（" + "、".join(d.isoformat() for d in citation.dates) + "）与门户中的文件不符"),
        (lambda p: (p.written, p.published) <= (citing.written, citing.published),
         "门户中的这个文件晚于本文件，只有较新的文件才能修改或废止较旧的文件"),
        (lambda p: change_date(citing) >= p.published, "门户中的这个文件发布于本文件施行之后"),
        (lambda p: not relations.reaches(p.id, citing.id), "与已有的修改、废止、替代关系构成循环"),
        (lambda p: kind != "修改" or relations.ended.get(p.id, dt.date.max) >= change_date(citing),
         "门户中的这个文件在本文件施行前已废止或失效"),
    )
    for keep, reason in steps:
        found = [p for p in found if keep(p)]
        if not found:
            return Resolution(None, named, reason)
    if len(found) > 1:
        if len({plain_title(p.title) for p in found}) > 1:
            return Resolution(None, named, "对应门户中的多个文件："
                              + "、".join(p.source.path for p in found))
        # Versions of one title: the clause names the text in force, the newest of them.
        found.sort(key=lambda p: (p.written, p.published, p.id))
    return Resolution(found[-1], named)
