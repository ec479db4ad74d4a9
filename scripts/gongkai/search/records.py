"""What the index holds of a page: typed records, spooled to disk while the site is built.

Pages declare what they offer (see ``gongkai.pages.index_offer``); the build writes each record
as one JSON line, so the indexer can run in its own process, in bounded memory, after MkDocs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import asdict
from html import unescape
from pathlib import Path

from ..pages.index_offer import IndexOffer

# The filters of the search page, in the order they are shown.
FACETS = ("类型", "发文机关", "年份", "主题分类", "有效性", "公文种类")

# A record is what a page offers, its text filled in from the page where it gave none.
SearchRecord = IndexOffer


def record_head(record: SearchRecord) -> str:
    """The short text matched first: title, 文号, 索引号 and issuing body."""
    return "\n".join(x for x in (record.title, record.doc_number, record.index_number, record.issuer) if x)


def to_json(record: SearchRecord) -> str:
    """One spool line."""
    return json.dumps(asdict(record), ensure_ascii=False)


def from_json(line: str) -> SearchRecord:
    """A record from a spool line."""
    return SearchRecord(**json.loads(line))


class Spool:
    """An append-only JSON Lines file of records, one per line."""

    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self._file = path.open("w", encoding="utf-8")

    def add(self, record: SearchRecord) -> str:
        """Spool ``record``; return its line (without the newline)."""
        line = to_json(record)
        self.add_line(line)
        return line

    def add_line(self, line: str) -> None:
        """Spool a record already written as a line (kept from a previous build)."""
        self._file.write(line + "\n")
        self.count += 1

    def close(self) -> None:
        self._file.close()


def read_spool(path: Path) -> Iterator[tuple[int, SearchRecord]]:
    """(byte offset, record) of each line of a spool, streamed."""
    with path.open("rb") as f:
        while True:
            offset = f.tell()
            line = f.readline()
            if not line:
                return
            yield offset, from_json(line.decode("utf-8"))


_DROP = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|li|ul|ol|tr|table|h[1-6]|section|br|dd|dt|blockquote|pre)\b[^>]*>", re.I)
_CELL = re.compile(r"</t[dh]>", re.I)
_TAG = re.compile(r"<[^>]+>")
_BLANK = re.compile(r"[ \t\u3000]*\n[\s\u3000]*")


def html_text(html: str) -> str:
    """The readable text of an HTML fragment: blocks on their own lines, cells apart."""
    text = _DROP.sub("", html)
    text = _CELL.sub(" ", text)
    text = _BLOCK.sub("\n", text)
    text = unescape(_TAG.sub("", text))
    return _BLANK.sub("\n", text).strip()
