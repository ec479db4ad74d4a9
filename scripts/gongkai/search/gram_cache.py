"""The n-gram hashes of each unit of text, kept from the previous index and reused when the text
is the same.

Hashing the 1-, 2- and 3-grams of every unit is most of the indexer's work, and after one edit
all but a few units hold the text they held before. The cache is a folder with three raw files
per worker: ``<k>.digests`` (each unit's text digest, 16 bytes), ``<k>.offsets`` (where each
unit's hashes start, int64) and ``<k>.hashes`` (uint32). The hashes are written as they are made
and read through a memory map, so the cache adds no memory that grows with the text. The digests
include the code that makes the hashes, so a change to it is a miss.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .grams import unit_hashes
from .normalize import normalize

_HERE = Path(__file__).resolve().parent
_CODE = hashlib.blake2b(b"".join((_HERE / name).read_bytes() for name in ("grams.py", "normalize.py")),
                        digest_size=16).digest()


class GramCache:
    """Hashes by text digest: those of the previous index in ``folder`` (None: none); with
    ``keep``, this run's are written to ``keep``.digests/.offsets/.hashes for the next."""

    def __init__(self, folder: Path | None, keep: Path | None = None):
        self.known: dict[bytes, tuple[np.ndarray, int, int]] = {}
        for path in sorted(folder.glob("*.digests")) if folder is not None and folder.is_dir() else ():
            try:
                digests = np.fromfile(path, dtype=np.uint8).reshape(-1, 16)
                offsets = np.fromfile(path.with_suffix(".offsets"), dtype=np.int64)
                hashes = np.memmap(path.with_suffix(".hashes"), dtype=np.uint32, mode="r") \
                    if offsets[-1] else np.empty(0, np.uint32)
            except (OSError, ValueError, IndexError):
                continue  # a damaged file only costs its units' hashing
            if len(offsets) != len(digests) + 1 or len(hashes) != offsets[-1]:
                continue
            for i, digest in enumerate(digests):
                self.known[digest.tobytes()] = (hashes, int(offsets[i]), int(offsets[i + 1]))
        self.keep = keep
        self.digests: list[bytes] = []
        self.ends: list[int] = []
        self._hashes = keep.with_suffix(".hashes").open("wb") if keep is not None else None

    def hashes(self, text: str) -> np.ndarray:
        """The distinct n-gram hashes of ``text`` once normalized (see grams.unit_hashes)."""
        digest = hashlib.blake2b(_CODE + text.encode("utf-8"), digest_size=16).digest()
        hit = self.known.get(digest)
        found = np.asarray(hit[0][hit[1]:hit[2]]) if hit else unit_hashes(normalize(text))
        if self._hashes is not None:
            self._hashes.write(found.astype(np.uint32).tobytes())
            self.digests.append(digest)
            self.ends.append((self.ends[-1] if self.ends else 0) + len(found))
        return found

    def close(self) -> None:
        """Finish the files of this run's hashes (when kept)."""
        if self._hashes is None:
            return
        self._hashes.close()
        np.array([0, *self.ends], dtype=np.int64).tofile(self.keep.with_suffix(".offsets"))
        # The digests last: a folder without them is never read.
        np.frombuffer(b"".join(self.digests), dtype=np.uint8).tofile(self.keep.with_suffix(".digests"))
