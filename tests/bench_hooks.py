"""The commit-time check at 2,000 documents: `gongkai check --staged` as the hook runs it.

Prints figures; asserts nothing. Run with `make bench` (or `python -m tests.bench_hooks`).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import AS_OF
from tests.generate import generate_portal

RUNS = 5
GONGKAI = str(Path(sys.executable).with_name("gongkai"))
GIT_ENV = os.environ | {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.gov.cn",
                        "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.gov.cn"}


def _git(site: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=site, env=GIT_ENV, check=True, capture_output=True)


def _median(site: Path, command: list[str]) -> tuple[float, float, int]:
    """Median wall time, median CPU time (the command and the git it runs) and the exit code."""
    times, cpu, code = [], [], None
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        code = subprocess.run(command, cwd=site, env=GIT_ENV | {"GONGKAI_AS_OF": AS_OF},
                              capture_output=True).returncode
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpu), code


def bench_hooks(documents: int = 2000) -> None:
    """Time the staged check and a whole `git commit` through the installed hook."""
    with tempfile.TemporaryDirectory() as folder:
        site = generate_portal(Path(folder) / "portal", documents)
        _git(site, "init", "-q", "-b", "main")
        _git(site, "add", "-A")
        _git(site, "commit", "-qm", "portal")
        policy = next((site / "content/policies").rglob("*.md"))
        policy.write_text(policy.read_text(encoding="utf-8").replace("测试", "测验") + "\n", encoding="utf-8")
        _git(site, "add", "-A")
        # The plain check beside it: on a loaded machine the ratio says what the hook adds.
        for label, args in (("check", ["check"]), ("check --staged", ["check", "--staged"]),
                            ("check --staged --changed", ["check", "--staged", "--changed"])):
            seconds, cpu, code = _median(site, [GONGKAI, *args])
            # On a shared machine the CPU time is what an idle one would take as wall time.
            print(f"`gongkai {label}`, {documents:,} documents, one file changed and staged: "
                  f"median {seconds:.2f} s wall, {cpu:.2f} s CPU of {RUNS} runs, exit {code}")
        subprocess.run([GONGKAI, "hooks", "install"], cwd=site, check=True, capture_output=True)
        times = []
        for n in range(RUNS):
            policy.write_text(policy.read_text(encoding="utf-8") + f"\n第{n}次修改。\n", encoding="utf-8")
            _git(site, "add", "-A")
            start = time.perf_counter()
            subprocess.run(["git", "commit", "-qm", f"edit {n}"], cwd=site, check=True, capture_output=True,
                           env=GIT_ENV | {"GONGKAI_AS_OF": AS_OF})
            times.append(time.perf_counter() - start)
        print(f"`git commit` through the installed hook, {documents:,} documents: "
              f"median {statistics.median(times):.2f} s of {RUNS} commits")


if __name__ == "__main__":
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    bench_hooks()
    print(f"load average after: {os.getloadavg()[0]:.1f}")
