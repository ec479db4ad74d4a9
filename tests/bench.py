"""`make bench`: the figures quoted in README.md and BENCHMARKS.md, measured on this machine.

Each benchmark prints what it measured; nothing here asserts a speed.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench_hooks import bench_hooks
from tests.bench_lifecycle import main as bench_lifecycle
from tests.bench_pages import bench_pages
from tests.bench_publish import bench_publish_kills
from tests.conftest import AS_OF, SHARED, run_gongkai, write_site
from tests.generate import generate_portal

CORPUS = SHARED / "corpus" / "laws-dev.jsonl"
RUNS = 5
GONGKAI = str(Path(sys.executable).with_name("gongkai"))


def timed(site: Path, *args: str) -> tuple[float, int]:
    """Median wall time of RUNS runs of the `gongkai ARGS` command, and the last exit code."""
    times, code = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        code = subprocess.run([GONGKAI, "--as-of", AS_OF, *args], cwd=site,
                              capture_output=True).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def bench_check(tmp: Path) -> None:
    """gongkai check on 2,000 generated documents and on the imported corpus."""
    site = generate_portal(tmp / "generated", 2000)
    seconds, code = timed(site, "check")
    print(f"`gongkai check` command, 2,000 generated documents (1,000 policies + 1,000 interpretations): "
          f"median {seconds:.2f} s of {RUNS} runs, exit {code}")
    if not CORPUS.exists():
        print("gongkai check on ../shared/corpus: skipped, the corpus is absent on this machine")
        return
    corpus_site = write_site(tmp / "corpus", {})
    run_gongkai(corpus_site, "import", str(CORPUS), "--infer-relations")
    count = len(list((corpus_site / "content" / "policies").rglob("*.md")))
    seconds, code = timed(corpus_site, "check")
    print(f"`gongkai check` command, {count:,} documents imported from ../shared/corpus: "
          f"median {seconds:.2f} s of {RUNS} runs, exit {code}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        bench_check(Path(folder))
    bench_pages(2000)
    bench_hooks(2000)
    bench_lifecycle()
    bench_publish_kills()


if __name__ == "__main__":
    main()
