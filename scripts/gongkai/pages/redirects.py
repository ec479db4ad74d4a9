"""Moved addresses in the built site: a page with a link at each old page address, and the
tables nginx (a 301 per old address) and `gongkai publish` (the ledger's check) read."""

from __future__ import annotations

import json
from html import escape

# Dot-files: never served (deploy/nginx.conf), read by nginx at reload and by gongkai publish.
NGINX_MAP = ".gongkai-redirects.map"
TABLE = ".gongkai-redirects.json"

_PAGE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>本页已迁移</title>
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


def redirect_files(redirects: dict[str, str]) -> dict[str, str]:
    """Every file the redirects add to a site, by path: the pages, the nginx map, the table."""
    files = {path: _PAGE.format(href=escape(new), text=escape(new))
             for old, new in sorted(redirects.items()) if (path := page_path(old))}
    # $uri is the decoded path, so the map's keys are the addresses as written.
    files[NGINX_MAP] = "".join(f'"{old}" "{new}";\n' for old, new in sorted(redirects.items()))
    files[TABLE] = json.dumps(dict(sorted(redirects.items())), ensure_ascii=False, indent=1)
    return files
