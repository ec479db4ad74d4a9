"""Gather the pages' records while MkDocs renders them, then index them in a child process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

from .layout import INDEX_DIR
from .page import search_page
from .records import Spool, html_text

ASSETS = {"assets/search/search.js": "search.js", "assets/search/search.css": "search.css"}


class SearchIndexError(RuntimeError):
    """The index could not be built; the message says why, in Chinese."""


def search_files() -> dict[str, str | bytes]:
    """The search page and its script and stylesheet, as files for the site."""
    here = files("gongkai.search") / "assets"
    out: dict[str, str | bytes] = {"sousuo/index.md": search_page()}
    for dest, name in ASSETS.items():
        out[dest] = (here / name).read_bytes()
    return out


class SearchCollector:
    """Spools each offered record during the build; ``finish`` writes the index into the site."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="gongkai-search-"))
        self.spool = Spool(self.folder / "records.jsonl")
        self.process: subprocess.Popen | None = None
        self.output = None
        self.listing: Path | None = None
        # Every file of the new index (relative to it) when only changed files were written.
        self.files: list[str] | None = None

    def add(self, offers, html: str) -> list[str]:
        """Spool ``offers`` (IndexOffer-like); one without text takes the page's text. Returns
        the spooled lines, for an incremental build to keep."""
        text, lines = None, []
        for offer in offers:
            if offer.text is None:
                text = html_text(html) if text is None else text
                offer = replace(offer, text=text)
            lines.append(self.spool.add(offer))
        return lines

    def add_lines(self, lines: list[str]) -> None:
        """Spool the records of a page that was not rendered again, as a previous build kept them."""
        for line in lines:
            self.spool.add_line(line)

    def start(self, site_dir: Path, previous: Path | None = None, grams: Path | None = None) -> None:
        """Start indexing the spooled records into ``site_dir``/sousuo/idx/ in a child process;
        with ``previous`` (the index the site holds), only the files that changed are written;
        with ``grams``, the n-gram hashes of unchanged text are taken from there.

        Called once every page has offered its records (MkDocs has converted every page and now
        renders the templates): the index is built on the second core while the pages are written.
        """
        if self.process is not None:
            return
        self.spool.close()
        self.output = (self.folder / "indexer.out").open("w+", encoding="utf-8")
        command = [sys.executable, "-m", "gongkai.search.indexer", str(self.spool.path), str(site_dir / INDEX_DIR)]
        if previous is not None:
            self.listing = self.folder / "files.txt"
        if previous is not None or grams is not None:
            command += [str(previous or "-"), str(self.listing or "-"), str(grams or "-")]
        self.process = subprocess.Popen(command, stdout=self.output, stderr=subprocess.STDOUT)

    def finish(self, site_dir: Path) -> dict:
        """Wait for the index (started here if it was not); return the indexer's figures."""
        try:
            self.start(site_dir)
            code = self.process.wait()
            self.output.seek(0)
            said = self.output.read().strip()
            if code != 0:
                raise SearchIndexError("建立搜索索引失败：" + said[-800:])
            stats = json.loads(said.splitlines()[-1])
            if self.listing is not None:
                self.files = self.listing.read_text(encoding="utf-8").splitlines()
            # The benchmark reads the indexer's own time and memory from here.
            if os.environ.get("GONGKAI_INDEX_STATS"):
                Path(os.environ["GONGKAI_INDEX_STATS"]).write_text(json.dumps(stats), encoding="utf-8")
            return stats
        finally:
            self.discard()

    def discard(self) -> None:
        """Stop the indexer if it still runs and remove the spool (after indexing, or when the
        build failed)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.output is not None:
            self.output.close()
        self.spool.close()
        shutil.rmtree(self.folder, ignore_errors=True)
