"""What an output of the build depends on, as one hash.

A page's key hashes everything its HTML is made of: the build's fingerprint (the portal's code,
the installed packages, the theme overrides, mkdocs.yml and the site's address) and the page's
own inputs (its Markdown, its metadata, the template variables the portal gives it, the pages it
links to). Two builds that give a page the same key write the same bytes for it.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import sys
from pathlib import Path

from ..code_digest import code_digest, tree_digest

# Links an editor writes to another page of the site (Markdown or raw HTML): their output
# depends on where that page is, so they are part of the page's key.
_MD_END = re.compile(r"\.md\b")
_LINK_STOPS = frozenset(" \t\n()<>\"'[]=")


def build_fingerprint(config_file: Path, theme_dirs: list[Path], site_url: str) -> str:
    """The inputs every page shares: code, packages, theme overrides, configuration, address."""
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    digest.update(code_digest().encode())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(versions).encode())
    for folder in theme_dirs:
        digest.update(tree_digest(folder).encode())
    digest.update(config_file.read_bytes())
    digest.update(site_url.encode())
    return digest.hexdigest()


def output_key(fingerprint: str, *parts: object) -> str:
    """The key of one output: the fingerprint and the output's own inputs (their repr)."""
    return hashlib.sha256(f"{fingerprint}\0{parts!r}".encode()).hexdigest()


def linked_pages(markdown: str) -> list[str]:
    """The .md paths a page's text mentions, as written, in order and without repeats."""
    found = []
    # Found from each ".md" back to the start of the path: a pattern run over the text would
    # try every position of the long unspaced lines of Chinese text.
    for end in _MD_END.finditer(markdown):
        start = end.start()
        while start > 0 and markdown[start - 1] not in _LINK_STOPS:
            start -= 1
        if start < end.start():
            found.append(markdown[start:end.end()])
    return list(dict.fromkeys(found))
