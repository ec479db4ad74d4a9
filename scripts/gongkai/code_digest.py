"""One digest of the portal's own code: a cache made by other code is not used."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def tree_digest(folder: Path) -> str:
    """The digest of every file under ``folder`` (its path and bytes), but compiled bytecode."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@functools.cache
def code_digest() -> str:
    """The digest of the gongkai package's files (code, templates of its own, assets)."""
    return tree_digest(PACKAGE)
