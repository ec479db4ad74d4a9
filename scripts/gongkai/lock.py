"""One run at a time per folder: a lock file held with flock, naming the run that holds it."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path


class Busy(Exception):
    """Another run holds the lock; the message names it and says what to do."""


@contextlib.contextmanager
def hold(lock_file: Path, what: str, code: str, wait: float = 0) -> Iterator[None]:
    """Hold ``lock_file`` for the block, waiting at most ``wait`` seconds for another run."""
    # flock, not a pid file: the kernel releases it when the holder dies, even by SIGKILL,
    # so a killed run never leaves a lock for the next one to break by hand.
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(_busy_message(fd, lock_file, what, code, wait)) from None
                time.sleep(0.05)
        started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {started}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def _busy_message(fd: int, lock_file: Path, what: str, code: str, wait: float) -> str:
    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    pid, _, started = holder.partition(" ")
    who = f"进程 {pid}，开始于 {started}" if started else "刚刚开始，尚未写下进程号"
    waited = f"等了 {wait:g} 秒仍未结束。" if wait else ""
    return (f"{lock_file}: {code} {what}正由另一次运行使用（{who}）。{waited}"
            f"本次没有做任何改动：请等那次运行结束后重试，或加 --wait 秒数 让本次等待。")
