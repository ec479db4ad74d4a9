"""The files of content/ and data/: only real files of the repository, never through a link."""

from __future__ import annotations

import os
from pathlib import Path


def files_under(base: Path, suffix: str = "") -> list[Path]:
    """Regular files under ``base`` ending in ``suffix``, sorted; symbolic links are skipped."""
    found: list[str] = []
    if not base.is_dir() or base.is_symlink():
        return []
    # os.scandir tells links and folders apart from the directory entry itself: no stat per file
    # (20,000 documents are read by several checks in every build).
    folders = [str(base)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.name.endswith(suffix):
                    found.append(entry.path)
    return sorted(map(Path, found))


def markdown_files(base: Path) -> list[Path]:
    """The Markdown files under ``base``, links excluded."""
    return files_under(base, ".md")


def symlinks_under(base: Path) -> list[Path]:
    """Every symbolic link under ``base`` (to a file or a folder), never followed."""
    found: list[str] = []
    if not base.is_dir():
        return []
    folders = [str(base)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    found.append(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
    return sorted(map(Path, found))


def shown_path(file: Path, root: Path) -> str:
    """``file`` as an editor sees it: relative to the repository when inside it."""
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()
