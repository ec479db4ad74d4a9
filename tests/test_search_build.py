"""The search index is built beside the page writing, and a failed index fails the build."""

from __future__ import annotations

import json
import sys

from gongkai.search import collect
from tests.conftest import paired_site_files, run_gongkai, write_site


def test_the_index_starts_once_every_page_is_converted_and_before_they_are_all_written(tmp_path, monkeypatch):
    root = write_site(tmp_path / "portal", paired_site_files())
    seen = {}
    original = collect.SearchCollector.start

    def start(self, site_dir, previous=None, grams=None):
        seen.setdefault("pages written", len(list(site_dir.rglob("index.html"))))
        original(self, site_dir, previous, grams)
        # The spool is closed now: a record offered later would fail the build.
        seen.setdefault("records", sum(1 for _ in self.spool.path.open(encoding="utf-8")))

    monkeypatch.setattr(collect.SearchCollector, "start", start)
    code, out, err = run_gongkai(root, "build")
    assert code == 0, out + err
    written = len(list((root / "site").rglob("index.html")))
    index = json.loads((root / "site/sousuo/idx/index.json").read_text(encoding="utf-8"))
    assert seen["pages written"] < written
    assert index["records"] >= 2 and seen["records"] >= index["records"]


def test_a_failed_index_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch):
    root = write_site(tmp_path / "portal", paired_site_files())
    assert run_gongkai(root, "build")[0] == 0
    before = (root / "site/sousuo/idx/index.json").read_bytes()
    (root / "content/policies/2017/seed.md").write_text(
        (root / "content/policies/2017/seed.md").read_text(encoding="utf-8").replace("测试正文。", "新的正文。"),
        encoding="utf-8")
    monkeypatch.setattr(sys, "executable", "/bin/false")
    code, out, err = run_gongkai(root, "build")
    assert code == 1
    assert "建立搜索索引失败" in out + err and "原有的" in err
    assert (root / "site/sousuo/idx/index.json").read_bytes() == before
    assert "测试正文。" in (root / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")
