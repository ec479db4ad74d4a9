"""The previous build's outputs and search records, in a SQLite file beside the site.

For every file of the site: the key it was made from and the size and modification time it had
when it was put in place; for every page: its search records. An output is reused only when its
key is the same and its file in the site is still the one the build wrote. The changes of a
build are committed in one transaction after the build succeeded, so a failed build leaves the
state as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS outputs (dest TEXT PRIMARY KEY, key TEXT, size INTEGER, mtime INTEGER);
CREATE TABLE IF NOT EXISTS records (src TEXT PRIMARY KEY, key TEXT, lines TEXT);
"""


def sidecar(target: Path, suffix: str) -> Path:
    """A hidden path beside ``target`` (site/ → .site.<suffix>)."""
    dot = "" if target.name.startswith(".") else "."
    return target.with_name(f"{dot}{target.name}.{suffix}")


class BuildState:
    """What the site in ``target`` holds, as the previous build left it."""

    def __init__(self, target: Path):
        self.target = target
        folder = sidecar(target, "cache")
        folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(folder / "state.sqlite", isolation_level="DEFERRED")
        try:
            self.db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            # A damaged cache is only a slower build: start again from nothing.
            self.db.close()
            (folder / "state.sqlite").unlink()
            self.db = sqlite3.connect(folder / "state.sqlite", isolation_level="DEFERRED")
            self.db.executescript(SCHEMA)
        self.outputs = {dest: (key, size, mtime) for dest, key, size, mtime
                        in self.db.execute("SELECT dest, key, size, mtime FROM outputs")}

    @staticmethod
    def forget(target: Path) -> None:
        """Drop the state of ``target``: its next build renders everything."""
        (sidecar(target, "cache") / "state.sqlite").unlink(missing_ok=True)

    def unchanged(self, dest: str, key: str) -> bool:
        """Whether the site's file ``dest`` was made from ``key`` and is still as written."""
        row = self.outputs.get(dest)
        if row is None or row[0] != key:
            return False
        try:
            stat = os.stat(self.target / dest)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == row[1:]

    def records(self, src: str, key: str) -> list[str] | None:
        """The search records (JSON lines) page ``src`` had when made from ``key``."""
        row = self.db.execute("SELECT lines FROM records WHERE src = ? AND key = ?", (src, key)).fetchone()
        if row is None:
            return None
        return row[0].split("\n") if row[0] else []

    def keep_records(self, src: str, key: str, lines: list[str]) -> None:
        """Remember page ``src``'s records (committed with the build)."""
        self.db.execute("INSERT OR REPLACE INTO records VALUES (?, ?, ?)", (src, key, "\n".join(lines)))

    def drop_records_except(self, sources: set[str]) -> None:
        """Forget the records of pages the site no longer has."""
        gone = [(src,) for (src,) in self.db.execute("SELECT src FROM records") if src not in sources]
        self.db.executemany("DELETE FROM records WHERE src = ?", gone)

    def replace_outputs(self, rows: dict[str, tuple[str | None, int, int]]) -> None:
        """The site's files after this build: dest → (key, size, modification time)."""
        self.db.execute("DELETE FROM outputs")
        self.db.executemany("INSERT INTO outputs VALUES (?, ?, ?, ?)",
                            ((dest, *row) for dest, row in rows.items()))

    def commit(self) -> None:
        self.db.commit()
        self.db.close()

    def discard(self) -> None:
        """A failed build: nothing of it is kept."""
        self.db.rollback()
        self.db.close()
