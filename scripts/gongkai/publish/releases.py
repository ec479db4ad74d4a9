"""Releases on the web server: releases/<name>/ copies and a `current` symlink switched atomically."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .manifest import make_manifest, read_manifest, write_manifest
from .verify import lost_pages, verify_site


class PublishError(Exception):
    """Publishing was refused; the published site is unchanged. The message says why."""


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
            now: dt.datetime | None = None) -> str:
    """Copy ``site`` into a new release, verify it, then switch `current` to it."""
    problems = verify_site(site)
    if problems:
        raise PublishError("\n".join(problems))
    candidate = make_manifest(site)
    current = target.current()
    if current is not None:
        lost = lost_pages(read_manifest(current), candidate, allow_removal)
        if lost:
            raise PublishError(
                "新版本会让以下已发布的页面消失：\n" + "\n".join(f"  {url}" for url in lost)
                + "\n已发布的网址必须一直可以访问（废止、失效的文件也保留原页面并标注）。"
                "如确需撤下某个页面，请用 --allow-removal 网址 逐个写明。"
            )
    name = _release_name(target, now or dt.datetime.now(dt.timezone.utc))
    incoming = target.releases / f".incoming-{name}"
    target.releases.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copytree(site, incoming)
        if make_manifest(incoming)["files"] != candidate["files"]:
            raise PublishError("复制到发布目录的文件与生成的网站不一致（磁盘已满？），已放弃本次发布。")
        write_manifest(incoming, candidate)
        incoming.rename(target.releases / name)
    except BaseException:
        shutil.rmtree(incoming, ignore_errors=True)
        raise
    switch_to(target, name)
    prune(target, keep)
    return name


def switch_to(target: Target, name: str) -> None:
    """Point `current` at a release with one atomic rename: readers never see a gap."""
    if name not in target.names():
        raise PublishError(f"没有名为 {name} 的发布版本。可用版本：{'、'.join(target.names()) or '（无）'}。")
    temporary = target.root / ".current.new"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(Path("releases") / name)
    os.replace(temporary, target.current_link)


def rollback(target: Target, name: str | None = None) -> str:
    """Serve an earlier release again: the one before the current, or ``name``."""
    names = target.names()
    current = target.current()
    if name is None:
        if current is None or current.name not in names or names.index(current.name) == 0:
            raise PublishError("没有更早的发布版本可以回退。")
        name = names[names.index(current.name) - 1]
    switch_to(target, name)
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
