"""Moved addresses in the built site: a page with a link at each old page address, and the
tables nginx (a 301 per old address) and `gongkai publish` (the ledger's check) read."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from html import escape

from .security import page_policy

# Dot-files: never served (deploy/nginx.conf), read by nginx at reload and by gongkai publish.
NGINX_MAP = ".gongkai-redirects.map"
TABLE = ".gongkai-redirects.json"

# Like every page: one inline stylesheet and the policy that allows exactly it. No meta refresh:
# nginx already answers 301; this page serves other servers and readers who saved it.
_CSS = "body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.8}"
_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>本页已迁移</title>
<style>{css}</style>
</head>
<body>
<main>
<h1>本页已迁移</h1>
<p>本页内容已迁移到新的网址：<a href="{href}">{text}</a>。请更新您的书签或链接。</p>
</main>
</body>
</html>
"""


def page_path(address: str) -> str | None:
    """The file a redirect page takes for an old page address; None for other files."""
    if address.endswith("/"):
        return address.lstrip("/") + "index.html"
    if address.endswith(".html"):
        return address.lstrip("/")
    return None


def with_companions(redirects: dict[str, str], files_in: Callable[[str], list[str]]) -> dict[str, str]:
    """The redirects plus, for a moved page folder, each file published beside its page (the
    document's yuanshuju.json, its attachments): old/<name> → new/<name>. ``files_in`` lists
    the file names (not index.html) in a new folder of the site."""
    moved = dict(redirects)
    for old, new in redirects.items():
        if old.endswith("/") and new.endswith("/"):
            for name in files_in(new):
                moved.setdefault(old + name, new + name)
    return moved


def redirect_files(redirects: dict[str, str]) -> dict[str, str]:
    """Every file the redirects add to a site, by path: the pages, the nginx map, the table."""
    policy = escape(page_policy(_CSS))
    files = {path: _PAGE.replace("{policy}", policy).replace("{css}", _CSS)
             .replace("{href}", escape(_relative(new, old))).replace("{text}", escape(new))
             for old, new in sorted(redirects.items()) if (path := page_path(old))}
    # $uri is the decoded path, so the map's keys are the addresses as written.
    files[NGINX_MAP] = "".join(f'"{old}" "{new}";\n' for old, new in sorted(redirects.items()))
    files[TABLE] = json.dumps(dict(sorted(redirects.items())), ensure_ascii=False, indent=1)
    return files


def _relative(new: str, old: str) -> str:
    """The link from the page at ``old`` to ``new``: relative, so a site under a sub-path works."""
    base = old if old.endswith("/") else posixpath.dirname(old) + "/"
    link = posixpath.relpath(new, base)
    return link + "/" if new.endswith("/") and not link.endswith("/") else link
