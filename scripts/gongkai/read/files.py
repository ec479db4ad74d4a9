"""The files of content/ and data/: only real files of the repository, never through a link."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def _entries(base: Path) -> Iterator[os.DirEntry]:
    """Every entry under ``base``, folders entered but links never followed. os.scandir tells
    links and folders apart from the directory entry itself: no stat per file (20,000
    documents are listed by several checks in every build)."""
    folders = [str(base)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                yield entry
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)


def files_under(base: Path, suffix: str = "") -> list[Path]:
    """Regular files under ``base`` ending in ``suffix``, sorted; symbolic links are skipped."""
    if not base.is_dir() or base.is_symlink():
        return []
    return sorted(Path(e.path) for e in _entries(base)
                  if e.name.endswith(suffix) and not e.is_symlink() and not e.is_dir(follow_symlinks=False))


def markdown_files(base: Path) -> list[Path]:
    """The Markdown files under ``base``, links excluded."""
    return files_under(base, ".md")


def symlinks_under(base: Path) -> list[Path]:
    """Every symbolic link under ``base`` (to a file or a folder), never followed."""
    if not base.is_dir():
        return []
    return sorted(Path(e.path) for e in _entries(base) if e.is_symlink())


def shown_path(file: Path, root: Path) -> str:
    """``file`` as an editor sees it: relative to the repository when inside it."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
