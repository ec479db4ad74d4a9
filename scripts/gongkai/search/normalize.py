"""How text and queries are cut and compared: one definition shared by the index and the page.

The browser script (assets/search.js) repeats these rules; tests check that both agree.
"""

from __future__ import annotations

import re
import unicodedata

# Brackets editors use for a 文号's year: all read as the official 〔〕 (after NFKC has turned
# full-width ［］（） into [] ()).
_BRACKETS = str.maketrans({"[": "〔", "(": "〔", "【": "〔", "〖": "〔",
                           "]": "〕", ")": "〕", "】": "〕", "〗": "〕"})

# 通政办字〔2017〕第157号 is the same 文号 as 通政办字〔2017〕157号.
_NUMBER_WITH_DI = re.compile(r"(〔\d{4}〕)第(\d+号)")

# A query that is a whole 文号: issuer code, year in brackets, serial, 号 optional.
_DOC_NUMBER = re.compile(r"^(\S*?[^\d\s〔〕])〔(\d{4})〕第?(\d+)号?$")
# A 令 number (国务院令第406号, 财政部令第6号): 第 and 号 optional when typed.
_DECREE_NUMBER = re.compile(r"^(\S*?令)第?(\d+)号?$")

# The longest n-gram in the index; longer terms are found by all their trigrams.
GRAM = 3


def normalize(text: str) -> str:
    """Text as the index compares it: NFKC, lower case, one kind of bracket, 文号 without 第."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_BRACKETS)
    return _NUMBER_WITH_DI.sub(r"\1\2", text)


def query_terms(query: str) -> list[str]:
    """The terms of a query, normalized: separated by spaces, each found literally. A query
    that is a whole 文号 is looked up in its canonical spelling, so 〔2024〕1 finds 1号, not 10号."""
    number = doc_number_key(query)
    if number:
        return [number]
    terms = []
    for raw in normalize(query).split():
        if raw not in terms:
            terms.append(raw)
    return terms


def doc_number_key(text: str) -> str | None:
    """The canonical 文号 (代字〔年份〕序号号) when ``text`` is one, in any usual spelling."""
    text = normalize(text).replace(" ", "")
    match = _DOC_NUMBER.match(text)
    if match:
        return f"{match.group(1)}〔{match.group(2)}〕{int(match.group(3))}号"
    match = _DECREE_NUMBER.match(text)
    if match and len(match.group(1)) > 1:
        return f"{match.group(1)}第{int(match.group(2))}号"
    return None


def contains(text: str, terms: list[str]) -> bool:
    """True when normalized ``text`` holds every term: the definition of a correct result."""
    return all(term in text for term in terms)
