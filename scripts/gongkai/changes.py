"""What an editor changed, from git: the staged snapshot, and the files that differ from a branch.

`gongkai check --staged` checks the files as they will be committed (not as they are in the
editor's window); `gongkai check --changed` reports only on the changed files and on the
documents that depend on them, for portals too large to read every line of every report.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

WATCHED = ("content/", "data/")


class GitError(ValueError):
    """git could not answer: the message says why in plain Chinese."""


def git_output(root: Path, *args: str) -> str:
    """git's standard output for ``args`` run in ``root``; GitError when git fails."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("找不到 git 命令。请先安装 Git。") from exc
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise GitError(f"git {' '.join(args)} 失败：{said[-1] if said else done.returncode}")
    return done.stdout


def _prefix(root: Path) -> str:
    """The portal's folder inside its repository ("" at the top), ending with "/"."""
    try:
        return git_output(root, "rev-parse", "--show-prefix").strip()
    except GitError as exc:
        raise GitError(f"{root.resolve()} 不在 Git 仓库中：--staged 和 --changed 需要 Git。") from exc


@contextlib.contextmanager
def staged_snapshot(root: Path):
    """The portal as staged in git's index: the working copy itself when it is just that.

    Otherwise a temporary copy (removed afterwards): files whose working copy is what is staged
    are hard-linked (no bytes copied), only the few that differ are written out from the index,
    and files git does not track are left out. At 2,000 documents this keeps the commit quick.
    """
    prefix = _prefix(root)
    top = Path(git_output(root, "rev-parse", "--show-toplevel").strip())

    def watched(path: str) -> bool:
        # Only what the check reads: mkdocs.yml, content/ and data/ (not the built site or .venv).
        return path[len(prefix):].startswith(WATCHED) or path[len(prefix):] == "mkdocs.yml"

    listed = [p for p in git_output(top, "ls-files", "-z", "--", prefix or ".").split("\0") if p]
    wanted = [p for p in listed if watched(p)]
    differing = set(git_output(top, "diff", "--name-only", "--no-renames", "-z", "--", prefix or ".")
                    .split("\0"))
    from_index = [p for p in wanted if p in differing]
    untracked = [p for p in git_output(top, "ls-files", "--others", "--exclude-standard", "-z", "--",
                                       prefix or ".").split("\0") if p and watched(p)]
    if not from_index and not untracked:
        # The working copy is exactly what will be committed (the usual case, and pre-commit's).
        yield root
        return
    # Inside .git: the same file system as the working copy, so hard links work.
    git_dir = Path(git_output(top, "rev-parse", "--absolute-git-dir").strip())
    folder = Path(tempfile.mkdtemp(prefix="gongkai-staged-", dir=git_dir))
    try:
        for path in wanted:
            if path not in differing:
                _link(top / path, folder / path)
        if from_index:
            subprocess.run(["git", "checkout-index", f"--prefix={folder}/", "-z", "--stdin"],
                           cwd=top, input="\0".join(from_index), text=True, check=True, capture_output=True)
        yield folder / prefix
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def changed_paths(root: Path, base: str, staged: bool) -> set[str]:
    """Portal-relative paths that differ from ``base`` (staged only, or also unstaged and new)."""
    prefix = _prefix(root)
    args = ["diff", "--name-only", "--no-renames", "-z"] + (["--cached"] if staged else []) + [base, "--", "."]
    names = set(git_output(root, *args).split("\0"))
    if not staged:
        names |= set(git_output(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".").split("\0"))
    top_relative = {n for n in names if n}
    # diff names are relative to the top of the repository, ls-files to the current folder.
    return {n[len(prefix):] if n.startswith(prefix) else n for n in top_relative}


def affected_paths(corpus, changed: set[str], content_dir: str) -> set[str] | None:
    """The changed files plus the documents that depend on them; None when everything is affected."""
    if "mkdocs.yml" in changed:
        return None
    changed_ids = {p[len(content_dir) + 1:].removesuffix(".md") for p in changed
                   if p.startswith(content_dir + "/") and p.endswith(".md")}
    affected = set(changed)
    changed_docs = [d for d in corpus.documents() if d.id in changed_ids]
    numbers = {d.doc_number for d in changed_docs if d.doc_number}
    indexes = {getattr(d, "index_number", None) for d in changed_docs} - {None}
    targeted = _targets_of(corpus, changed_docs)
    for doc in corpus.documents():
        refs = [r for attr in ("amends", "repeals", "replaces", "interprets") for r in getattr(doc, attr, ())]
        targets = {p.id for r in refs for p in corpus.resolve(r)}
        # A reference to a changed (or deleted) document, or one a changed document makes.
        if targets & changed_ids or set(refs) & (changed_ids | numbers) or doc.id in targeted:
            affected.add(doc.source.path)
        if (doc.doc_number and doc.doc_number in numbers) or getattr(doc, "index_number", None) in indexes:
            affected.add(doc.source.path)
    return affected


def _targets_of(corpus, docs) -> set[str]:
    refs = [r for d in docs for attr in ("amends", "repeals", "replaces", "interprets") for r in getattr(d, attr, ())]
    return {p.id for r in refs for p in corpus.resolve(r)}


def scoped_problems(config, *, staged: bool, base: str | None):
    """Problems of the portal (as staged, if ``staged``), only those of changed files when ``base``."""
    import dataclasses

    from .check import run_checks
    from .config import load_config
    from .read.corpus import read_corpus

    changed = changed_paths(config.root, base, staged) if base else None
    with contextlib.ExitStack() as stack:
        if staged:
            snapshot = stack.enter_context(staged_snapshot(config.root))
            config = (load_config(snapshot / "mkdocs.yml", as_of=config.as_of)
                      if (snapshot / "mkdocs.yml").is_file() else dataclasses.replace(config, root=snapshot))
        corpus = read_corpus(config)
        problems = run_checks(corpus, config)
    if changed is None:
        return problems
    affected = affected_paths(corpus, changed, config.content_dir)
    if affected is None:
        return problems
    return [p for p in problems if p.path in affected or p.code == "unresolved-reference"]
