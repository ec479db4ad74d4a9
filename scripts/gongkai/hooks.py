"""A plain git pre-commit hook that checks what is staged, for machines without pre-commit."""

from __future__ import annotations

import shlex
import shutil
import sys
from pathlib import Path

from .changes import git_output

MARK = "# gongkai pre-commit hook"


def hook_script(gongkai: str, portal: str) -> str:
    """The hook: run `gongkai check --staged` in the portal's folder; a failed check stops the commit."""
    return (f"#!/bin/sh\n{MARK}: `gongkai hooks install` wrote this file; "
            "`gongkai hooks uninstall` removes it.\n"
            f"cd {shlex.quote(portal)} || exit 1\n"
            f"exec {shlex.quote(gongkai)} check --staged\n")


def _hook_path(root: Path) -> Path:
    path = Path(git_output(root, "rev-parse", "--git-path", "hooks/pre-commit").strip())
    return path if path.is_absolute() else (root / path)


def _gongkai_command() -> str:
    """This installation's own `gongkai`, so the hook works without an activated virtualenv."""
    beside = Path(sys.executable).with_name("gongkai")
    return str(beside) if beside.exists() else (shutil.which("gongkai") or "gongkai")


def install_hook(root: Path, force: bool = False) -> tuple[Path, str | None]:
    """Write the hook; return its path and, if another hook is in the way, why nothing was written."""
    path = _hook_path(root)
    if path.exists() and MARK not in path.read_text(encoding="utf-8", errors="replace") and not force:
        return path, (f"{path} 已有另一个 pre-commit 钩子，没有覆盖。"
                      "如果确定要替换它，请加 --force；或改用 pre-commit（见 .pre-commit-config.yaml）。")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hook_script(_gongkai_command(), str(root.resolve())), encoding="utf-8")
    path.chmod(0o755)
    return path, None


def uninstall_hook(root: Path) -> tuple[Path, bool]:
    """Remove the hook if this command wrote it; return its path and whether it was removed."""
    path = _hook_path(root)
    if path.exists() and MARK in path.read_text(encoding="utf-8", errors="replace"):
        path.unlink()
        return path, True
    return path, False
