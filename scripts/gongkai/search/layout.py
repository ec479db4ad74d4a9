"""The index's files under the site, and the numbers both the indexer and the page read.

    sousuo/idx/index.json            counts, filter values, and per record its units and filters
    sousuo/idx/p/<shard>.bin         postings of the n-grams whose hash ends in <shard>
    sousuo/idx/t/<k>/<unit>.json     a unit's text (a body chunk) and its record's result line

A record (one result) has a head unit (title, 文号, 索引号, 发文机关) and one or more body units:
its text cut every CHUNK characters, each unit running OVERLAP characters into the next, so any
term of up to OVERLAP + 1 characters lies whole inside one unit.
"""

from __future__ import annotations

INDEX_DIR = "sousuo/idx/"
CHUNK = 2000
OVERLAP = 64
FILES_PER_FOLDER = 1000
# A shard file aims at this many bytes: small enough that a query of several n-grams fetches
# little, large enough that the number of files stays reasonable.
SHARD_BYTES = 8_000
MIN_SHARDS = 16


def chunks(text: str) -> list[str]:
    """The body units of ``text``: at least one, each CHUNK characters plus the overlap."""
    if not text:
        return [""]
    return [text[i:i + CHUNK + OVERLAP] for i in range(0, len(text), CHUNK)]


def unit_path(unit: int) -> str:
    """Where a body unit's text lives, relative to the index folder."""
    return f"t/{unit // FILES_PER_FOLDER}/{unit}.json"


def shard_path(shard: int) -> str:
    """Where a shard of postings lives, relative to the index folder."""
    return f"p/{shard}.bin"
