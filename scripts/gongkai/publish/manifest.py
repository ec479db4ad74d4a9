"""What a built site holds: every file with its hash, and the pages readers can reach."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = ".gongkai-release.json"


def page_url(rel: str) -> str:
    """The URL path a reader uses for an HTML file (directory URLs end in /)."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel.removesuffix("index.html")
    return "/" + rel


def make_manifest(site: Path) -> dict:
    """Hash every file of a built site; list its page URLs."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            rel = path.relative_to(site).as_posix()
            files[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    pages = sorted(page_url(rel) for rel in files if rel.endswith(".html"))
    return {"files": files, "pages": pages}


def read_manifest(release: Path) -> dict:
    """The manifest a release was published with (empty when there is none)."""
    path = release / MANIFEST
    if not path.is_file():
        return {"files": {}, "pages": []}
    return json.loads(path.read_text(encoding="utf-8"))


def write_manifest(release: Path, manifest: dict) -> None:
    (release / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
