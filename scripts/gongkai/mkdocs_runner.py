"""Drive MkDocs for the CLI: a build that never leaves a half-built site/."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.exceptions import Abort, ConfigurationError

from .config import PortalConfig
from .lock import Busy, hold

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


def _plain_mkdocs_logging() -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_PlainFormatter())
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def build_site(config: PortalConfig, config_file: Path, site_dir: str | None = None,
               strict: bool = False, wait: float = 0) -> int:
    """Check and build into a staging folder next to site/, then swap it in; one build at a time."""
    os.environ["GONGKAI_AS_OF"] = config.as_of.isoformat()
    _plain_mkdocs_logging()
    target = Path(site_dir) if site_dir else config.root / config.site_dir
    # Two builds into one site/ would delete each other's staging folder and site/ itself.
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with hold(target.with_name(f".{target.name}-build.lock"), f"输出目录 {target}/", "build-busy", wait):
            return _build_locked(config, config_file, target, strict)
    except Busy as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{exc.filename or target}: build-io 无法写入输出目录（{exc.strerror}）。"
              f"请检查 {target.parent} 的权限和磁盘空间。原有的 {target}/ 保持不变。", file=sys.stderr)
        return 1


def _build_locked(config: PortalConfig, config_file: Path, target: Path, strict: bool) -> int:
    staging = target.with_name(f".{target.name}.staging")
    shutil.rmtree(staging, ignore_errors=True)
    restore_interrupted_swap(target)
    try:
        build(load_mkdocs_config(str(config_file), site_dir=str(staging), strict=strict))
    except (Abort, ConfigurationError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        reason = "mkdocs.yml 的设置有误，见上面的说明" if "configuration error" in str(exc) else str(exc)
        print(f"生成失败（{reason}）。原有的 {target}/ 保持不变。", file=sys.stderr)
        return 1
    swap_in(staging, target)
    print(f"网站已生成：{target}/（按 {config.as_of} 发布）", file=sys.stderr)
    return 0


def restore_interrupted_swap(target: Path) -> None:
    """A build killed between its two renames left only `.site.old`: put it back."""
    old = target.with_name(f".{target.name}.old")
    if old.is_dir() and not target.exists():
        old.rename(target)


def swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames, never a half-built folder; the old
    site is deleted after the new one is in place, without the build waiting for it."""
    old = target.with_name(f".{target.name}.old")
    for stale in target.parent.glob(f".{target.name}.old.trash-*"):
        discard(stale, rename=False)
    discard(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    discard(old)


def discard(folder: Path, rename: bool = True) -> None:
    """Delete ``folder`` in the background: renamed out of the way at once, then removed by a
    detached `rm -rf` (removing 20,000 pages took the build 13.7 s). A deletion cut short is
    finished by the next build. Without `rm`, the folder is removed here."""
    if not folder.is_dir():
        return
    trash = folder
    if rename:
        trash = folder.with_name(f"{folder.name}.trash-{os.getpid()}-{time.monotonic_ns()}")
        folder.rename(trash)
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(trash, ignore_errors=True)
        return
    subprocess.Popen([rm, "-rf", "--", str(trash)], start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def serve_site(config_file: Path) -> int:
    """MkDocs' live preview of the portal."""
    from mkdocs.commands.serve import serve

    serve(str(config_file))
    return 0
