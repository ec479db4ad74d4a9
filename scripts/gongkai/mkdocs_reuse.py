"""The incremental build's side of the MkDocs plugin: which of MkDocs' files need no new output.

`gongkai build` and `gongkai serve` give the plugin the folder the site will be put in. Each of
MkDocs' files gets a key (see gongkai.reuse.keys); a file whose key and output are as the
previous build left them is marked unmodified, and MkDocs, run with ``dirty``, neither renders
nor writes it. Its search records come from the state, in the pages' order, so the index is the
same as a full build's.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.structure.files import File, Files

from .reuse.keys import build_fingerprint, linked_pages, output_key
from .reuse.state import BuildState, sidecar
from .search.layout import INDEX_DIR


def _unmodified() -> bool:
    return False


class PageReuse:
    """One build's use of the previous build of the site in ``target``."""

    def __init__(self, target: Path, config):
        self.target = target
        theme_dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        self.fingerprint = build_fingerprint(Path(config.config_file_path), theme_dirs, config.site_url or "")
        self.state = BuildState(target)
        self.keys: dict[str, str] = {}
        self.reused: set[str] = set()
        self._order: list[tuple[str, str]] = []
        self._next = 0
        # Every file of the search index when only its changed files were written (else None).
        self.index_files: list[str] | None = None

    def mark(self, files: Files, markdown_of: Callable[[File], str], inputs_of: Callable[[File], tuple]) -> None:
        """Key every file; mark the ones whose output in the site is already right.
        ``markdown_of(file)`` is a page's text, ``inputs_of(file)`` what the portal adds to it."""
        stored = {src: key for src, key in self.state.db.execute("SELECT src, key FROM records")}
        for file in files:
            if file.is_documentation_page():
                markdown = markdown_of(file)
                links = [(link, _link_target(files, file, link)) for link in linked_pages(markdown)]
                key = output_key(self.fingerprint, file.src_uri, file.url, markdown, inputs_of(file), links)
                reusable = stored.get(file.src_uri) == key
            else:
                key = output_key(self.fingerprint, file.src_uri, _source_of(file))
                reusable = True
            self.keys[file.dest_uri] = key
            if reusable and self.state.unchanged(file.dest_uri, key):
                file.is_modified = _unmodified
                self.reused.add(file.dest_uri)
        self._order = [(f.src_uri, f.dest_uri) for f in files.documentation_pages()]

    def previous_index(self) -> Path | None:
        """The search index the site holds, when this build changes the site file by file."""
        index = self.target / INDEX_DIR
        return index if self.reused and (index / "index.json").is_file() else None

    def gram_cache(self) -> Path:
        """Where the indexer keeps the n-gram hashes of each unit of text between builds."""
        return sidecar(self.target, "cache") / "grams"

    def rendered_pages(self, files: Files) -> int:
        return sum(1 for f in files.documentation_pages() if f.dest_uri not in self.reused)

    def records_before(self, src_uri: str | None) -> Iterator[list[str]]:
        """The kept records of the pages not rendered again that come before ``src_uri`` in the
        pages' order (None: all the rest); ``src_uri`` itself is passed over."""
        while self._next < len(self._order):
            src, dest = self._order[self._next]
            self._next += 1
            if src == src_uri:
                return
            if dest in self.reused:
                yield self.state.records(src, self.keys[dest]) or []

    def keep_records(self, file: File, lines: list[str]) -> None:
        self.state.keep_records(file.src_uri, self.keys[file.dest_uri], lines)

    def finish(self) -> None:
        """Forget the records of pages that are gone (committed with the build)."""
        self.state.drop_records_except({src for src, _ in self._order})


def _source_of(file: File) -> object:
    """What a file that is not a page is made of: its bytes when generated, else its source file."""
    if file.generated_by is not None or file.abs_src_path is None:
        return hashlib.sha256(file.content_bytes).hexdigest()
    stat = os.stat(file.abs_src_path)
    return (file.abs_src_path, stat.st_size, stat.st_mtime_ns)


def _link_target(files: Files, page: File, link: str) -> str | None:
    """Where a .md link of ``page`` leads now (None: nowhere), as MkDocs would resolve it."""
    path = link.split("#", 1)[0]
    if path.startswith("/"):
        uri = path.lstrip("/")
    else:
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path))
    target = files.get_file_from_path(uri)
    return target.url if target else None
