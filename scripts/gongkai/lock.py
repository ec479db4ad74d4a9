"""One run at a time per folder: a lock file held with flock, naming the run that holds it."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path


def build_lock(site: Path) -> Path:
    """The lock file of builds into ``site`` (beside it): `gongkai publish` holds it too, since
    an incremental build changes the site in place."""
    return site.with_name(f".{site.name}-build.lock")


class Busy(Exception):
    """Another run holds the lock; the message names it and says what to do."""


@contextlib.contextmanager
def hold(lock_file: Path, what: str, code: str, wait: float = 0, shared: bool = False) -> Iterator[None]:
    """Hold ``lock_file`` for the block, waiting at most ``wait`` seconds for another run.
    ``shared``: runs that only read (publishes copying the site) may hold it together."""
    # flock, not a pid file: the kernel releases it when the holder dies, even by SIGKILL,
    # so a killed run never leaves a lock for the next one to break by hand.
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(_busy_message(fd, lock_file, what, code, wait)) from None
                time.sleep(0.05)
        started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        # Overwrite, then cut: a reader never finds the file empty, only this run or the last.
        holder = f"{os.getpid()} {started}\n".encode()
        os.pwrite(fd, holder, 0)
        os.ftruncate(fd, len(holder))
        yield
    finally:
        os.close(fd)


def _busy_message(fd: int, lock_file: Path, what: str, code: str, wait: float) -> str:
    pid, started = _holder(fd)
    who = f"进程 {pid}，开始于 {started}" if pid else "刚刚开始，尚未写下进程号"
    waited = f"等了 {wait:g} 秒仍未结束。" if wait else ""
    return (f"{lock_file}: {code} {what} 正由另一次运行使用（{who}）。{waited}"
            f"本次没有做任何改动：请等那次运行结束后重试，或加 --wait 秒数 让本次等待。")


def _holder(fd: int) -> tuple[int | None, str]:
    """Pid and start of the run holding the lock, as it wrote them."""
    # The holder writes just after the kernel grants the lock; until then the file still names
    # the previous holder, which has ended. Read again until it names a live process.
    for _ in range(40):
        pid, _, started = os.pread(fd, 200, 0).decode("utf-8", "replace").strip().partition(" ")
        if pid.isdigit() and _alive(int(pid)):
            return int(pid), started
        time.sleep(0.05)
    return None, ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
