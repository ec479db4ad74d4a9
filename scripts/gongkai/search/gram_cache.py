"""The n-gram hashes of each unit of text, kept from the previous index and reused when the text
is the same.

Hashing the 1-, 2- and 3-grams of every unit is most of the indexer's work, and after one edit
all but a few units hold the text they held before. The cache is a folder of .npz files, one per
worker: each holds its units' text digests, where each unit's hashes start in one array, and
that array. The digests include the code that makes the hashes, so a change to it is a miss.
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
    """Hashes by text digest: those of the previous index in ``folder`` (None: none), and those
    computed or reused in this run, which ``save`` writes for the next."""

    def __init__(self, folder: Path | None):
        self.known: dict[bytes, tuple[np.ndarray, int, int]] = {}
        for path in sorted(folder.glob("*.npz")) if folder is not None and folder.is_dir() else ():
            try:
                with np.load(path) as data:
                    digests, offsets, hashes = data["digests"], data["offsets"], data["hashes"]
            except (OSError, ValueError, KeyError):
                continue  # a damaged file only costs its units' hashing
            for i, digest in enumerate(digests):
                self.known[digest.tobytes()] = (hashes, int(offsets[i]), int(offsets[i + 1]))
        self.digests: list[bytes] = []
        self.arrays: list[np.ndarray] = []

    def hashes(self, text: str) -> np.ndarray:
        """The distinct n-gram hashes of ``text`` once normalized (see grams.unit_hashes)."""
        digest = hashlib.blake2b(_CODE + text.encode("utf-8"), digest_size=16).digest()
        hit = self.known.get(digest)
        found = hit[0][hit[1]:hit[2]] if hit else unit_hashes(normalize(text))
        self.digests.append(digest)
        self.arrays.append(found)
        return found

    def save(self, path: Path) -> None:
        """Write the hashes of this run's units to ``path`` (.npz)."""
        lengths = np.fromiter((len(a) for a in self.arrays), dtype=np.int64, count=len(self.arrays))
        with path.open("wb") as f:
            np.savez(f, digests=np.frombuffer(b"".join(self.digests), dtype=np.uint8).reshape(-1, 16),
                     offsets=np.r_[0, np.cumsum(lengths)].astype(np.int64),
                     hashes=(np.concatenate(self.arrays) if self.arrays else np.empty(0)).astype(np.uint32))
