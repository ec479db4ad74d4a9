"""The web server's disk: room before copying, flushed before switching, failures in words."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from .errors import PublishError

# A file takes at least one block however small it is; a release has thousands of small files.
BLOCK = 4096


def bytes_needed(sizes: list[int], folders: int) -> int:
    """Disk space a copy takes: each file rounded up to whole blocks, one block per folder."""
    return sum(-(-size // BLOCK) * BLOCK for size in sizes) + folders * BLOCK


def ensure_space(folder: Path, needed: int) -> None:
    """Refuse before copying anything when the disk under ``folder`` cannot hold ``needed`` bytes."""
    free = shutil.disk_usage(folder).free
    if needed > free:
        raise PublishError(disk_full(folder, needed, free))


def disk_full(folder: Path, needed: int | None, free: int) -> str:
    need = f"新版本需要 {_amount(needed)}，" if needed is not None else ""
    return (f"{folder}: disk-full 磁盘空间不足：{need}{folder} 所在的磁盘只剩 {_amount(free)}。"
            "请清理磁盘，或用 --keep 保留更少的旧版本后重试。")


def _amount(size: int) -> str:
    return f"{size:,} 字节（{size / 1024 / 1024:.1f} MB）"


def describe(exc: OSError, folder: Path) -> str:
    """An operating-system failure while publishing into ``folder``, in plain Chinese."""
    where = exc.filename or folder
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(folder, None, shutil.disk_usage(folder).free if folder.exists() else 0)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (f"{where}: no-permission 没有权限写入。请以对 {folder} 有写权限的用户运行"
                "（如网站服务器上负责发布的账号），或请管理员修改该目录的权限。")
    if exc.errno == errno.EROFS:
        return f"{where}: read-only {folder} 所在的磁盘是只读的，无法发布。请换一个可写的发布目录。"
    return f"{where}: io-error 读写失败：{exc.strerror or exc}。请检查磁盘后重试。"


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` to disk, so a power cut cannot tear them."""
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            _fsync(os.path.join(dirpath, name), os.O_RDONLY)
        fsync_folder(Path(dirpath))


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename or a new link in it) to disk."""
    _fsync(str(folder), os.O_RDONLY | os.O_DIRECTORY)


def _fsync(path: str, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
