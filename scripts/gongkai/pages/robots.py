"""robots.txt: every page may be crawled, and the sitemap says where they all are."""

from __future__ import annotations

PATH = "robots.txt"


def robots_txt(site_url: str) -> str:
    """The file's text; the Sitemap line needs an absolute address, so only with ``site_url``."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/sitemap.xml"]
    return "\n".join(lines) + "\n"
