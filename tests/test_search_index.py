"""The portal's own search index: text rules, the files it writes, and what a reader finds."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from gongkai.search import indexer
from gongkai.search.indexer import build_index
from gongkai.search.layout import chunks
from gongkai.search.normalize import contains, doc_number_key, normalize, query_terms
from gongkai.search.reader import IndexReader
from gongkai.search.records import SearchRecord, Spool, html_text, record_head
from tests.conftest import SHARED, paired_site_files, run_gongkai

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"


@pytest.mark.parametrize("spelling", ["通政办字〔2017〕157号", "通政办字[2017]157号", "通政办字(2017)157号",
                                      "通政办字【2017】157号", "通政办字（2017）第157号", "通政办字［２０１７］157",
                                      "通政办字〔2017〕第157号"])
def test_every_usual_spelling_of_a_doc_number_reads_the_same(spelling):
    assert doc_number_key(spelling) == "通政办字〔2017〕157号"
    assert normalize(spelling).startswith("通政办字〔2017〕157")


@pytest.mark.parametrize("spelling", ["国务院令第406号", "国务院令406号", "国务院令第406", "国务院令４０６号"])
def test_a_decree_number_reads_the_same_in_every_spelling(spelling):
    assert doc_number_key(spelling) == "国务院令第406号"


def test_a_doc_number_query_is_looked_up_whole_so_1_does_not_find_10():
    assert query_terms("法释[2024]1") == ["法释〔2024〕1号"]
    assert query_terms("国务院令406") == ["国务院令第406号"]
    assert not contains(normalize("法释〔2024〕10号"), query_terms("法释〔2024〕1"))
    assert contains(normalize("法释〔2024〕1号"), query_terms("法释（2024）第1号"))


def test_words_and_plain_numbers_are_not_doc_numbers():
    assert doc_number_key("政务公开") is None
    assert doc_number_key("2017") is None
    assert doc_number_key("115223000115559370/2017-00157") is None
    assert doc_number_key("令") is None
    assert doc_number_key("命令") is None


def test_query_terms_are_split_on_any_space_and_deduplicated():
    assert query_terms("  收费　清单 收费 ") == ["收费", "清单"]


def test_html_text_keeps_blocks_apart_and_drops_scripts():
    assert html_text("<p>第一段</p><p>第二&amp;段</p><script>x()</script><td>甲</td><td>乙</td>") == "第一段\n第二&段\n甲 乙"


def test_given_the_previous_index_only_changed_files_are_written_and_all_are_listed(tmp_path):
    rng = random.Random(7)
    texts = ["".join(rng.choice("公开政策收费目录信息解读") for _ in range(rng.randint(10, 5000))) for _ in range(30)]

    def spooled(name: str, texts: list[str]) -> Path:
        spool = Spool(tmp_path / f"{name}.jsonl")
        for record in _records(texts):
            spool.add(record)
        spool.close()
        return spool.path

    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    old = spooled("old", texts)
    build_index(old, tmp_path / "live")
    live = tree(tmp_path / "live")
    build_index(old, tmp_path / "same", previous=tmp_path / "live", listing=tmp_path / "same.txt")
    assert tree(tmp_path / "same") == {}
    assert sorted((tmp_path / "same.txt").read_text(encoding="utf-8").splitlines()) == sorted(live)
    # One record's text changes: its unit file and the shards of its grams, nothing else.
    new = spooled("new", [*texts[:3], texts[3] + "新增一句话", *texts[4:]])
    build_index(new, tmp_path / "full")
    build_index(new, tmp_path / "delta", previous=tmp_path / "live", listing=tmp_path / "delta.txt")
    delta, full = tree(tmp_path / "delta"), tree(tmp_path / "full")
    assert 0 < len(delta) < len(full) and all(full[rel] == data for rel, data in delta.items())
    listed = set((tmp_path / "delta.txt").read_text(encoding="utf-8").splitlines())
    assert listed == set(full)
    assert {rel: delta.get(rel, live.get(rel)) for rel in listed} == full


def test_kept_gram_hashes_give_the_same_index_and_only_new_text_is_hashed(tmp_path, monkeypatch):
    from gongkai.search import gram_cache

    rng = random.Random(9)
    texts = ["".join(rng.choice("公开政策收费目录信息解读") for _ in range(rng.randint(10, 5000))) for _ in range(30)]
    hashed: list[str] = []
    real = gram_cache.unit_hashes
    monkeypatch.setattr(gram_cache, "unit_hashes", lambda text: hashed.append(text) or real(text))

    def index(name: str, texts: list[str], grams: Path | None) -> dict[str, bytes]:
        spool = Spool(tmp_path / f"{name}.jsonl")
        for record in _records(texts):
            spool.add(record)
        spool.close()
        build_index(spool.path, tmp_path / name, workers=1, grams=grams)
        return {p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                for p in (tmp_path / name).rglob("*") if p.is_file()}

    index("first", texts, tmp_path / "grams")
    first = len(hashed)
    assert first > 60 and (tmp_path / "grams").is_dir()
    hashed.clear()
    edited = [*texts[:5], texts[5] + "新增一句", *texts[6:]]
    with_cache = index("second", edited, tmp_path / "grams")
    # The edited record's body units are hashed again (its head is the same), nothing else.
    assert 0 < len(hashed) <= len(chunks(edited[5]))
    assert with_cache == index("plain", edited, None)


def _records(texts: list[str]) -> list[SearchRecord]:
    return [SearchRecord(url=f"d/{n}/", title=f"标题{n}", text=t, kind="政策文件",
                         date=f"20{10 + n % 15:02d}-01-{1 + n % 28:02d}", status="有效",
                         facets={"类型": ["政策文件"]}) for n, t in enumerate(texts)]


def _build(tmp_path, records: list[SearchRecord], name: str = "idx"):
    spool = Spool(tmp_path / f"{name}.jsonl")
    for record in records:
        spool.add(record)
    spool.close()
    stats = build_index(spool.path, tmp_path / name)
    return IndexReader(tmp_path / name), stats


def _truth(reader: IndexReader, records: list[SearchRecord], query: str) -> list[int]:
    """Record numbers (in the index's order) whose normalized head and text hold the query."""
    by_url = {r.url: r for r in records}
    urls = [json.loads((reader.folder / f"t/{u // 1000}/{u}.json").read_text())["h"][1]
            for u in (first + 1 for first in reader.first)]
    return [n for n, url in enumerate(urls)
            if contains(normalize(record_head(by_url[url]) + "\n" + by_url[url].text), query_terms(query))]


def test_the_index_finds_every_record_that_holds_a_term(tmp_path):
    rng = random.Random(8)
    alphabet = "政府信息公开收费清单目录文件解读通知办法规定实施管理服务"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(50, 5000))) for _ in range(60)]
    records = _records(texts)
    reader, stats = _build(tmp_path, records)
    assert stats.records == 60
    for _ in range(80):
        text = rng.choice(texts)
        length = rng.randint(1, 9)
        start = rng.randrange(len(text) - length)
        query = text[start:start + length]
        found, truth = set(reader.search(query)), set(_truth(reader, records, query))
        assert truth <= found, f"{query}: missed {truth - found}"


def test_a_term_across_a_unit_boundary_is_found(tmp_path):
    text = "甲" * 1995 + "跨越边界的词语" + "乙" * 3000
    reader, _ = _build(tmp_path, _records([text, "无关的文字"]))
    assert reader.search("跨越边界的词语") == [_only(reader, 0)]
    assert reader.search("甲乙") == []


def _only(reader: IndexReader, n: int) -> int:
    """The index's number for the n-th record given (records are renumbered newest first)."""
    for rid, first in enumerate(reader.first):
        unit = json.loads((reader.folder / f"t/{(first + 1) // 1000}/{first + 1}.json").read_text())
        if unit["h"][1] == f"d/{n}/":
            return rid
    raise AssertionError(n)


def test_records_are_numbered_newest_first_and_undated_last(tmp_path):
    records = [SearchRecord(url="a/", title="旧", text="文", kind="政策文件", date="2001-05-01"),
               SearchRecord(url="b/", title="无日期", text="文", kind="收费项目"),
               SearchRecord(url="c/", title="新", text="文", kind="政策文件", date="2020-01-01")]
    reader, _ = _build(tmp_path, records)
    heads = [json.loads((reader.folder / f"t/0/{f + 1}.json").read_text())["h"][0] for f in reader.first]
    assert heads == ["新", "旧", "无日期"]


def test_partitioned_indexing_gives_the_same_index(tmp_path, monkeypatch):
    rng = random.Random(3)
    texts = ["".join(rng.choice("公开政策收费目录信息解读") for _ in range(3000)) for _ in range(20)]
    records = _records(texts)
    one, _ = _build(tmp_path, records, "one")
    monkeypatch.setattr(indexer, "PAIRS_PER_PARTITION", 1_000)
    monkeypatch.setattr(indexer, "FLUSH_PAIRS", 500)
    many, stats = _build(tmp_path, records, "many")
    assert stats.partitions > 16
    for query in ("公开", "收费目", "信息解读政策", "目"):
        assert one.search(query) == many.search(query)


def test_the_built_site_offers_documents_items_and_column_pages(make_site, tmp_path):
    files = paired_site_files() | {
        "data/fees.yml": "- 执收单位: 通辽市自然资源局\n  项目名称: 不动产登记费\n  类别: 行政事业性收费\n"
                         "  收费标准: 每件80元\n  收费依据: 发改价格规〔2016〕2559号\n  资金管理方式: 缴入国库\n",
        "content/xxgk/zhinan.md": "---\ntitle: 政府信息公开指南\n---\n# 政府信息公开指南\n\n申请渠道说明。\n",
    }
    site = make_site(files)
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    reader = IndexReader(site / "site" / "sousuo" / "idx")
    kinds = reader.table["facets"]["类型"]
    assert set(kinds) == {"政策文件", "政策解读", "收费项目", "政府信息公开", "年度报告"}
    heads = {}
    for rid, first in enumerate(reader.first):
        unit = json.loads((reader.folder / f"t/0/{first + 1}.json").read_text())
        heads[rid] = unit
    fee = next(u for u in heads.values() if u["h"][2] == "收费项目")
    anchor = fee["h"][1].split("#")[1]
    html = (site / "site" / "qingdan" / "shoufei" / "index.html").read_text(encoding="utf-8")
    assert re.search(f'<tr id="{anchor}">.*?不动产登记费', html)
    (seed,) = reader.search("通政办字[2017]第157号")
    assert heads[seed]["h"][0] == "关于印发测试方案的通知"
    assert reader.search("申请渠道") and reader.search("不动产登记费")
    # The page's chrome and the status notice are not indexed: only the texts are.
    assert reader.search("我为政府网站找错") == []
    assert (site / "site" / "assets" / "search" / "search.js").is_file()


@pytest.mark.corpus
def test_real_laws_are_found_completely(tmp_path):
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is absent on this machine")
    records = []
    with CORPUS.open(encoding="utf-8") as f:
        for n, line in zip(range(120), f, strict=False):
            law = json.loads(line)
            records.append(SearchRecord(url=f"d/{n}/", title=law["title"], text=law["body_markdown"],
                                        kind="政策文件", date=law["date_issued"]))
    reader, _ = _build(tmp_path, records)
    rng = random.Random(8)
    for _ in range(40):
        text = normalize(rng.choice(records).text)
        length = rng.randint(2, 8)
        start = rng.randrange(max(1, len(text) - length))
        query = text[start:start + length]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", query):
            continue
        truth = set(_truth(reader, records, query))
        assert truth <= set(reader.search(query)), query


def test_workers_write_exactly_the_index_one_process_writes(tmp_path):
    rng = random.Random(5)
    records = _records(["".join(rng.choice("公开政策收费目录信息解读") for _ in range(rng.randint(10, 5000)))
                        for _ in range(30)])
    spool = Spool(tmp_path / "records.jsonl")
    for record in records:
        spool.add(record)
    spool.close()
    one = build_index(spool.path, tmp_path / "one", workers=1)
    two = build_index(spool.path, tmp_path / "two", workers=2)
    assert (one.units, one.pairs, one.shards) == (two.units, two.pairs, two.shards)
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file())
    assert len(files) > 30
    assert all((tmp_path / "one" / f).read_bytes() == (tmp_path / "two" / f).read_bytes() for f in files)
