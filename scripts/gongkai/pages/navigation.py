"""Where am I: the breadcrumb (当前位置), the column marked in the header, the /xxgk/ side menu."""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import urls

HOME_TITLE = "首页"

# Documents live outside their listing's address; their trail runs through the listing.
_DOCUMENT_PARENTS = (("policies/", urls.POLICIES), ("interpretations/", urls.INTERPRETATIONS))

# Facet listings are titled for the page ("政策文件库 · 年份：2017年"); a crumb needs only the facet.
_CRUMB_PREFIX = "政策文件库 · "


@dataclass(frozen=True)
class Crumb:
    """One step of the breadcrumb: a title and a link relative to the current page."""

    title: str
    href: str


@dataclass(frozen=True)
class MenuItem:
    """One entry of the side menu; ``current`` is "page" on that page, "true" below it."""

    title: str
    href: str
    current: str


def title_of(markdown: str) -> str | None:
    """The title in a generated page's front matter (written by listing.front_matter)."""
    if not markdown.startswith("---\n"):
        return None
    for line in markdown[4:].split("\n"):
        if line == "---":
            return None
        if line.startswith("title: "):
            try:
                return json.loads(line.removeprefix("title: "))
            except ValueError:
                return line.removeprefix("title: ").strip()
    return None


def ancestors(url: str, titles: dict[str, str]) -> list[str]:
    """The addresses above ``url`` that have a page, from the home page down."""
    found = [urls.HOME]
    for prefix, listing in _DOCUMENT_PARENTS:
        if url.startswith(prefix):
            found.append(listing)
            parts = url.removeprefix(prefix).split("/")
            # A policy under policies/2017/ sits in the listing of its year.
            if listing == urls.POLICIES and parts[0].isdigit():
                found.append(urls.by_year(int(parts[0])))
    parts = url.strip("/").split("/") if url else []
    for depth in range(1, len(parts)):
        prefix = "/".join(parts[:depth]) + "/"
        if prefix in titles and prefix not in found:
            found.append(prefix)
    return [u for u in found if u != url and (u == urls.HOME or u in titles)]


def trail(url: str, titles: dict[str, str]) -> list[Crumb]:
    """The breadcrumb of the page at ``url``, without the page itself."""
    if url.endswith(".html"):
        return []
    return [Crumb(HOME_TITLE if u == urls.HOME else titles[u].removeprefix(_CRUMB_PREFIX),
                  urls.relative(url, u)) for u in ancestors(url, titles)]


def section_of(url: str, titles: dict[str, str]) -> str:
    """The top-level column the page belongs to (its first address below the home page)."""
    steps = ancestors(url, titles)[1:] + [url]
    return steps[0] if url else urls.HOME


def side_menu(url: str, entries: tuple[tuple[str, str], ...]) -> list[MenuItem]:
    """The /xxgk/ side menu: the column's entries, the one holding this page marked."""
    if not url.startswith(urls.COLUMN):
        return []
    items = [MenuItem("政府信息公开", urls.relative(url, urls.COLUMN), "page" if url == urls.COLUMN else "")]
    for title, target in entries:
        current = "page" if url == target else "true" if url.startswith(target) else ""
        items.append(MenuItem(title, urls.relative(url, target), current))
    return items
