"""What a built site holds: every file with its size and hash, and the pages readers can reach."""

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


def hash_file(path: Path) -> str:
    """SHA-256 of a file, read in pieces (attachments can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def make_manifest(site: Path) -> dict:
    """Size and hash of every file of a built site; its page URLs."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            files[path.relative_to(site).as_posix()] = {"size": path.stat().st_size, "sha256": hash_file(path)}
    pages = sorted(page_url(rel) for rel in files if rel.endswith(".html"))
    return {"files": files, "pages": pages}


def read_manifest(release: Path) -> dict:
    """The manifest a release was published with (empty when there is none)."""
    path = release / MANIFEST
    if not path.is_file():
        return {"files": {}, "pages": []}
    manifest = json.loads(path.read_text(encoding="utf-8"))
    # Releases published before sizes were recorded list a bare hash per file.
    manifest["files"] = {rel: entry if isinstance(entry, dict) else {"size": None, "sha256": entry}
                         for rel, entry in manifest["files"].items()}
    return manifest


def write_manifest(release: Path, manifest: dict) -> None:
    (release / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
