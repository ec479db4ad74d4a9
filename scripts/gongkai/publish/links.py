"""Links inside a built site that lead nowhere: inspections fail a government site for them."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"'<>]*)["']""", re.I)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def broken_links(site: Path) -> list[str]:
    """`page → target` for each link to a file of the site that does not exist."""
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    broken = []
    for page in sorted(p for p in files if p.endswith(".html")):
        html = (site / page).read_text(encoding="utf-8", errors="replace")
        base = posixpath.dirname(page)
        for target in sorted(set(_LINK.findall(html))):
            if not _resolves(target, base, files):
                broken.append(f"{page} → {target}")
    return broken


def _resolves(target: str, base: str, files: set[str]) -> bool:
    if not target or target.startswith("#") or _EXTERNAL.match(target):
        return True
    path = unquote(urlsplit(target).path)
    if not path:
        return True
    joined = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(base, path))
    if joined.startswith(".."):
        return False
    joined = "" if joined == "." else joined
    return joined in files or posixpath.join(joined, "index.html").lstrip("/") in files
