"""Put a build's new and changed files into the site once the build has succeeded.

An incremental build writes only what changed into its staging folder. Its changes are first
written to a journal beside the site, then carried out: files removed, files moved in, the
search index's folder swapped whole. A build cut short while carrying them out is finished by
the next one, which then renders everything again (it cannot know how far the state went).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .state import BuildState, sidecar


@dataclass
class Delta:
    """What one build changes in the site, as paths relative to it."""

    staging: str
    deletes: list[str] = field(default_factory=list)
    moves: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)


def list_tree(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """The files under ``folder`` (but those under the folders ``skip``), as relative paths."""
    found = []
    for top, dirs, names in os.walk(folder):
        rel_top = Path(top).relative_to(folder).as_posix()
        prefix = "" if rel_top == "." else rel_top + "/"
        dirs[:] = [d for d in dirs if f"{prefix}{d}/" not in skip]
        found += [prefix + name for name in names]
    return found


def stat_tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Each file under ``folder`` (but those under ``skip``): relative path → (size, mtime)."""
    found = {}
    for rel in list_tree(folder, skip):
        stat = os.stat(folder / rel)
        found[rel] = (stat.st_size, stat.st_mtime_ns)
    return found


def apply_delta(delta: Delta, target: Path, commit) -> None:
    """Journal ``delta``, call ``commit`` (the state's), then carry the delta out."""
    journal = sidecar(target, "apply.json")
    partial = journal.with_name(journal.name + ".part")
    partial.write_text(json.dumps(asdict(delta), ensure_ascii=False), encoding="utf-8")
    partial.replace(journal)
    commit()
    _carry_out(delta, target)
    journal.unlink()


def finish_interrupted(target: Path) -> bool:
    """Carry out a journal a build left unfinished; its state is dropped. True if there was one."""
    journal = sidecar(target, "apply.json")
    if not journal.is_file():
        return False
    BuildState.forget(target)
    _carry_out(Delta(**json.loads(journal.read_text(encoding="utf-8"))), target)
    journal.unlink()
    return True


def pending(target: Path) -> bool:
    """Whether a build was cut short while it changed ``target`` (the site is half updated)."""
    return sidecar(target, "apply.json").is_file()


def _carry_out(delta: Delta, target: Path) -> None:
    staging = Path(delta.staging)
    for rel in delta.deletes:
        path = target / rel
        if path.is_file() or path.is_symlink():
            path.unlink()
            _prune(path.parent, target)
    for rel in delta.folders:
        new = staging / rel
        if new.is_dir():
            old = target / rel
            if old.exists():
                discard(old, away=target)
            _make_room(old, target)
            new.rename(old)
    for rel in delta.moves:
        new = staging / rel
        if new.is_file():
            _make_room(target / rel, target)
            os.replace(new, target / rel)
    shutil.rmtree(staging, ignore_errors=True)


def _make_room(path: Path, top: Path) -> None:
    """Make ``path`` free to take a file: its folders exist, nothing of another kind is in the way."""
    if path.is_dir() and not path.is_symlink():
        discard(path, away=top)
    for parent in reversed(path.parents):
        if top in parent.parents and (parent.is_file() or parent.is_symlink()):
            parent.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)


def _prune(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents up to ``top`` while they are empty."""
    while folder != top and top in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def discard(folder: Path, rename: bool = True, away: Path | None = None) -> None:
    """Delete ``folder`` in the background: renamed out of the way at once, then removed by a
    detached `rm -rf` (removing 20,000 pages took the build 13.7 s). A deletion cut short is
    finished by the next build. Without `rm`, the folder is removed here. A folder inside the
    site ``away`` is first moved out of it, beside it, so that no trash is ever published."""
    if not folder.is_dir():
        return
    trash = folder
    if rename:
        stamp = f"trash-{os.getpid()}-{time.monotonic_ns()}"
        trash = sidecar(away, f"old.{stamp}") if away else folder.with_name(f"{folder.name}.{stamp}")
        folder.rename(trash)
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(trash, ignore_errors=True)
        return
    subprocess.Popen([rm, "-rf", "--", str(trash)], start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
