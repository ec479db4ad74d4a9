"""The text agrees with the front matter: a repeal or amendment clause has its relation.

Official documents state repeals and amendments in their text ("《…》（…号）同时废止",
"…予以废止", "…停止执行", "…不再执行", "对《…》作如下修改"). When such a clause cites a
document of the portal by 《title》 or 文号, the citing document must declare the matching
relation (废止 or 修改; 替代 covers both), or the cited page would never be marked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .citations import Relations, TitleIndex, resolve
from .problem import Problem, error, warning

# Clause endings that end a cited document's force, and those that amend it.
REPEAL_WORDS = ("同时废止", "予以废止", "一并废止", "即行废止", "起废止", "停止执行", "不再执行",
                "同时失效", "宣布失效")
AMEND_WORDS = ("作如下修改", "作出如下修改", "作如下修订", "作如下修正", "修改如下")
_TRIGGER = re.compile("|".join(map(re.escape, REPEAL_WORDS + AMEND_WORDS)))

# 文号: 机关代字〔年份〕序号号, also with the brackets editors type instead of 〔〕.
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff（）()]{1,20}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}号"
                        r"|[\u4e00-\u9fff]{1,12}令第\d{1,5}号")
_OPEN, _CLOSE = "《〈（(", "》〉）)"
_SEPARATORS = "，；：。,;:"
QUOTE_LIMIT = 80


@dataclass(frozen=True)
class Citation:
    """A document cited in a clause: its 《title》 and/or 文号, as written."""

    title: str | None
    number: str | None
    dates: tuple[dt.date, ...] = ()

    def label(self) -> str:
        if self.title and self.number:
            return f"《{self.title}》（{self.number}）"
        return f"《{self.title}》" if self.title else self.number


@dataclass(frozen=True)
class Clause:
    """A repeal or amendment clause found in a body: where, what it says, whom it cites."""

    line: int
    sentence: str
    kind: str  # "废止" or "修改"
    citations: tuple[Citation, ...]


def find_clauses(body: str, first_line: int = 1) -> list[Clause]:
    """Every repeal or amendment clause of ``body`` that cites a 《title》 or 文号."""
    clauses = []
    # Look for the few trigger words first: most of a long body has none.
    for start, sentence in _sentences_with_triggers(body):
        for match in _TRIGGER.finditer(sentence):
            words = match.group(0)
            kind = "修改" if words in AMEND_WORDS else "废止"
            citations = _citations(_segment_before(sentence, match.start()))
            if citations:
                line = first_line + body.count("\n", 0, start)
                clauses.append(Clause(line, sentence.strip(), kind, tuple(citations)))
    return clauses


def _sentences_with_triggers(body: str):
    """(offset, text) of each sentence holding a trigger word; a sentence ends at 。 or a line end."""
    seen = set()
    for match in _TRIGGER.finditer(body):
        start = max(body.rfind("。", 0, match.start()), body.rfind("\n", 0, match.start())) + 1
        if start in seen:
            continue
        seen.add(start)
        ends = [i for i in (body.find("。", match.end()), body.find("\n", match.end())) if i >= 0]
        end = min(ends) + 1 if ends else len(body)
        text = body[start:end].rstrip("\n")
        yield start + len(text) - len(text.lstrip()), text


def _segment_before(sentence: str, end: int) -> str:
    """The clause's subject: text before ``end`` back to a separator outside brackets."""
    depth = 0
    for index in range(end - 1, -1, -1):
        char = sentence[index]
        if char in _CLOSE:
            depth += 1
        elif char in _OPEN:
            depth = max(0, depth - 1)
        elif char in _SEPARATORS and depth == 0:
            return sentence[index + 1:end]
    return sentence[:end]


def _citations(segment: str) -> list[Citation]:
    """《title》 with an optional （文号…） after it, and bare 文号, in order, with the dates before each."""
    found, index, dates_from = [], 0, 0
    while index < len(segment):
        if segment[index] == "《":
            close = _matching(segment, index)
            title = segment[index + 1:close]
            number = None
            rest = segment[close + 1:]
            if rest[:1] in ("（", "("):
                end = _matching(rest, 0)
                hit = DOC_NUMBER.search(rest[1:end])
                number = hit.group(0) if hit else None
                close += end + 1
            # "…《关于修改…的决定》修正的《X》": the decision only says how X came to be.
            if not _MODIFIER.match(segment, close + 1):
                found.append(Citation(title, number, _dates(segment[dates_from:index])))
                dates_from = close + 1
            index = close + 1
            continue
        hit = DOC_NUMBER.match(segment, index)
        if hit:
            found.append(Citation(None, hit.group(0), _dates(segment[dates_from:index])))
            index = dates_from = hit.end()
            continue
        index += 1
    return found


_MODIFIER = re.compile(r"(?:第[一二三四五六七八九十百\d]+次)?(?:修正|修订|修改|通过|批准)")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _dates(text: str) -> tuple[dt.date, ...]:
    """The real dates written in ``text`` (年月日), in order."""
    days = []
    for year, month, day in _DATE.findall(text):
        try:
            days.append(dt.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return tuple(days)


def _matching(text: str, open_index: int) -> int:
    """Index of the bracket closing the one at ``open_index`` (end of text if unclosed)."""
    depth = 0
    for index in range(open_index, len(text)):
        if text[index] in _OPEN:
            depth += 1
        elif text[index] in _CLOSE:
            depth -= 1
            if depth == 0:
                return index
    return len(text)


def _quote(sentence: str) -> str:
    # A long clause names what it repeals at its end ("……修正的《…》同时废止。"): keep that.
    return sentence if len(sentence) <= QUOTE_LIMIT else "……" + sentence[-QUOTE_LIMIT:]


def check_clauses(corpus, config) -> list[Problem]:
    """Report repeal and amendment clauses whose cited portal document lacks the relation."""
    make = error if config.clause_rule == "error" else warning
    problems = []
    titles = TitleIndex(corpus.policies.values())
    relations = None
    for policy in corpus.policies.values():
        clauses = find_clauses(policy.body, policy.source.body_line)
        if not clauses:
            continue
        relations = relations or Relations(corpus)
        related = {
            attr: {p.id for ref in getattr(policy, attr) for p in corpus.resolve(ref)}
            for attr in ("amends", "repeals", "replaces")
        }
        for clause in clauses:
            wanted = related["repeals" if clause.kind == "废止" else "amends"] | related["replaces"]
            for citation in clause.citations:
                found = resolve(corpus, citation, policy, clause.kind, titles, relations)
                if found.target is None or any(p.id in wanted for p in found.candidates):
                    continue
                problems.append(_without_relation(make, policy, clause, citation, found.target, corpus))
    return problems


def relation_ref(target, corpus) -> str:
    """How a relation names ``target``: its 文号 when that is unique in the portal, else its id."""
    if target.doc_number and len(corpus.by_doc_number(target.doc_number)) == 1:
        return target.doc_number
    return target.id


def _without_relation(make, policy, clause: Clause, citation: Citation, target, corpus) -> Problem:
    ref = relation_ref(target, corpus)
    return make(
        policy.source.path, clause.line, "clause-without-relation",
        f"正文写明“{_quote(clause.sentence)}”，但前置信息的“{clause.kind}”字段没有列出"
        f"{citation.label()}（{target.source.path}）。请在前置信息中加上"
        f"“{clause.kind}: [{ref}]”，该文件页面才会标明{'已废止' if clause.kind == '废止' else '已修改'}；"
        "如果正文所引的不是这个文件，请核对标题或文号。",
    )
