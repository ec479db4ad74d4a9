"""网站地图: every column and its pages, one list a reader can scan or print."""

from __future__ import annotations

from . import urls
from .html import link
from .listing import front_matter

TITLE = "网站地图"


def site_map_page(tree: list[tuple[str, str, list[tuple[str, str]]]]) -> str:
    """The columns (title, address) with their pages below them."""
    here = urls.SITEMAP
    blocks = []
    for title, url, children in tree:
        items = "".join(f"<li>{link(urls.relative(here, u), t)}</li>" for t, u in children)
        sub = f"<ul>{items}</ul>" if items else ""
        blocks.append(f'<li class="gk-sitemap__column">{link(urls.relative(here, url), title)}{sub}</li>')
    return (front_matter(TITLE) + f"<h1>{TITLE}</h1>\n\n"
            + f'<ul class="gk-sitemap">{"".join(blocks)}</ul>\n')
