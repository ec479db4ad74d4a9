"""Documents as the previous read left them, reused while their file has not changed.

Reading the front matter of 20,000 documents is most of a check (2.3 s of it); loading them
from .gongkai/cache/ takes about a third of that. A document is reused only when its file has
the same size, modification and change times and inode, its attachments the same sizes, and
the portal's code and settings are those it was read with; only documents read without any
problem are kept, so every problem is found again by reading the file.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from ..code_digest import code_digest
from ..config import PortalConfig

CACHE = Path(".gongkai/cache/documents.pickle")
def _file_key(stat: os.stat_result) -> tuple[int, int, int, int]:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


class DocumentCache:
    """Parsed documents by their path under content/, with the state of the file they came from."""

    def __init__(self, config: PortalConfig):
        self.path = config.root / CACHE
        self.content = config.content_path
        self.key = (code_digest(), str(config.root), str(config.content_path), tuple(config.topics),
                    config.max_file_kb)
        self.entries: dict[str, tuple] = {}
        self.kept: dict[str, tuple] = {}
        self.changed = False
        try:
            with self.path.open("rb") as f:
                key, entries = pickle.load(f)
            if key == self.key:
                self.entries = entries
        except Exception:  # noqa: BLE001 - a missing or damaged cache is only a slower read
            pass

    def get(self, rel: str, file: Path):
        """The document read from ``file`` before, if the file and its attachments are unchanged."""
        entry = self.entries.get(rel)
        if entry is None:
            return None
        try:
            if entry[0] != _file_key(os.stat(file)):
                return None
            doc = entry[1]
            if any(os.stat(self.content / a.path).st_size != a.size for a in doc.attachments):
                return None
        except OSError:
            return None
        self.kept[rel] = entry
        return doc

    def put(self, rel: str, file: Path, doc) -> None:
        """Keep ``doc``, read without problems from ``file``."""
        try:
            self.kept[rel] = (_file_key(os.stat(file)), doc)
            self.changed = True
        except OSError:
            pass

    def save(self) -> None:
        """Write the documents of this read, when any was read anew or is gone."""
        if not self.changed and len(self.kept) == len(self.entries):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.part")
            with partial.open("wb") as f:
                pickle.dump((self.key, self.kept), f, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(self.path)
        except OSError:
            pass  # a read-only checkout reads every file each time
