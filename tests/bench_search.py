"""`make bench-search`: literal search on the sample portal plus ../shared/corpus, side by side
with Pagefind's default search on the same built pages, in headless Chromium served by nginx.

Run: .venv/bin/python -m tests.bench_search [--queries 165] [--scale 20000] [--skip-pagefind]

Queries (fixed seed) are 2–8 characters of Chinese text drawn from the indexed texts, one in
five a pair of such terms separated by a space. A page is correct for a query when its indexed
text, normalized (gongkai.search.normalize: NFKC, one kind of bracket, lower case), holds every
term. The portal's side is run through the search page itself: typed into its form, the result
set read back from the page. Pagefind's side calls its own `pagefind.search` with the query as
typed. Bytes are what Chromium received (headers and compressed bodies), cache off per context.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from gongkai.search.layout import INDEX_DIR
from gongkai.search.normalize import doc_number_key, normalize, query_terms
from gongkai.search.pagefind import extended_binary
from tests.conftest import SHARED, run_gongkai
from tests.e2e.harness import (
    build_portal,
    copy_sample_portal,
    launch_chromium,
    nginx_serving,
)

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"
SEED = 8
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
BYTE_SAMPLES = 20


# ---- the portal under test ------------------------------------------------------------------

def prepare_portal(root: Path, limit: int = 0) -> tuple[Path, dict]:
    """The sample portal plus the corpus (its first ``limit`` records, or all) imported as
    policies, built; (site, indexer figures)."""
    copy_sample_portal(root)
    corpus = CORPUS
    if limit:
        corpus = root / "corpus-part.jsonl"
        with CORPUS.open(encoding="utf-8") as f:
            corpus.write_text("".join(line for _, line in zip(range(limit), f, strict=False)),
                              encoding="utf-8")
    # The imported laws cite repeals their records do not carry: report, do not stop the build.
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("drafter_rule: warning", "drafter_rule: warning\n      clause_rule: warning"),
                                     encoding="utf-8")
    code, out, err = run_gongkai(root, "import", str(corpus))
    if code not in (0, 1):
        raise SystemExit(f"gongkai import failed ({code}):\n{out}\n{err}")
    stats_file = root / "index-stats.json"
    os.environ["GONGKAI_INDEX_STATS"] = str(stats_file)
    start = time.perf_counter()
    site = build_portal(root, timeout=7200)
    build_seconds = time.perf_counter() - start
    os.environ.pop("GONGKAI_INDEX_STATS")
    stats = json.loads(stats_file.read_text())
    stats["build_seconds"] = build_seconds
    return site, stats


def index_records(index: Path) -> list[dict]:
    """Per record of the built index: its url, page, head line and normalized unit texts."""
    table = json.loads((index / "index.json").read_text(encoding="utf-8"))
    firsts, total = [], 0
    for delta in table["first"]:
        total += delta
        firsts.append(total)
    firsts.append(table["units"])
    records = []
    for rid, first in enumerate(firsts[:-1]):
        units = [json.loads((index / f"t/{u // 1000}/{u}.json").read_text(encoding="utf-8"))
                 for u in range(first + 1, firsts[rid + 1])]
        head = units[0]["h"]
        records.append({"url": head[1], "page": head[1].split("#")[0], "head": head,
                        "texts": [normalize("\n".join([head[0], head[3], head[7], head[4]]))]
                        + [normalize(u["x"]) for u in units]})
    return records


def truth(records: list[dict], query: str) -> set[str]:
    """Pages with a record whose head or a unit holds every term (terms are shorter than the
    overlap between units, so a unit-by-unit test is exact)."""
    terms = query_terms(query)
    return {r["page"] for r in records
            if all(any(t in text for text in r["texts"]) for t in terms)}


def draw_queries(records: list[dict], count: int) -> list[str]:
    """``count`` literal queries of 2–8 Chinese characters, one in five a pair of terms."""
    rng = random.Random(SEED)

    def term(r: dict) -> str:
        for _ in range(200):
            text = rng.choice(r["texts"][1:])
            length = rng.randint(2, 8)
            if len(text) <= length:
                continue
            start = rng.randrange(len(text) - length)
            piece = text[start:start + length]
            if CJK.match(piece):
                return piece
        return ""

    queries: list[str] = []
    while len(queries) < count:
        r = rng.choice(records)
        first = term(r)
        if not first:
            continue
        query = f"{first} {term(r)}".strip() if len(queries) % 5 == 4 else first
        if query not in queries:
            queries.append(query)
    return queries


def rebuild_index(index: Path, chunk: int) -> dict:
    """The same records indexed again with units of ``chunk`` characters (a design to compare)."""
    from gongkai.search import layout
    from gongkai.search.indexer import build_index
    from gongkai.search.records import SearchRecord, Spool

    table = json.loads((index / "index.json").read_text(encoding="utf-8"))
    firsts, total = [], 0
    for delta in table["first"]:
        total += delta
        firsts.append(total)
    firsts.append(table["units"])
    spool = Spool(index.parent / "records.jsonl")
    for rid, first in enumerate(firsts[:-1]):
        units = [json.loads((index / f"t/{u // 1000}/{u}.json").read_text(encoding="utf-8"))
                 for u in range(first + 1, firsts[rid + 1])]
        text = "".join(u["x"][:layout.CHUNK] for u in units[:-1]) + units[-1]["x"]
        h = units[0]["h"]
        facets = {}
        for name, values in table["values"].items():
            v = values[rid]
            picked = [] if v == -1 else ([v] if isinstance(v, int) else v)
            if picked:
                facets[name] = [table["facets"][name][i] for i in picked]
        spool.add(SearchRecord(url=h[1], title=h[0], kind=h[2], text=text, date=h[5] or None,
                               doc_number=h[3] or None, index_number=h[7] or None,
                               issuer=h[4] or None, status=h[6] or None, facets=facets))
    spool.close()
    saved = layout.CHUNK
    layout.CHUNK = chunk
    try:
        stats = build_index(spool.path, index)
    finally:
        layout.CHUNK = saved
        spool.path.unlink()
    return stats.__dict__


# ---- running queries in Chromium ------------------------------------------------------------

class Wire:
    """Bytes received by a browser context, its workers' requests included (Pagefind searches in
    a worker): headers plus the body as sent (compressed). A new context starts with an empty
    cache; a second query may reuse what the first fetched, as a reader's browser would."""

    def __init__(self, context, page=None):
        self.finished: list = []
        context.on("requestfinished", lambda request: self.finished.append(request))

    def take(self) -> tuple[int, int]:
        """(bytes, requests) since the last call."""
        done, self.finished[:] = list(self.finished), []
        total = 0
        for request in done:
            sizes = request.sizes()
            total += sizes["responseHeadersSize"] + max(sizes["responseBodySize"], 0)
        return total, len(done)


def ours_query(page, query: str) -> None:
    box = page.locator("#gk-search-q")
    box.fill(query)
    box.press("Enter")
    page.wait_for_selector('#gk-search[data-state="done"]', timeout=120_000)
    page.wait_for_load_state("networkidle")


def run_ours(browser, base_url: str, queries: list[str], records: list[dict]) -> dict:
    """Every query through the search page's form; bytes of first and second queries."""
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    page = context.new_page()
    page.goto("sousuo/")
    found = {}
    for query in queries:
        ours_query(page, query)
        found[query] = {records[r]["page"] for r in page.evaluate("gkSearch.records()")}
    context.close()
    first, second = [], []
    for a, b in zip(queries[:BYTE_SAMPLES], queries[1:BYTE_SAMPLES + 1], strict=False):
        context = browser.new_context(base_url=base_url, locale="zh-CN")
        page = context.new_page()
        wire = Wire(context, page)
        page.goto(f"sousuo/?q={quote(a)}")
        page.wait_for_selector('#gk-search[data-state="done"]', timeout=120_000)
        page.wait_for_load_state("networkidle")
        first.append(wire.take())
        ours_query(page, b)
        second.append(wire.take())
        context.close()
    return {"found": found, "first": first, "second": second}


def doc_numbers_first(browser, base_url: str, records: list[dict]) -> tuple[int, int, int, list[str]]:
    """How many records with a 文号 come first when it is typed (in a varied spelling). Versions
    of one regulation can share a 文号 (国务院令第406号 on three texts): for those, a record of
    that 文号 coming first counts; how many such records there are is returned too."""
    rng = random.Random(SEED)
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    page = context.new_page()
    page.goto("sousuo/")
    good, misses = 0, []
    numbered = [r for r in records if r["head"][3]]
    holders: dict[str, set[str]] = {}
    for r in numbered:
        holders.setdefault(_number_key(r["head"][3]), set()).add(r["url"])
    shared = sum(1 for r in numbered if len(holders[_number_key(r["head"][3])]) > 1)
    for r in numbered:
        number = r["head"][3]
        spelled = _respell(number, rng)
        ours_query(page, spelled)
        first = page.locator(".gk-result__title a").first
        href = first.get_attribute("href") if first.count() else ""
        if href and href.removeprefix("../") in holders[_number_key(number)]:
            good += 1
        else:
            misses.append(f"{spelled} → {href}")
    context.close()
    return good, len(numbered), shared, misses


def _number_key(number: str) -> str:
    return doc_number_key(number) or normalize(number)


def _respell(number: str, rng: random.Random) -> str:
    if not doc_number_key(number):
        return number
    left, right = rng.choice([("[", "]"), ("(", ")"), ("【", "】"), ("（", "）"), ("〔", "〕")])
    spelled = number.replace("〔", left).replace("〕", right)
    return spelled.removesuffix("号") if rng.random() < 0.3 else spelled


# The site's Content-Security-Policy admits no inline script: the page loads its own file.
PAGEFIND_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind</title>
<script src="bench.js"></script></head><body></body></html>"""
PAGEFIND_SCRIPT = """window.pagefindReady = import("../pagefind/pagefind.js")
  .then(function (module) { window.pagefind = module; return true; });"""

PAGEFIND_QUERY = """async ([q, shown]) => {
  const search = await window.pagefind.search(q);
  const all = search.results;
  const first = await Promise.all(all.slice(0, shown).map(r => r.data()));
  return {count: all.length, ids: all.map(r => r.id)};
}"""

PAGEFIND_URLS = """async (q) => {
  const search = await window.pagefind.search(q);
  return Promise.all(search.results.map(r => r.data().then(d => d.url)));
}"""


def pagefind_index(site: Path) -> dict:
    """Pagefind's default index of the built site, with its time and peak memory."""
    env = dict(os.environ, PAGEFIND_BINARY_PATH=str(extended_binary()))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(site)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit("pagefind failed")
    (site / "pagefind-bench").mkdir(exist_ok=True)
    (site / "pagefind-bench" / "index.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
    (site / "pagefind-bench" / "bench.js").write_text(PAGEFIND_SCRIPT, encoding="utf-8")
    return {"seconds": time.perf_counter() - start, "peak_mb": usage.ru_maxrss / 1024}


def run_pagefind(browser, base_url: str, queries: list[str]) -> dict:
    """Every query through pagefind.search; bytes of a first and second query (5 results' data,
    as Pagefind's UI loads)."""
    context = browser.new_context(base_url=base_url, locale="zh-CN")
    page = context.new_page()
    page.goto("pagefind-bench/")
    page.evaluate("window.pagefindReady")
    found = {}
    for query in queries:
        urls = page.evaluate(PAGEFIND_URLS, query)
        found[query] = {urlsplit(u).path.lstrip("/") for u in urls}
    context.close()
    first, second = [], []
    for a, b in zip(queries[:BYTE_SAMPLES], queries[1:BYTE_SAMPLES + 1], strict=False):
        context = browser.new_context(base_url=base_url, locale="zh-CN")
        page = context.new_page()
        wire = Wire(context, page)
        page.goto("pagefind-bench/")
        page.evaluate("window.pagefindReady")
        page.evaluate(PAGEFIND_QUERY, [a, 5])
        page.wait_for_load_state("networkidle")
        first.append(wire.take())
        page.evaluate(PAGEFIND_QUERY, [b, 5])
        page.wait_for_load_state("networkidle")
        second.append(wire.take())
        context.close()
    return {"found": found, "first": first, "second": second}


# ---- scoring --------------------------------------------------------------------------------

def score(found: dict[str, set[str]], expected: dict[str, set[str]]) -> dict:
    """Pooled recall and precision over all queries, and by query length."""
    def pooled(queries):
        tp = sum(len(found[q] & expected[q]) for q in queries)
        got = sum(len(found[q]) for q in queries)
        want = sum(len(expected[q]) for q in queries)
        return (tp / want if want else 1.0), (tp / got if got else 1.0)
    recall, precision = pooled(list(found))
    groups = {"2 字": lambda q: " " not in q and len(q) == 2,
              "3–4 字": lambda q: " " not in q and 3 <= len(q) <= 4,
              "5–8 字": lambda q: " " not in q and len(q) >= 5,
              "两个词": lambda q: " " in q}
    by_group = {name: pooled([q for q in found if test(q)]) for name, test in groups.items()}
    return {"recall": recall, "precision": precision,
            "zero": sum(1 for q in found if not found[q]), "groups": by_group}


def kib(pairs: list[tuple[int, int]]) -> str:
    sizes = [b / 1024 for b, _ in pairs]
    requests = statistics.median(n for _, n in pairs)
    return f"median {statistics.median(sizes):.0f} KiB, max {max(sizes):.0f} KiB ({requests:.0f} requests)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=165)
    parser.add_argument("--scale", type=int, default=20000)
    parser.add_argument("--skip-pagefind", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="import only this many corpus records")
    parser.add_argument("--keep", type=Path, help="build the portal in this folder and keep it")
    parser.add_argument("--reuse", type=Path, help="use the portal a --keep run built there")
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit("../shared/corpus/laws-dev.jsonl is absent: the benchmark needs it")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        tmp = Path(tmp)
        if args.reuse:
            # A portal built by an earlier run (--reuse DIR): skips the long import and build.
            site = args.reuse / "site"
            ours_index = json.loads((args.reuse / "index-stats.json").read_text())
            ours_index.setdefault("build_seconds", float("nan"))
            shutil.rmtree(site / "pagefind", ignore_errors=True)
        else:
            site, ours_index = prepare_portal(args.keep or tmp / "portal", args.limit)
        records = index_records(site / INDEX_DIR)
        queries = draw_queries(records, args.queries)
        expected = {q: truth(records, q) for q in queries}
        pages_with_text = len({r["page"] for r in records})
        print(f"门户：示例门户 + ../shared/corpus 导入，{len(records)} 条搜索记录（{pages_with_text} 个页面），"
              f"生成用时 {ours_index['build_seconds']:.0f} 秒；{len(queries)} 个查询（种子 {SEED}）")
        pf_index = None if args.skip_pagefind else pagefind_index(site)
        # Pagefind compiles WebAssembly, which the site's policy does not allow (its own search
        # runs none): Pagefind's side is served by a second nginx whose policy allows it.
        with (nginx_serving(site, tmp / "nginx") as base_url,
              nginx_serving(site, tmp / "nginx-pagefind", allow_wasm=True) as pagefind_url,
              sync_playwright() as playwright):
            browser = launch_chromium(playwright)
            ours = run_ours(browser, base_url, queries, records)
            pf = None if pf_index is None else run_pagefind(browser, pagefind_url, queries)
            numbers_good, numbers_all, numbers_shared, misses = doc_numbers_first(browser, base_url, records)
            # The other design: one unit per record (document-level postings).
            whole_index = rebuild_index(site / INDEX_DIR, 10**9)
            whole = run_ours(browser, base_url, queries, index_records(site / INDEX_DIR))
            browser.close()
        rows = [("", "本门户：2,000 字文本单元（采用）", "本门户：整篇一个单元", "Pagefind 默认")]
        runs = [ours, whole, pf]
        scores = [score(r["found"], expected) if r else None for r in runs]
        indexes = [ours_index, whole_index, pf_index]

        def row(label, cell):
            rows.append((label, *[cell(i) if runs[i] else "—" for i in range(3)]))

        row("recall（查全率）", lambda i: f"{scores[i]['recall']:.3f}")
        row("precision（查准率）", lambda i: f"{scores[i]['precision']:.3f}")
        row("零结果查询", lambda i: str(scores[i]["zero"]))
        for group in scores[0]["groups"]:
            row(f"{group}：recall / precision", lambda i, g=group: "{:.3f} / {:.3f}".format(*scores[i]["groups"][g]))
        row("首次查询传输", lambda i: kib(runs[i]["first"]))
        row("第二次查询传输", lambda i: kib(runs[i]["second"]))
        row("建索引内存峰值", lambda i: f"{indexes[i]['peak_mb']:.0f} MB")
        row("建索引用时", lambda i: f"{indexes[i]['seconds']:.1f} 秒")
        rows.append(("文号排第一", f"{numbers_good}/{numbers_all}", "—", "—"))
        print_table(rows)
        print(f"文号排第一：每份有文号的文件，用随机换写的括号（有时不写“号”）输入其文号，第一条结果是它；其中 {numbers_shared} 份"
              "与别的文件共用一个文号（同一法规的不同版本），第一条是共用该文号的文件之一即算。")
        print("首次查询：全新浏览器打开 /sousuo/?q=…（页面、样式、脚本、索引）；Pagefind 为 pagefind.js、wasm、"
              "索引与前 5 条结果的片段。第二次查询：同一页面再查一个词。各取前 "
              f"{BYTE_SAMPLES} 个查询。")
        for miss in misses[:10]:
            print("文号未排第一：", miss)
        if args.scale:
            from tests.bench_search_scale import bench_scale

            bench_scale(tmp / "scale", args.scale, site, queries)


def print_table(rows: list[tuple[str, ...]]) -> None:
    """A Markdown table."""
    print("| " + " | ".join(rows[0]) + " |")
    print("|" + "---|" * len(rows[0]))
    for row in rows[1:]:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
