"""Releases on the web server: releases/<name>/ copies and a `current` symlink switched atomically."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ..lock import Busy, build_lock, hold
from .archive import unpack
from .disk import bytes_needed, describe, ensure_space, fsync_folder, fsync_tree
from .errors import PublishError, Unchanged
from .ledger import LEDGER, REDIRECTS, Ledger, addresses, lost_message, redirect_problems
from .manifest import make_manifest, read_manifest, write_manifest
from .verify import verify_site

__all__ = ["PublishError", "Unchanged", "Target", "publish", "rollback", "prune"]

LOCK = "publish.lock"


@dataclass(frozen=True)
class Target:
    """A publishing destination: the web server's root is ``root/current``."""

    root: Path

    @property
    def releases(self) -> Path:
        return self.root / "releases"

    @property
    def current_link(self) -> Path:
        return self.root / "current"

    def current(self) -> Path | None:
        """The release being served, or None before the first publish."""
        link = self.current_link
        return link.resolve() if link.is_symlink() else None

    def names(self) -> list[str]:
        """Published releases, oldest first."""
        if not self.releases.is_dir():
            return []
        return sorted(p.name for p in self.releases.iterdir() if p.is_dir() and not p.name.startswith("."))


def publish(site: Path, target: Target, *, keep: int = 10, allow_removal: set[str] = frozenset(),
            now: dt.datetime | None = None, wait: float = 0) -> str:
    """Copy ``site`` (a built site, or an archive made by `gongkai package`) into a new release,
    verify it, then switch `current` to it."""
    now = now or dt.datetime.now(dt.timezone.utc)
    if not site.is_file():
        refuse_publishing_into_itself(site, target)
    with _site_held(site, wait):
        return _publish(site, target, keep, allow_removal, now, wait)


@contextlib.contextmanager
def _site_held(site: Path, wait: float):
    """No build changes a built site while it is verified and copied (an archive needs none)."""
    if site.is_file() or not site.parent.is_dir():
        yield
        return
    try:
        held = hold(build_lock(site), f"输出目录 {site}/", "build-busy", wait, shared=True)
        held.__enter__()
    except Busy as exc:
        raise PublishError(str(exc)) from None
    except OSError:
        # A site on a read-only disk: no build can change it either.
        yield
        return
    try:
        yield
    finally:
        held.__exit__(None, None, None)


def _publish(site: Path, target: Target, keep: int, allow_removal: set[str], now: dt.datetime, wait: float) -> str:
    if site.is_file():
        stage = partial(unpack, site)
    else:
        problems = verify_site(site)
        if problems:
            raise PublishError("\n".join(problems))
        stage = partial(_copy_site, site)
    with _locked(target, wait):
        name = _release_name(target, now)
        incoming = target.releases / f".incoming-{name}-{os.getpid()}"
        try:
            candidate = stage(incoming)
            found = addresses(candidate)
            redirects = _redirects(incoming)
            problems = redirect_problems(redirects, found)
            if problems:
                raise PublishError("\n".join(problems))
            ledger = Ledger.load(target.root, {n: read_manifest(target.releases / n) for n in target.names()})
            lost = ledger.lost(found, redirects, set(allow_removal))
            if lost:
                raise PublishError(lost_message(lost))
            current = target.current()
            if current is not None and read_manifest(current)["files"] == candidate["files"]:
                raise Unchanged(f"没有发布新版本：内容与正在服务的版本 {current.name} 完全相同。")
            write_manifest(incoming, candidate)
            # Every byte on disk before `current` points at it: a power cut after the switch
            # must not leave readers a release with empty files.
            fsync_tree(incoming)
            incoming.rename(target.releases / name)
            fsync_folder(target.releases)
        except BaseException:
            shutil.rmtree(incoming, ignore_errors=True)
            raise
        # The ledger before the switch: once `current` points at the release, nothing may fail.
        ledger.record_publish(name, found, set(allow_removal), now)
        ledger.save()
        _switch(target, name)
        try:
            prune(target, keep)
        except OSError:
            pass  # old releases left over are pruned by the next publish; this one is served
    return name


def _copy_site(site: Path, incoming: Path) -> dict:
    """Copy a built site into ``incoming``, after making sure the disk can hold it."""
    candidate = make_manifest(site)
    folders = sum(1 for p in site.rglob("*") if p.is_dir()) + 1
    ensure_space(incoming.parent, bytes_needed([f["size"] for f in candidate["files"].values()], folders))
    shutil.copytree(site, incoming)
    if make_manifest(incoming)["files"] != candidate["files"]:
        raise PublishError(f"{incoming}: copy-mismatch 复制到发布目录的文件与生成的网站不一致（磁盘已满或有其他程序在改动？），"
                           "已放弃本次发布。请检查磁盘后重试。")
    return candidate


def _redirects(release: Path) -> dict[str, str]:
    path = release / REDIRECTS
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


class _locked:
    """The target's lock, with the checks and the clean-up only its holder may do."""

    def __init__(self, target: Target, wait: float) -> None:
        self.target, self.wait = target, wait

    def __enter__(self) -> None:
        refuse_unfit_target(self.target)
        try:
            self.target.releases.mkdir(parents=True, exist_ok=True)
            self.hold = hold(self.target.root / LOCK, f"发布目录 {self.target.root}", "publish-busy", self.wait)
            self.hold.__enter__()
        except Busy as exc:
            raise PublishError(str(exc)) from None
        except OSError as exc:
            raise PublishError(describe(exc, self.target.root)) from None
        try:
            refuse_unfit_target(self.target)
            clean_leftovers(self.target)
        except BaseException:
            self.hold.__exit__(None, None, None)
            raise

    def __exit__(self, kind, exc, tb) -> bool:
        self.hold.__exit__(None, None, None)
        if isinstance(exc, OSError):
            raise PublishError(describe(exc, self.target.root)) from None
        return False


def refuse_publishing_into_itself(site: Path, target: Target) -> None:
    """A target inside the site (or the site inside the target) would copy itself forever."""
    site, root = site.resolve(), target.root.resolve()
    if site == root or site in root.parents or root in site.parents:
        raise PublishError(
            f"{target.root}: publish-into-itself 发布目录与生成的网站 {site} 重叠，发布会把网站复制进它自己。"
            "请发布到网站目录之外的文件夹，如 /srv/gongkai。")


def refuse_unfit_target(target: Target) -> None:
    """Refuse a target that holds something else than releases, before touching it."""
    root = target.root
    if root.exists() and not root.is_dir():
        raise PublishError(f"{root}: not-a-folder 发布目录是一个文件，不是文件夹。请指定一个文件夹。")
    link = target.current_link
    if (link.exists() or link.is_symlink()) and not link.is_symlink():
        raise PublishError(
            f"{link}: current-not-link current 应是指向 releases/ 中某个版本的符号链接，现在却是普通的"
            f"{'文件夹' if link.is_dir() else '文件'}（可能被手工替换过）。请确认其中没有需要保留的内容后"
            "把它改名移走（如 current.bak），再重新发布。")
    if root.is_dir():
        ours = {"releases", "current", LEDGER, LOCK, ".current.new"}
        others = sorted(p.name for p in root.iterdir() if p.name not in ours and not p.name.startswith(f".{LEDGER}."))
        if others and not (target.releases.is_dir() or link.is_symlink()):
            shown = "、".join(others[:5]) + ("等" if len(others) > 5 else "")
            raise PublishError(
                f"{root}: not-a-release-folder 这不是发布目录：其中已有其他文件（{shown}），却没有 releases/ 和 current。"
                "请指定一个新的空文件夹（网站服务器的根目录指向其中的 current），或已用 gongkai publish 发布过的目录。")


def clean_leftovers(target: Target) -> list[str]:
    """Remove what killed runs left behind: half-copied releases, a half-made link, a ledger draft."""
    leftovers = [*target.releases.glob(".incoming-*"), *target.root.glob(f".{LEDGER}.*")]
    temporary = target.root / ".current.new"
    if temporary.is_symlink() or temporary.exists():
        leftovers.append(temporary)
    for path in leftovers:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    return sorted(p.name for p in leftovers)


def _switch(target: Target, name: str) -> None:
    """Point `current` at a release with one atomic rename: readers never see a gap."""
    if name not in target.names():
        raise PublishError(f"没有名为 {name} 的发布版本。可用版本：{'、'.join(target.names()) or '（无）'}。")
    temporary = target.root / ".current.new"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(Path("releases") / name)
    os.replace(temporary, target.current_link)
    fsync_folder(target.root)


def rollback(target: Target, name: str | None = None, *, now: dt.datetime | None = None,
             wait: float = 0) -> str:
    """Serve an earlier release again: the one before the current, or ``name``; record it."""
    with _locked(target, wait):
        names = target.names()
        current = target.current()
        if name is None:
            if current is None or current.name not in names or names.index(current.name) == 0:
                raise PublishError("没有更早的发布版本可以回退。")
            name = names[names.index(current.name) - 1]
        _switch(target, name)
        ledger = Ledger.load(target.root, {n: read_manifest(target.releases / n) for n in names})
        ledger.record_rollback(name, now or dt.datetime.now(dt.timezone.utc))
        ledger.save()
    return name


def prune(target: Target, keep: int) -> list[str]:
    """Delete the oldest releases beyond ``keep``; never the current one or the one before it."""
    names = target.names()
    current = target.current()
    protected = set()
    if current is not None and current.name in names:
        index = names.index(current.name)
        protected = {names[index], *(names[index - 1:index] if index else [])}
    removable = [n for n in names[: max(0, len(names) - keep)] if n not in protected]
    for name in removable:
        shutil.rmtree(target.releases / name)
    return removable


def _release_name(target: Target, now: dt.datetime) -> str:
    base = now.strftime("%Y%m%dT%H%M%SZ")
    taken = set(target.names())
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name
