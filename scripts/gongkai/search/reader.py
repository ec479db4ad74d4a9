"""Read the index as the browser does: the reference for tests and for scoring the benchmark."""

from __future__ import annotations

import json
from pathlib import Path

from .grams import hash_gram, query_grams
from .layout import OVERLAP, shard_path
from .normalize import query_terms


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


class IndexReader:
    """The units and records an index gives for a query, before any text is checked."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.table = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        self.first = []
        total = 0
        for delta in self.table["first"]:
            total += delta
            self.first.append(total)

    def units_of(self, gram: str) -> set[int]:
        """The units holding ``gram`` (or an n-gram sharing its hash)."""
        shards = self.table["shards"]
        h = hash_gram(gram)
        shard, slot = h & (shards - 1), h >> (shards.bit_length() - 1)
        data = (self.folder / shard_path(shard)).read_bytes()
        count, pos = _varint(data, 0)
        slots, codes = [], []
        for _ in range(count):
            gap, pos = _varint(data, pos)
            slots.append((slots[-1] if slots else 0) + gap)
        for _ in range(count):
            code, pos = _varint(data, pos)
            codes.append(code)
        dense_at = pos + sum(c // 2 for c in codes if c != 1)
        for i, code in enumerate(codes):
            if slots[i] == slot:
                if code == 1:
                    start = dense_at + self.table["bitmap"] * sum(1 for c in codes[:i] if c == 1)
                    bitmap = data[start:start + self.table["bitmap"]]
                    return {k * 8 + b for k, byte in enumerate(bitmap) for b in range(8) if byte >> b & 1}
                units, unit, end = set(), -1, pos + code // 2
                while pos < end:
                    gap, pos = _varint(data, pos)
                    unit += gap + 1
                    units.add(unit)
                return units
            if code != 1:
                pos += code // 2
        return set()

    def record_of(self, unit: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.first, unit) - 1

    def search(self, query: str) -> list[int]:
        """Record numbers whose units hold every n-gram of every term (candidates)."""
        found: set[int] | None = None
        for term in query_terms(query):
            sets = [self.units_of(g) for g in query_grams(term)]
            if len(term) <= OVERLAP + 1:
                units = set.intersection(*sets)
                records = {self.record_of(u) for u in units}
            else:
                records = set.intersection(*({self.record_of(u) for u in s} for s in sets))
            found = records if found is None else found & records
        return sorted(found or ())
