"""`make bench`: publishes killed with SIGKILL at random moments, then checked for torn releases.

Prints what it measured; asserts nothing. A release is torn when `current` points at anything
but a complete release whose files are exactly those its manifest lists.
"""

from __future__ import annotations

import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gongkai.publish.manifest import make_manifest, read_manifest
from gongkai.publish.releases import Target
from tests.e2e.harness import gongkai_command

KILLS = 500
PAGES = 100


def write_site(root: Path, version: int) -> Path:
    files = {"index.html": "首页", "404.html": "未找到"} | {f"p/{i}/index.html": f"第 {i} 页" for i in range(PAGES)}
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"<html><body>{text}（第 {version} 版）</body></html>", encoding="utf-8")
    (root / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    return root


def publish_command(site: Path, www: Path) -> list[str]:
    return [*gongkai_command(), "publish", "--from", str(site), "--to", str(www), "--keep", "3"]


def is_torn(target: Target) -> bool:
    current = target.current()
    if current is None:
        return False
    if not current.is_dir() or current.parent != target.releases.resolve():
        return True
    listed = {rel: entry["sha256"] for rel, entry in read_manifest(current)["files"].items()}
    return listed != {rel: entry["sha256"] for rel, entry in make_manifest(current)["files"].items()}


def bench_publish_kills(kills: int = KILLS) -> None:
    """Kill `gongkai publish` at a random moment of its run, `kills` times; count torn releases."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sites = [write_site(tmp / f"site{v}", v) for v in range(2)]
        www = tmp / "www"
        target = Target(www)
        durations = []
        for version in range(4):
            start = time.perf_counter()
            subprocess.run(publish_command(sites[version % 2], www), capture_output=True, check=True)
            durations.append(time.perf_counter() - start)
        span = statistics.median(durations)
        torn = switched = 0
        rng = random.Random(12)
        for kill in range(kills):
            before = target.current()
            run = subprocess.Popen(publish_command(sites[kill % 2], www),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, span * 1.2))
            run.send_signal(signal.SIGKILL)
            run.wait()
            torn += is_torn(target)
            switched += target.current() != before
        leftovers = len(list(target.releases.glob(".incoming-*"))) + (www / ".current.new").is_symlink()
        final = subprocess.run(publish_command(sites[kills % 2], www), capture_output=True, text=True)
        cleaned = not list(target.releases.glob(".incoming-*")) and not (www / ".current.new").exists()
    print(f"`gongkai publish` killed with SIGKILL at a random moment, {kills} times ({PAGES + 3} files, "
          f"a publish takes {span:.2f} s): {torn} torn releases, {switched} kills after the switch, "
          f"{leftovers} leftovers before the next publish, which exited {final.returncode} "
          f"and {'cleaned them all' if cleaned else 'left some'}")


if __name__ == "__main__":
    bench_publish_kills(int(sys.argv[1]) if len(sys.argv) > 1 else KILLS)
