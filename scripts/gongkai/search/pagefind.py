"""Pagefind's default index of a built site: the benchmark's point of comparison."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why, in Chinese."""


def extended_binary() -> Path:
    """The extended Pagefind binary: the standard one indexes Chinese text as whole lines."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:
        raise SearchIndexError("没有安装 pagefind[extended]，无法为中文建立搜索索引。"
                          "请运行 make（或 pip install 'pagefind[extended]'）后重新生成。") from exc
    return Path(get_executable())


def index_site(site_dir: Path) -> str:
    """Write ``site_dir``/pagefind/; return Pagefind's summary output."""
    env = dict(os.environ, PAGEFIND_BINARY_PATH=str(extended_binary()))
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir)],
        env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SearchIndexError(f"建立搜索索引失败：{(result.stderr or result.stdout).strip()[-500:]}")
    return result.stdout
