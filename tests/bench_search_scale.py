"""The search index at 10,000 policies + 10,000 interpretations: indexer memory and time as the
portal grows, and what a first and a second query transfer from an index of that size.

The records are the corpus's real laws, repeated under new titles and numbers to reach the
size (every policy its whole text; every interpretation a 1,500-character part of one).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from gongkai.search.layout import INDEX_DIR
from gongkai.search.records import SearchRecord, Spool
from tests.e2e.harness import launch_chromium, nginx_serving

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws-dev.jsonl"


def write_spool(path: Path, records: int) -> None:
    """``records`` records, half policies and half interpretations, from the corpus's laws."""
    laws = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    spool = Spool(path)
    for n in range(records // 2):
        law = laws[n % len(laws)]
        year = 2000 + n % 25
        date = f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        number = f"测发〔{year}〕{n + 1}号"
        spool.add(SearchRecord(
            url=f"policies/{year}/p{n}/", title=f"{law['title']}（{n}）", text=law["body_markdown"],
            kind="政策文件", date=date, doc_number=number, issuer=law.get("issuer"),
            status=law["status"], facets={"类型": ["政策文件"], "年份": [str(year)],
                                          "有效性": [law["status"]], "发文机关": [law.get("issuer") or "—"]}))
        spool.add(SearchRecord(
            url=f"interpretations/{year}/j{n}/", title=f"《{law['title']}》解读（{n}）",
            text=law["body_markdown"][:1500], kind="政策解读", date=date,
            facets={"类型": ["政策解读"], "年份": [str(year)]}))
    spool.close()


def run_indexer(spool: Path, out: Path) -> dict:
    """The indexer in its own process, as the build runs it; its figures and its peak memory."""
    process = subprocess.Popen([sys.executable, "-m", "gongkai.search.indexer", str(spool), str(out)],
                               stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    stats = json.loads(process.stdout.read().strip().splitlines()[-1])
    # The indexer's own figure adds each worker's peak to its own: an upper bound of the memory
    # all its processes held at once. The kernel's figure is the largest single process.
    stats["largest_mb"] = usage.ru_maxrss / 1024
    return stats


def bench_scale(tmp: Path, records: int, sample_site: Path, queries: list[str]) -> None:
    """Print the indexer's figures at a quarter, half and all of ``records``, then query bytes."""
    from playwright.sync_api import sync_playwright

    from tests.bench_search import BYTE_SAMPLES, Wire, kib, ours_query

    tmp.mkdir(parents=True, exist_ok=True)
    print(f"\n规模：{records:,} 条记录（一半政策、一半解读，文本取自 ../shared/corpus）")
    print("| 记录数 | 文本单元 | 建索引用时 | 内存峰值（各进程之和的上界） | 最大的单个进程 | 索引大小 | 分片数 |")
    print("|---|---|---|---|---|---|---|")
    site = tmp / "site"
    for n in (records // 4, records // 2, records):
        spool = tmp / f"records-{n}.jsonl"
        write_spool(spool, n)
        out = site / INDEX_DIR
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        stats = run_indexer(spool, out)
        seconds = time.perf_counter() - start
        print(f"| {n:,} | {stats['units']:,} | {seconds:.0f} 秒 | {stats['peak_mb']:.0f} MB | "
              f"{stats['largest_mb']:.0f} MB | {stats['bytes'] / 1e6:.0f} MB | {stats['shards']:,} |")
        spool.unlink()
    # The search page and its assets from the built sample portal, over the large index.
    shutil.copytree(sample_site / "assets", site / "assets")
    shutil.copy2(sample_site / "sousuo" / "index.html", site / "sousuo" / "index.html")
    with nginx_serving(site, tmp / "nginx") as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        first, second = [], []
        for a, b in zip(queries[:BYTE_SAMPLES], queries[1:BYTE_SAMPLES + 1], strict=False):
            context = browser.new_context(base_url=base_url, locale="zh-CN")
            page = context.new_page()
            wire = Wire(context, page)
            page.goto(f"sousuo/?q={a}")
            page.wait_for_selector('#gk-search[data-state="done"]', timeout=120_000)
            page.wait_for_load_state("networkidle")
            first.append(wire.take())
            ours_query(page, b)
            second.append(wire.take())
            context.close()
        browser.close()
    print(f"\n{records:,} 条记录时：首次查询 {kib(first)}；第二次查询 {kib(second)}")
