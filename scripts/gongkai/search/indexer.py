"""Build the portal's own literal search index from a spool of records, in bounded memory.

Run as ``python -m gongkai.search.indexer SPOOL OUT_DIR``: the build starts it in its own
process so that its memory is its own and is returned at once. Three passes:
  1. read the spool once for each record's date, filters and number of text units: records
     are numbered newest first, so "sort by 发布日期" is the record number and needs no date in
     the browser; the records table (filters, ranks, first units) is complete after this pass;
  2. stream the records: write each body unit's text file, hash the unit's 1-, 2- and 3-grams
     and append (hash, unit) pairs to one of P partition files on disk;
  3. one partition at a time: sort its pairs and write its shard files.
Passes 2 and 3 split over the machine's cores (WORKERS processes): each worker takes a run of
records, then every WORKERS-th partition; every unit's number is known from pass 1, so the
index is the same whatever the number of workers. Memory is one record plus a fixed write
buffer per worker in pass 2, one partition per worker in pass 3; the number of partitions grows
with the text so that a partition stays about the same size.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .gram_cache import GramCache
from .layout import (
    FILES_PER_FOLDER,
    MIN_SHARDS,
    OVERLAP,
    SHARD_BYTES,
    chunks,
    shard_path,
    unit_path,
)
from .records import FACETS, from_json, read_spool, record_head

# About this many (hash, unit) pairs per partition file: about 100 MB to sort in pass 3.
PAIRS_PER_PARTITION = 2_000_000
FLUSH_PAIRS = 2_000_000
STATUS_RANK = {"有效": 0, None: 0, "尚未生效": 1, "已修改": 2, "已失效": 3, "已废止": 3}
# Processes for passes 2 and 3; GONGKAI_INDEX_WORKERS=1 runs them in the indexer's own process.
WORKERS = max(1, min(int(os.environ.get("GONGKAI_INDEX_WORKERS", "0") or 0) or (os.cpu_count() or 1), 8))


@dataclass
class IndexStats:
    """What a build of the index did, for the build log and the benchmark."""

    records: int
    units: int
    pairs: int
    shards: int
    partitions: int
    bytes: int
    seconds: float
    peak_mb: float

    def summary(self) -> str:
        return (f"搜索索引：{self.records} 条记录，{self.units} 个文本单元，{self.shards} 个索引分片，"
                f"共 {self.bytes / 1e6:.1f} MB，用时 {self.seconds:.1f} 秒，内存峰值 {self.peak_mb:.0f} MB")


@dataclass
class _Planned:
    """What pass 1 keeps of a record: where it is, how it sorts, its units and filters."""

    offset: int
    sort_key: tuple
    units: int
    rank: int
    facets: dict


def build_index(spool: Path, out_dir: Path, workers: int | None = None, previous: Path | None = None,
                listing: Path | None = None, grams: Path | None = None) -> IndexStats:
    """Write the index for the records in ``spool`` into ``out_dir`` (replaced if present).

    ``previous``: the index the site holds now. A file that would be written with the bytes it
    already has there is not written (creating files is most of an index's time on a slow disk):
    ``out_dir`` then holds only what changed, and ``listing`` receives every file of the new
    index, one relative path a line, so that the caller can remove the files that are gone.
    ``grams``: a folder of the units' n-gram hashes (see gram_cache), read and then replaced."""
    start = time.perf_counter()
    workers = workers or WORKERS
    plan = _plan(spool)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    table, firsts, units = _table(plan)
    chars = spool.stat().st_size // 3
    partitions = _power_of_two(max(MIN_SHARDS, chars * 2 // PAIRS_PER_PARTITION), MIN_SHARDS)
    with tempfile.TemporaryDirectory(prefix="gongkai-index-") as tmp:
        work = Path(tmp)
        runs = _runs(plan, workers)
        fresh = grams.with_name(grams.name + ".new") if grams is not None else None
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir(parents=True)
        jobs = [(spool, [plan[i].offset for i in run], run.start, firsts[run.start], _Writer(out_dir, previous),
                 work / str(k), partitions, grams, fresh / str(k) if fresh else None)
                for k, run in enumerate(runs)]
        pairs = sum(_map(_write_units, jobs, workers))
        if fresh is not None:
            shutil.rmtree(grams, ignore_errors=True)
            fresh.rename(grams)
        bitmap = (units + 7) // 8
        shards = _power_of_two(int(pairs * 1.6 / SHARD_BYTES), partitions)
        sources = [work / str(k) for k in range(len(runs))]
        jobs = [(sources, range(k, partitions, workers), partitions, _Writer(out_dir, previous), shards, bitmap)
                for k in range(min(workers, partitions))]
        list(_map(_write_partitions, jobs, workers))
    # The records' own digest: the same records give the same index, byte for byte, and the
    # browser fetches again only when they changed.
    build = _digest(spool)
    table.update(v=1, build=build, units=units, shards=shards, bitmap=bitmap, overlap=OVERLAP,
                 per_folder=FILES_PER_FOLDER)
    _Writer(out_dir, previous).put("index.json", json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode())
    heads = set(firsts)
    every = ["index.json", *(unit_path(u) for u in range(units) if u not in heads),
             *(shard_path(s) for s in range(shards))]
    size = sum((out_dir / rel if (out_dir / rel).exists() else previous / rel).stat().st_size for rel in every)
    if listing is not None:
        listing.write_text("\n".join(every), encoding="utf-8")
    # The workers run side by side: their largest peak counted once per worker, plus this
    # process's own — an upper bound of the memory the indexer held at any moment.
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (workers if workers > 1 else 0)
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + children) / 1024
    return IndexStats(len(plan), units, pairs, shards, partitions, size,
                      time.perf_counter() - start, peak)


def _digest(spool: Path) -> str:
    digest = hashlib.blake2s(digest_size=6)
    with spool.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _map(function, jobs: list, workers: int):
    """``function`` over ``jobs``, in worker processes when there is more than one."""
    if workers <= 1 or len(jobs) <= 1:
        return [function(*job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, *zip(*jobs, strict=True)))


def _power_of_two(n: int, low: int) -> int:
    return max(low, 1 << max(0, math.ceil(math.log2(max(n, 1)))))


def _plan(spool: Path) -> list[_Planned]:
    """Pass 1: every record, newest first; undated records (list items, column pages) last."""
    plan = []
    for seq, (offset, record) in enumerate(read_spool(spool)):
        key = (record.date is None, _negated(record.date), seq)
        plan.append(_Planned(offset, key, 1 + len(chunks(record.text)),
                             STATUS_RANK.get(record.status, 0),
                             {name: record.facets.get(name) or [] for name in FACETS}))
    plan.sort(key=lambda p: p.sort_key)
    return plan


def _negated(date: str | None) -> tuple[int, ...]:
    return tuple(-int(x) for x in date.split("-")) if date else ()


def _table(plan: list[_Planned]) -> tuple[dict, list[int], int]:
    """The records table of index.json, each record's first unit, and the number of units."""
    vocab: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    facets: dict[str, list] = {name: [] for name in FACETS}
    firsts, unit = [], 0
    for planned in plan:
        firsts.append(unit)
        unit += planned.units
        for name in FACETS:
            facets[name].append([vocab[name].setdefault(v, len(vocab[name])) for v in planned.facets[name]])
    table = {
        "records": len(plan),
        "first": _deltas(firsts),
        "rank": [p.rank for p in plan],
        "facets": {name: list(vocab[name]) for name in FACETS},
        "values": {name: _compact(facets[name]) for name in FACETS},
    }
    return table, firsts, unit


def _runs(plan: list[_Planned], workers: int) -> list[range]:
    """Consecutive runs of records, one per worker, of about the same number of units."""
    total = sum(p.units for p in plan)
    runs, begin, done = [], 0, 0
    for i, planned in enumerate(plan):
        done += planned.units
        if len(runs) < workers - 1 and done >= total * (len(runs) + 1) / workers:
            runs.append(range(begin, i + 1))
            begin = i + 1
    runs.append(range(begin, len(plan)))
    return [run for run in runs if len(run)] or [range(0)]


class _Partitions:
    """Buffered appends of (hash, unit) pairs to P partition files, flushed at a fixed size."""

    def __init__(self, work: Path, count: int):
        self.work, self.count = work, count
        work.mkdir(parents=True, exist_ok=True)
        self.buffer: list[np.ndarray] = []
        self.buffered = 0
        self.total = 0

    def add(self, hashes: np.ndarray, unit: int) -> None:
        self.buffer.append((hashes.astype(np.uint64) << np.uint64(32)) | np.uint64(unit))
        self.buffered += len(hashes)
        if self.buffered >= FLUSH_PAIRS:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        pairs = np.concatenate(self.buffer)
        # Partition numbers fit in 16 bits, for which numpy's stable sort is a radix sort.
        part = ((pairs >> np.uint64(32)) & np.uint64(self.count - 1)).astype(np.uint16)
        order = np.argsort(part, kind="stable")
        pairs, part = pairs[order], part[order]
        bounds = np.searchsorted(part, np.arange(self.count + 1))
        for p in range(self.count):
            if bounds[p] < bounds[p + 1]:
                with (self.work / f"{p}.bin").open("ab") as f:
                    pairs[bounds[p]:bounds[p + 1]].tofile(f)
        self.total += len(pairs)
        self.buffer, self.buffered = [], 0


class _Writer:
    """Writes the index's files into ``out_dir``, but those ``previous`` already holds as they are."""

    def __init__(self, out_dir: Path, previous: Path | None):
        self.out_dir, self.previous = out_dir, previous
        self.folders: set[Path] = set()

    def put(self, rel: str, data: bytes) -> None:
        if self.previous is not None:
            try:
                if (self.previous / rel).read_bytes() == data:
                    return
            except OSError:
                pass
        path = self.out_dir / rel
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        path.write_bytes(data)


def _write_units(spool: Path, offsets: list[int], first_rid: int, first_unit: int, out: _Writer,
                 work: Path, partitions: int, grams: Path | None = None, keep: Path | None = None) -> int:
    """Pass 2 for a run of records: their units' text files and partitioned pairs; the pairs.
    The n-gram hashes come from ``grams`` where the text is unchanged and are kept in ``keep``."""
    parts = _Partitions(work, partitions)
    cache = GramCache(grams, keep)
    unit = first_unit
    with spool.open("rb") as f:
        for rid, offset in enumerate(offsets, start=first_rid):
            f.seek(offset)
            record = from_json(f.readline().decode("utf-8"))
            parts.add(cache.hashes(record_head(record)), unit)
            unit += 1
            line = [record.title, record.url, record.kind, record.doc_number or "",
                    record.issuer or "", record.date or "", record.status or "",
                    record.index_number or ""]
            for text in chunks(record.text):
                out.put(unit_path(unit), json.dumps({"r": rid, "h": line, "x": text}, ensure_ascii=False,
                                                    separators=(",", ":")).encode())
                parts.add(cache.hashes(text), unit)
                unit += 1
    parts.flush()
    cache.close()
    return parts.total


def _deltas(values: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *values], values, strict=False)]


def _compact(values: list[list[int]]) -> list:
    """One filter's value per record: an index, -1 for none, or a list when several."""
    return [v[0] if len(v) == 1 else (-1 if not v else v) for v in values]


def varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 bytes of each value, concatenated, and each value's byte length."""
    values = values.astype(np.uint64)
    lengths = np.ones(len(values), dtype=np.int64)
    for k in range(1, 10):
        lengths += values >= np.uint64(1 << (7 * k))
    out = np.empty(int(lengths.sum()), dtype=np.uint8)
    starts = np.cumsum(lengths) - lengths
    for k in range(int(lengths.max()) if len(values) else 0):
        has = lengths > k
        byte = (values[has] >> np.uint64(7 * k)) & np.uint64(0x7F)
        more = (lengths[has] > k + 1).astype(np.uint64) << np.uint64(7)
        out[starts[has] + k] = (byte | more).astype(np.uint8)
    return out, lengths


def _write_partitions(sources: list[Path], parts: range, partitions: int, out: _Writer, shards: int,
                      bitmap: int) -> None:
    """Pass 3 for every partition in ``parts``, its pairs gathered from each worker's files.
    Partition p holds the hashes whose low bits are p: the shards p, p + partitions, …"""
    for part in parts:
        files = [source / f"{part}.bin" for source in sources]
        _write_partition(files, range(part, shards, partitions), out, shards, bitmap)


def _write_partition(files: list[Path], own: range, out: _Writer, shards: int, bitmap: int) -> None:
    """Pass 3 for one partition: its shards' files.

    A shard file holds, all LEB128: the number of keys; each key's slot (hash >> log2 shards)
    as a gap from the previous; each key's code (2 × bytes of its unit list, or 1 for a bitmap);
    then the unit lists (gaps minus one) one after another; then the bitmaps, bitmap bytes each.
    """
    bits = shards.bit_length() - 1
    found = [np.fromfile(path, dtype=np.uint64) for path in files if path.exists()]
    for path in files:
        path.unlink(missing_ok=True)
    pairs = np.concatenate(found) if found else np.empty(0, dtype=np.uint64)
    h = (pairs >> np.uint64(32)).astype(np.uint64)
    unit = pairs & np.uint64(0xFFFFFFFF)
    del pairs
    shard = h & np.uint64(shards - 1)
    slot = h >> np.uint64(bits)
    key = (((shard << np.uint64(32 - bits)) | slot) << np.uint64(32)) | unit
    del h, shard, slot, unit
    key.sort()
    group_key = key >> np.uint64(32)
    unit = (key & np.uint64(0xFFFFFFFF)).astype(np.int64)
    del key
    starts = np.flatnonzero(np.r_[True, group_key[1:] != group_key[:-1]]) if len(group_key) else np.empty(0, np.int64)
    gk = group_key[starts]
    del group_key
    g_shard = (gk >> np.uint64(32 - bits)).astype(np.int64)
    g_slot = (gk & np.uint64((1 << (32 - bits)) - 1)).astype(np.int64)
    # Gaps between a key's units; the first is the unit itself.
    gaps = unit.copy()
    gaps[1:] -= unit[:-1] + 1
    gaps[starts] = unit[starts]
    gap_bytes, gap_len = varints(gaps)
    per_group = np.add.reduceat(gap_len, starts) if len(starts) else np.empty(0, np.int64)
    dense = per_group > bitmap
    # Slot gaps restart at each shard.
    slot_gaps = g_slot.copy()
    slot_gaps[1:] -= g_slot[:-1]
    new_shard = np.r_[True, g_shard[1:] != g_shard[:-1]] if len(g_shard) else np.empty(0, bool)
    slot_gaps[new_shard] = g_slot[new_shard]
    codes = np.where(dense, 1, per_group * 2)
    slot_bytes, slot_len = varints(slot_gaps)
    code_bytes, code_len = varints(codes)
    sparse_pair = ~np.repeat(dense, np.diff(np.r_[starts, len(unit)]))
    # Byte ranges per group in each stream, to cut per shard.
    slot_off = np.r_[0, np.cumsum(slot_len)]
    code_off = np.r_[0, np.cumsum(code_len)]
    sparse_len = np.where(dense, 0, per_group)
    sparse_off = np.r_[0, np.cumsum(sparse_len)]
    sparse_stream = gap_bytes[np.repeat(sparse_pair, gap_len)] if len(gap_len) else gap_bytes
    shard_bounds = np.searchsorted(g_shard, np.arange(shards + 1))
    group_ends = np.r_[starts[1:], len(unit)] if len(starts) else starts
    for s in own:
        a, b = int(shard_bounds[s]), int(shard_bounds[s + 1])
        pieces = [varints(np.array([b - a]))[0], slot_bytes[slot_off[a]:slot_off[b]],
                  code_bytes[code_off[a]:code_off[b]], sparse_stream[sparse_off[a]:sparse_off[b]]]
        for g in np.flatnonzero(dense[a:b]) + a:
            mask = np.zeros(bitmap * 8, dtype=bool)
            mask[unit[starts[g]:group_ends[g]]] = True
            pieces.append(np.packbits(mask, bitorder="little"))
        out.put(shard_path(s), b"".join(p.tobytes() for p in pieces))


def main(argv: list[str] | None = None) -> int:
    """Command line: SPOOL OUT_DIR [PREVIOUS LISTING [GRAMS]] (- for none); prints the summary line."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 4, 5):
        print("用法：python -m gongkai.search.indexer 记录文件 输出目录 [现有索引目录 文件清单 [散列缓存目录]]"
              "（不用的写 -）", file=sys.stderr)
        return 2
    extra = [None if a in (None, "-") else Path(a) for a in (*args[2:], None, None, None)[:3]]
    stats = build_index(Path(args[0]), Path(args[1]), previous=extra[0], listing=extra[1], grams=extra[2])
    print(json.dumps(stats.__dict__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
