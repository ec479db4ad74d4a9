"""Progress of long work: a bar with counts, rate and time left on a terminal; plain lines in logs.

rich draws the bar (it handles terminal width, redraw rate and wide Chinese characters, which a
hand-written bar gets wrong). Where the output is not a terminal (CI logs, a pipe), a plain line
is printed at most every ``interval`` seconds, so short runs stay quiet and long ones show life.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def _rate_text(done: int, seconds: float, unit: str) -> str:
    return f"每秒 {done / seconds:.0f} {unit}" if seconds > 0 else ""


class Progress:
    """Count ``total`` steps of ``label``; use as a context manager or call ``close``."""

    def __init__(self, label: str, total: int, unit: str = "页", *, stream: TextIO | None = None,
                 interval: float | None = None, clock=time.monotonic, bar: bool | None = None):
        self.label, self.total, self.unit = label, total, unit
        self.stream = stream or sys.stderr
        if interval is None:
            interval = float(os.environ.get("GONGKAI_PROGRESS_INTERVAL") or 10)
        self.interval, self.clock = interval, clock
        self.done = 0
        self.start = self.last = clock()
        self.printed = False
        self.quiet = os.environ.get("GONGKAI_PROGRESS") == "off"
        self._bar = None
        if bar is None:
            bar = _is_terminal(self.stream)
        if bar and total > 0:
            self._bar = _rich_bar(self.stream, label, total, unit)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more; redraw the bar, or print a line when ``interval`` has passed."""
        self.done += steps
        if self._bar is not None:
            bar, task = self._bar
            bar.advance(task, steps)
            bar.update(task, rate=_rate_text(self.done, self.clock() - self.start, self.unit))
            return
        now = self.clock()
        if not self.quiet and now - self.last >= self.interval:
            self.last = now
            self.printed = True
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float) -> str:
        """The plain line: counts, rate and the time left at this rate."""
        seconds = now - self.start
        parts = [f"{self.label}：{self.done}/{self.total} {self.unit}"]
        if seconds > 0 and self.done:
            parts.append(_rate_text(self.done, seconds, self.unit))
            left = (self.total - self.done) * seconds / self.done
            parts.append(f"约 {left:.0f} 秒后完成")
        return "，".join(parts)

    def close(self) -> None:
        """Stop the bar; in a log, end with the total time when a line was printed before."""
        if self._bar is not None:
            self._bar[0].stop()
            self._bar = None
        elif self.printed:
            seconds = self.clock() - self.start
            print(f"{self.label}：{self.done}/{self.total} {self.unit}，用时 {seconds:.0f} 秒，"
                  f"{_rate_text(self.done, seconds, self.unit)}", file=self.stream, flush=True)
            self.printed = False


def _is_terminal(stream: TextIO) -> bool:
    if os.environ.get("GONGKAI_PROGRESS") in ("plain", "off") or os.environ.get("CI"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def _rich_bar(stream: TextIO, label: str, total: int, unit: str):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    bar = Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
              TextColumn(unit), TaskProgressColumn(),
              TextColumn("{task.fields[rate]}"), TextColumn("剩余"), TimeRemainingColumn(),
              console=Console(file=stream), transient=False)
    task = bar.add_task(label, total=total, rate="")
    bar.start()
    return bar, task
