"""Rebuild the amendment chains of ../shared/corpus/laws-dev.jsonl and compare statuses.

Run: .venv/bin/python -m tests.bench_lifecycle   (prints the agreement figures)

Records with the same title are versions of one text; each later date_issued replaces the
one before (替代). A record the corpus calls 已废止 has no newer version: it is modelled as
an external declaration (外部变更, 状态 已废止) dated on the snapshot date, since the
source says who flagged it but not when. Statuses are derived as of the snapshot date.
A chain is complete when every version of the title has a date_issued, no two share one
(so "later" means something), and the later version the corpus names (status_basis "later
version in corpus: …") is itself in the file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import gongkai.check  # noqa: F401 - gongkai.check must load before gongkai.read.corpus
from gongkai.derive.status import derive_statuses
from gongkai.model.documents import ExternalChange, Policy, Source
from gongkai.read.corpus import Corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "laws-dev.jsonl"
SNAPSHOT = dt.date(2025, 4, 19)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def read_records(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


_LATER = re.compile(r"later version in corpus: (\S+\.md)")


def _later_present(record: dict, paths: list[str]) -> bool:
    """Whether the later version the corpus names for ``record`` is in the file (or none is named)."""
    match = _LATER.search(record.get("status_basis") or "")
    return not match or any(path.endswith(match.group(1)) for path in paths)


def to_corpus(records: list[dict]) -> tuple[Corpus, set[str]]:
    """Policies for every dated record, linked by 替代; and the ids whose chain is complete."""
    by_title: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        by_title[record["title"]].append(record)
    paths = [r["source_path"] for r in records]
    corpus, complete = Corpus(), set()
    for versions in by_title.values():
        dates = [r["date_issued"] for r in versions]
        dated = all(dates) and len(set(dates)) == len(dates)
        chain_complete = dated and all(_later_present(r, paths) for r in versions)
        ordered = sorted(versions, key=lambda r: (r["date_issued"] or "", r["id"]))
        previous = None
        for record in ordered:
            issued = _date(record["date_issued"]) or _date(record["date_effective"])
            if issued is None:
                previous = None
                continue
            effective = _date(record["date_effective"])
            external = None
            if record["status"] == "已废止":
                external = ExternalChange("已废止", SNAPSHOT, "原发布机关", note=record.get("status_basis"))
            pid = f"policies/fagui/{record['id']}"
            corpus.policies[pid] = Policy(
                id=pid, source=Source(f"content/{pid}.md"), title=record["title"],
                issuer=record.get("issuer") or "未知", doc_type="决定", topics=("其他",),
                written=issued, published=issued, effective=effective,
                replaces=(previous,) if previous and dated else (), external_change=external,
            )
            previous = pid
            if chain_complete:
                complete.add(pid)
    return corpus, complete


@dataclass
class Agreement:
    """Per corpus status: records compared, records agreeing, and the disagreements by cause."""

    total: Counter = field(default_factory=Counter)
    agree: Counter = field(default_factory=Counter)
    complete_total: Counter = field(default_factory=Counter)
    complete_agree: Counter = field(default_factory=Counter)
    disagreements: list[tuple[str, str, str, str]] = field(default_factory=list)


def corpus_agreement(records: list[dict], as_of: dt.date = SNAPSHOT) -> Agreement:
    """Derive every status and compare it with the corpus's own."""
    corpus, complete = to_corpus(records)
    statuses = derive_statuses(corpus, as_of)
    result = Agreement()
    for record in records:
        pid = f"policies/fagui/{record['id']}"
        expected = record["status"]
        derived = statuses[pid].status.value if pid in statuses else "（无日期，未建）"
        result.total[expected] += 1
        result.agree[expected] += derived == expected
        if pid in complete:
            result.complete_total[expected] += 1
            result.complete_agree[expected] += derived == expected
        if derived != expected:
            result.disagreements.append((record["id"], record["title"], expected, derived))
    return result


def main() -> None:
    """Print the agreement figures for each status."""
    if not CORPUS.is_file():
        print(f"语料不存在：{CORPUS}")
        return
    started = time.perf_counter()
    records = read_records()
    result = corpus_agreement(records)
    seconds = time.perf_counter() - started
    print(f"records: {len(records)}  as of {SNAPSHOT}  ({seconds:.2f} s)")
    print(f"{'status':<8} {'agree/all':>12} {'complete chains':>16}")
    for status in ("有效", "已修改", "已废止", "尚未生效"):
        total, agree = result.total[status], result.agree[status]
        ctotal, cagree = result.complete_total[status], result.complete_agree[status]
        share = f"{100 * cagree / ctotal:.1f}%" if ctotal else "—"
        print(f"{status:<8} {agree:>5}/{total:<6} {cagree:>5}/{ctotal:<5} {share}")
    for rid, title, expected, derived in result.disagreements[:20]:
        print(f"  differs: {rid} {title}: corpus {expected}, derived {derived}")


if __name__ == "__main__":
    main()
