"""Drive MkDocs for the CLI: a build that never leaves a half-built site/."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, ConfigurationError

from .config import PortalConfig
from .lock import Busy, build_lock, hold
from .mkdocs_reuse import PageReuse
from .reuse.apply import Delta, apply_delta, discard, finish_interrupted, list_tree, stat_tree
from .reuse.state import BuildState, sidecar
from .search.layout import INDEX_DIR

_CONFIG_VALUE = re.compile(r"Config value '([^']+)': (.*)", re.S)


class _PlainFormatter(logging.Formatter):
    """Problems print as `path:line: code message`; other MkDocs messages get a Chinese level."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if message.startswith("gongkai: "):
            return message.removeprefix("gongkai: ")
        setting = _CONFIG_VALUE.match(message)
        if setting:
            # MkDocs says which setting is wrong, in English: name the file and the setting in Chinese.
            return (f"mkdocs.yml: config 设置项“{setting[1]}”有误（{setting[2].strip()}）。"
                    "请改正 mkdocs.yml 中的这一项后重试；不清楚时请联系网站管理员。")
        level = {"WARNING": "警告", "ERROR": "错误"}.get(record.levelname)
        return f"{level}：{message}" if level else message


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    # The portal runs MkDocs "dirty" to skip unchanged pages; the site it puts in place is whole.
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _plain_mkdocs_logging() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if _not_dirty_warning not in build_log.filters:
        build_log.addFilter(_not_dirty_warning)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_PlainFormatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def build_site(config: PortalConfig, config_file: Path, site_dir: str | None = None,
               strict: bool = False, wait: float = 0, clean: bool = False, site_url: str | None = None) -> int:
    """Check and build into a staging folder next to site/, then swap it in; one build at a time."""
    os.environ["GONGKAI_AS_OF"] = config.as_of.isoformat()
    _plain_mkdocs_logging()
    target = Path(site_dir) if site_dir else config.root / config.site_dir
    # Two builds into one site/ would delete each other's staging folder and site/ itself.
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with hold(build_lock(target), f"输出目录 {target}/", "build-busy", wait):
            return _build_locked(config, config_file, target, strict, clean, site_url)
    except Busy as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{exc.filename or target}: build-io 无法写入输出目录（{exc.strerror}）。"
              f"请检查 {target.parent} 的权限和磁盘空间。原有的 {target}/ 保持不变。", file=sys.stderr)
        return 1


def _build_locked(config: PortalConfig, config_file: Path, target: Path, strict: bool,
                  clean: bool = False, site_url: str | None = None) -> int:
    staging = sidecar(target, "staging")
    shutil.rmtree(staging, ignore_errors=True)
    restore_interrupted_swap(target)
    finish_interrupted(target)
    # Old sites whose deletion was cut short (by a power cut, say) in an earlier build.
    for stale in target.parent.glob(sidecar(target, "old.trash-*").name):
        discard(stale, rename=False)
    if clean:
        BuildState.forget(target)
    try:
        overrides = {"site_url": site_url} if site_url else {}
        mkdocs_config = load_mkdocs_config(str(config_file), site_dir=str(staging), strict=strict, **overrides)
        plugin = mkdocs_config.plugins.get("gongkai")
        if plugin is not None:
            plugin.reuse_target = target
        # dirty: MkDocs skips the files the plugin marked as unchanged (see mkdocs_reuse).
        build(mkdocs_config, dirty=plugin is not None)
    except (Abort, ConfigurationError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        said = str(exc)
        # MkDocs ends in English ("Aborted with a BuildError!"); the reason is in the lines above.
        reason = ("mkdocs.yml 的设置有误，见上面的说明" if "configuration error" in said
                  else "有警告，按 --strict 视为不通过，见上面的说明" if "strict mode" in said
                  else said if not said.isascii() else "见上面的说明")
        print(f"生成失败（{reason}）。原有的 {target}/ 保持不变。", file=sys.stderr)
        return 1
    reuse = plugin.reuse if plugin is not None else None
    if reuse is None:
        swap_in(staging, target)
    else:
        put_in_place(reuse, staging, target)
    done = f"，重新生成 {len(reuse.keys) - len(reuse.reused)} 个文件，沿用 {len(reuse.reused)} 个" if reuse else ""
    print(f"网站已生成：{target}/（按 {config.as_of} 发布{done}）", file=sys.stderr)
    return 0


def put_in_place(reuse: PageReuse, staging: Path, target: Path) -> None:
    """Put the new site in place and commit its state: the whole staging folder when nothing was
    reused, else only what changed (journaled, see gongkai.reuse.apply)."""
    staged = stat_tree(staging, skip=(INDEX_DIR,))
    rows = {dest: (reuse.keys.get(dest), *stat) for dest, stat in staged.items()}
    state = reuse.state
    if not reuse.reused:
        swap_in(staging, target)
        state.replace_outputs(rows)
        state.commit()
        return
    rows = {dest: state.outputs[dest] for dest in reuse.reused} | rows
    moves, folders, index = sorted(staged), [INDEX_DIR.rstrip("/")], set()
    if reuse.index_files is not None:
        # The indexer wrote only the index files that changed: they move in like the pages.
        moves += [INDEX_DIR + rel for rel in list_tree(staging / INDEX_DIR)]
        index, folders = {INDEX_DIR + rel for rel in reuse.index_files}, []
    # Whatever else the site holds goes, as a clean build would leave it: pages that are gone,
    # index files no longer used, and files someone put there by hand.
    deletes = sorted(rel for rel in list_tree(target, skip=() if index else (INDEX_DIR,))
                     if rel not in rows and rel not in index)
    state.replace_outputs(rows)
    apply_delta(Delta(str(staging), deletes, moves, folders), target, state.commit)


def restore_interrupted_swap(target: Path) -> None:
    """A build killed between its two renames left only `.site.old`: put it back."""
    old = sidecar(target, "old")
    if old.is_dir() and not target.exists():
        old.rename(target)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames, never a half-built folder; the old
    site is deleted after the new one is in place, without the build waiting for it."""
    old = sidecar(target, "old")
    discard(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    discard(old)
