"""Progress of long work: plain lines in logs at most every interval, a bar on a terminal."""

from __future__ import annotations

import io
import re

from gongkai.progress import Progress
from tests.conftest import paired_site_files, run_gongkai, write_site
from tests.test_import import record, write_jsonl


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def logged(steps: int, seconds_each: float, total: int = 100, interval: float = 10) -> str:
    """What a log receives while ``steps`` steps of ``seconds_each`` are counted."""
    stream, clock = io.StringIO(), Clock()
    with Progress("写出页面", total, stream=stream, interval=interval, clock=clock, bar=False) as progress:
        for _ in range(steps):
            clock.now += seconds_each
            progress.advance()
    return stream.getvalue()


def test_a_log_gets_a_line_per_interval_with_counts_rate_and_time_left():
    lines = logged(20, 1).splitlines()
    # After 10 s: 10 of 100 at 1 page a second, 90 s to go; after 20 s: 20 of 100, 80 s to go.
    assert lines == ["写出页面：10/100 页，每秒 1 页，约 90 秒后完成",
                     "写出页面：20/100 页，每秒 1 页，约 80 秒后完成",
                     "写出页面：20/100 页，用时 20 秒，每秒 1 页"]


def test_work_shorter_than_the_interval_prints_nothing():
    assert logged(100, 0.05) == ""


def test_progress_off_prints_nothing(monkeypatch):
    monkeypatch.setenv("GONGKAI_PROGRESS", "off")
    assert logged(10, 5, total=10, interval=1) == ""


def test_a_terminal_gets_a_bar_with_counts_rate_and_time_left():
    stream = io.StringIO()
    with Progress("转换正文", 7, stream=stream, bar=True) as progress:
        for _ in range(7):
            progress.advance()
    out = stream.getvalue()
    assert re.search(r"转换正文 ━+ 7/7 页 100% 每秒 \d+ 页 剩余 0:00:00", out), out


def test_a_log_is_not_given_a_bar(monkeypatch):
    monkeypatch.setenv("CI", "true")

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    with Progress("转换正文", 3, stream=stream, interval=1000) as progress:
        progress.advance(3)
    assert stream.getvalue() == ""


def test_build_reports_each_stage_of_its_pages(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_PROGRESS_INTERVAL", "0")
    root = write_site(tmp_path / "portal", paired_site_files())
    code, out, err = run_gongkai(root, "build")
    assert code == 0, out + err
    pages = len(list((root / "site").rglob("index.html")))
    converted = re.findall(r"^转换正文：(\d+)/(\d+) 页", err, re.M)
    written = re.findall(r"^写出页面：(\d+)/(\d+) 页", err, re.M)
    assert converted and written, err
    totals = {int(t) for _, t in written}
    assert len(totals) == 1 and totals.pop() >= pages - 5
    assert converted[-1] == written[-1] and written[-1][0] == written[-1][1]
    assert err.index("转换正文") < err.index("写出页面") < err.index("网站已生成")


def test_import_reports_the_files_it_writes(make_site, tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_PROGRESS_INTERVAL", "0")
    site = make_site({})
    items = [record(f"r{n}", f"某某条例{n}", "2010-01-01") for n in range(5)]
    code, out, err = run_gongkai(site, "import", write_jsonl(tmp_path / "in.jsonl", *items))
    assert code == 0, out + err
    assert re.findall(r"^写入文件：(\d+)/5 个", err, re.M) == ["1", "2", "3", "4", "5", "5"]
