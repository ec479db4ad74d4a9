"""`make bench-scale`: the portal at 1k, 5k and 10k policies (each with its interpretation) and on
the real corpus, beside Hugo building the same Markdown with a trivial layout.

For each size: `gongkai check` the first time (nothing read before) and again (median of 3),
`gongkai build --clean` (every page rendered; median of 3), the peak memory of all the build's
processes together (sampled from /proc every 50 ms), pages written per second, the incremental
rebuild after one edit in `gongkai build` (median of 3) and in `gongkai serve` (from the save to
the new page served), a document page's HTML without its body, and Hugo's time as a ratio.

Run: .venv/bin/python -m tests.bench_scale [--quick] [--sizes 1000 5000 10000] [--runs 3]
`--quick` (make bench-quick): 1,000 policies, one run of each, no real corpus.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.bench_pages import use_portal_config
from tests.conftest import AS_OF, SHARED, write_site
from tests.generate import generate_portal

BIN = Path(sys.executable).parent
GONGKAI = str(BIN / "gongkai")
CORPUS = SHARED / "corpus" / "laws-dev.jsonl"
ENV = os.environ | {"GONGKAI_PROGRESS": "off", "GONGKAI_AS_OF": AS_OF}


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants, in MB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total / 1024


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    output: str


def measured(command: list[str], cwd: Path) -> Run:
    """Run ``command``; its wall time and the largest sum of its process tree's memory.

    A build leaves its old site to a background deletion; the next run starts once it is done,
    so each figure is the build's own (`deletion_overlap` measures a build that does not wait)."""
    settled(cwd)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = [0.0]

    def sample():
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output = process.communicate()[0].decode("utf-8", "replace")
    seconds = time.perf_counter() - start
    sampler.join()
    return Run(seconds, peak[0], process.returncode, output)


def settled(site: Path, limit: float = 300) -> None:
    """Wait until no old site is being deleted beside ``site``/site."""
    deadline = time.monotonic() + limit
    while any(site.glob(".site.old*")) and time.monotonic() < deadline:
        time.sleep(0.2)


def median_run(command: list[str], cwd: Path, runs: int) -> Run:
    done = [measured(command, cwd) for _ in range(runs)]
    if any(r.code != 0 for r in done) and "build" in command:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{done[-1].output[-2000:]}")
    return Run(statistics.median(r.seconds for r in done), max(r.peak_mb for r in done),
               done[-1].code, done[-1].output)


def edit(site: Path, marker: str) -> Path:
    """Append ``marker`` to the body of the first policy, as an editor would."""
    path = sorted((site / "content" / "policies").rglob("*.md"))[0]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
    return path


def page_url(site: Path, path: Path) -> str:
    return path.relative_to(site / "content").with_suffix("").as_posix() + "/"


def serve_edit_seconds(site: Path) -> float:
    """Start `gongkai serve`, wait for the first page, save an edit; seconds until it is served."""
    settled(site)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["dev_addr"] = f"127.0.0.1:{port}"
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    target = sorted((site / "content" / "policies").rglob("*.md"))[0]
    url = f"http://127.0.0.1:{port}/{page_url(site, target)}"
    server = subprocess.Popen([GONGKAI, "serve"], cwd=site, env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True,
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        _wait_for(url, None, server, 900)
        marker = f"编辑后的新段落{time.time_ns()}"
        start = time.perf_counter()
        edit(site, marker)
        _wait_for(url, marker, server, 900)
        return time.perf_counter() - start
    finally:
        os.killpg(server.pid, 2)
        server.wait(timeout=120)


def _wait_for(url: str, text: str | None, server: subprocess.Popen, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gongkai serve stopped")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text is None or text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show the edit within {limit:.0f} s")


def page_chrome_kb(site_dir: Path) -> float:
    """The median document page's HTML minus its body (what lies inside its gk-body div), KB;
    other pages under policies/ (a version comparison) are not document pages."""
    sizes = [len(html) - len(_body(html)) for html in
             (page.read_bytes() for page in (site_dir / "policies").rglob("index.html"))
             if b'<div class="gk-body">' in html]
    return statistics.median(sizes) / 1000 if sizes else 0.0


def _body(html: bytes) -> bytes:
    """The inside of <div class="gk-body">…</div>, its nested divs counted."""
    start = html.find(b'<div class="gk-body">')
    if start < 0:
        return b""
    inner = start + len(b'<div class="gk-body">')
    depth, at = 1, inner
    for match in re.finditer(rb"<div\b|</div>", html[inner:]):
        depth += 1 if match.group() != b"</div>" else -1
        if depth == 0:
            at = inner + match.start()
            break
    return html[inner:at]


def hugo_seconds(site: Path, tmp: Path, runs: int) -> float | None:
    """Hugo on the same Markdown with a one-line layout; None when Hugo is not installed."""
    hugo = shutil.which("hugo", path=str(BIN)) or shutil.which("hugo")
    if hugo is None:
        return None
    root = tmp / "hugo"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(site / "content", root / "content", ignore=shutil.ignore_patterns("*.yml", "*.png"))
    (root / "hugo.toml").write_text('baseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
                                    encoding="utf-8")
    layout = "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n"
    for name in ("single.html", "list.html"):
        (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
        (root / "layouts" / "_default" / name).write_text(layout, encoding="utf-8")
    times = []
    for _ in range(runs):
        shutil.rmtree(root / "public", ignore_errors=True)
        run = measured([hugo, "--quiet"], root)
        if run.code != 0:
            raise SystemExit("hugo failed:\n" + run.output[-2000:])
        times.append(run.seconds)
    return statistics.median(times)


def bench_size(label: str, site: Path, tmp: Path, runs: int) -> dict:
    # The first check after a checkout reads every document; later ones reuse what it read.
    shutil.rmtree(site / ".gongkai", ignore_errors=True)
    check_cold = measured([GONGKAI, "check"], site)
    check = median_run([GONGKAI, "check"], site, runs)
    # --clean: every page rendered, as on a new machine or after a template change.
    build = median_run([GONGKAI, "build", "--clean"], site, runs)
    pages = sum(1 for _ in (site / "site").rglob("index.html"))
    documents = sum(1 for _ in (site / "content").rglob("*.md"))
    # One edit, then `gongkai build`, which renders again only what the edit changed.
    rebuilds = []
    for _ in range(runs):
        settled(site)
        edit(site, f"编辑后的新段落{time.time_ns()}")
        rebuilds.append(measured([GONGKAI, "build"], site))
    rebuild = Run(statistics.median(r.seconds for r in rebuilds), max(r.peak_mb for r in rebuilds),
                  rebuilds[-1].code, rebuilds[-1].output)
    # Nothing changed since: what every build costs before it renders anything.
    unchanged = time.perf_counter()
    assert subprocess.run([GONGKAI, "build"], cwd=site, env=ENV, capture_output=True).returncode == 0
    unchanged = time.perf_counter() - unchanged
    served = serve_edit_seconds(site)
    hugo = hugo_seconds(site, tmp, runs)
    row = {"label": label, "documents": documents, "pages": pages, "check": check.seconds,
           "check_cold": check_cold.seconds,
           "build": build.seconds, "peak_mb": build.peak_mb, "rate": pages / build.seconds,
           "rebuild": rebuild.seconds, "unchanged": unchanged, "serve": served, "chrome_kb": page_chrome_kb(site / "site"),
           "hugo": hugo}
    print(format_row(row), flush=True)
    return row


HEADER = ("| 规模 | 文件数 | 页面数 | check（首次） | check（再次） | build --clean（含搜索索引） | 全部进程内存峰值之和 | 页/秒 | 改一处后 build | "
          "没有改动再 build | 改一处后 serve（保存到看到） | 文件页面去掉正文（中位） | Hugo | 倍数 |\n"
          + "|---" * 14 + "|")


def format_row(row: dict) -> str:
    hugo = row["hugo"]
    return (f"| {row['label']} | {row['documents']:,} | {row['pages']:,} | {row['check_cold']:.1f} 秒 | "
            f"{row['check']:.1f} 秒 | "
            f"{row['build']:.1f} 秒 | {row['peak_mb']:,.0f} MB | {row['rate']:.0f} | {row['rebuild']:.1f} 秒 | "
            f"{row['unchanged']:.1f} 秒 | "
            f"{row['serve']:.1f} 秒 | {row['chrome_kb']:.1f} KB | "
            + (f"{hugo:.1f} 秒 | {row['build'] / hugo:.1f}× |" if hugo else "未安装 | — |"))


def corpus_site(tmp: Path) -> Path | None:
    if not CORPUS.exists():
        return None
    site = write_site(tmp / "corpus", {})
    subprocess.run([GONGKAI, "import", str(CORPUS), "--infer-relations"], cwd=site, env=ENV,
                   capture_output=True, check=False)
    use_portal_config(site)
    return site


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000],
                        help="policies (each with its interpretation)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes, runs = ([1000], 1) if args.quick else (args.sizes, args.runs)
    print(f"2 核机器；每项为 {runs} 次运行的中位数；内存为生成进程及其全部子进程的常驻内存之和的峰值。\n")
    print(HEADER, flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for n in sizes:
            site = generate_portal(tmp / f"n{n}", 2 * n)
            use_portal_config(site)
            rows.append(bench_size(f"{n:,} + {n:,} 解读", site, tmp, runs))
            shutil.rmtree(site)
        if not args.quick:
            site = corpus_site(tmp)
            if site is None:
                print("真实法规：../shared/corpus 不在本机，跳过。")
            else:
                rows.append(bench_size("真实法规", site, tmp, runs))
    if len(rows) >= 2 and rows[0]["documents"] and not args.quick:
        first, last = rows[0], max((r for r in rows if r["label"] != "真实法规"), key=lambda r: r["documents"])
        per = lambda r, key: r[key] / r["documents"]  # noqa: E731
        print(f"\n线性：每个文件的用时 {last['label']} 是 {first['label']} 的 {per(last, 'build') / per(first, 'build'):.2f} 倍，"
              f"内存 {per(last, 'peak_mb') / per(first, 'peak_mb'):.2f} 倍。")


if __name__ == "__main__":
    main()
