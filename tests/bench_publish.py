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

from gongkai.progress import Progress
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


def other_version(sites: list[Path], target: Target) -> Path:
    """The site whose version is not the one served: publishing it always switches."""
    served = (target.current_link / "index.html").read_text(encoding="utf-8")
    return sites[1] if "（第 0 版）" in served else sites[0]


def started_copying(www: Path, run: subprocess.Popen) -> bool:
    """Wait until the run has made its incoming folder (True) or has ended (False)."""
    while run.poll() is None:
        if any((www / "releases").glob(".incoming-*")):
            return True
        time.sleep(0.002)
    return False


def bench_publish_kills(kills: int = KILLS) -> None:
    """Kill `gongkai publish` `kills` times, then count torn releases.

    Half the kills fall anywhere in the run (most land in Python's start-up); the other half
    fall within the publishing itself, timed from the moment its incoming folder appears.
    """
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        sites = [write_site(tmp / f"site{v}", v) for v in range(2)]
        www = tmp / "www"
        target = Target(www)
        wholes, phases = [], []
        for version in range(4):
            start = time.perf_counter()
            run = subprocess.Popen(publish_command(sites[version % 2], www),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            copying = started_copying(www, run) and time.perf_counter()
            run.wait()
            wholes.append(time.perf_counter() - start)
            phases.append(time.perf_counter() - copying if copying else 0)
        whole, phase = statistics.median(wholes), statistics.median(phases)
        torn = finished = after_switch = 0
        rng = random.Random(12)
        progress = Progress("杀掉发布进程", kills, "次")
        for kill in range(kills):
            before = target.current()
            # Each run publishes the other version, so every finished run switches.
            run = subprocess.Popen(publish_command(other_version(sites, target), www),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if kill % 2 == 0:
                time.sleep(rng.uniform(0, whole * 1.2))
            elif started_copying(www, run):
                time.sleep(rng.uniform(0, phase * 1.2))
            run.send_signal(signal.SIGKILL)
            code = run.wait()
            torn += is_torn(target)
            finished += code == 0
            after_switch += code != 0 and target.current() != before
            progress.advance()
        progress.close()
        leftovers = len(list(target.releases.glob(".incoming-*"))) + (www / ".current.new").is_symlink()
        final = subprocess.run(publish_command(sites[0], www), capture_output=True, text=True)
        cleaned = not list(target.releases.glob(".incoming-*")) and not (www / ".current.new").exists()
    print(f"`gongkai publish` killed with SIGKILL {kills} times ({PAGES + 3} files; a whole run takes "
          f"{whole:.2f} s, the publishing itself {phase:.2f} s; half the kills timed within it): "
          f"{torn} torn releases; {kills - finished} runs killed ({after_switch} after the switch), "
          f"{finished} finished first; {leftovers} leftovers before the next publish, which exited "
          f"{final.returncode} and {'cleaned them all' if cleaned else 'left some'}")


if __name__ == "__main__":
    bench_publish_kills(int(sys.argv[1]) if len(sys.argv) > 1 else KILLS)
