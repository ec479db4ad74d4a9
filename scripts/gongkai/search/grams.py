"""The n-grams of the index and their 32-bit hashes, vectorised with numpy.

The hash is FNV-1a over the n-gram's code points followed by MurmurHash3's finaliser; the
browser computes the same with Math.imul. Its low bits choose the shard file, the rest the slot
in it. Two n-grams sharing a hash only merge their postings: a search may then return an extra
candidate, never lose one, and the page checks each result's text before showing it.
"""

from __future__ import annotations

import numpy as np

FNV_OFFSET = 2166136261
FNV_PRIME = 16777619


def _fmix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def gram_hashes(codes: np.ndarray, n: int) -> np.ndarray:
    """Hashes of every n-gram starting at 0..len-n of the code-point array ``codes``."""
    count = len(codes) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint32)
    h = np.full(count, FNV_OFFSET, dtype=np.uint32)
    for i in range(n):
        h = (h ^ codes[i:i + count]) * np.uint32(FNV_PRIME)
    return _fmix(h)


def hash_gram(gram: str) -> int:
    """The hash of one n-gram (for tests and for Python readers of the index)."""
    codes = np.frombuffer(gram.encode("utf-32-le"), dtype=np.uint32)
    return int(gram_hashes(codes, len(codes))[0])


def unit_hashes(text: str) -> np.ndarray:
    """The distinct hashes of the 1-, 2- and 3-grams of ``text`` that hold no white space."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if not len(codes):
        return np.empty(0, dtype=np.uint32)
    space = np.isin(codes, _SPACE_CODES)
    parts = []
    for n in (1, 2, 3):
        h = gram_hashes(codes, n)
        if not len(h):
            continue
        # An n-gram that holds a space or line break is never asked for: terms have none.
        bad = space[: len(h)].copy()
        for i in range(1, n):
            bad |= space[i:i + len(h)]
        parts.append(h[~bad])
    # Sorting and dropping repeats is several times faster than np.unique (which hashes) on
    # arrays of a few thousand values, the size of one unit.
    hashes = np.concatenate(parts)
    hashes.sort()
    return hashes[np.r_[True, hashes[1:] != hashes[:-1]]] if len(hashes) else hashes


_SPACE_CODES = np.array([ord(c) for c in " \t\n\r\f\v\u3000\u00a0"], dtype=np.uint32)


def query_grams(term: str) -> list[str]:
    """The n-grams a term is looked up by: itself up to 3 characters, else its trigrams."""
    if len(term) <= 3:
        return [term]
    return list(dict.fromkeys(term[i:i + 3] for i in range(len(term) - 2)))
