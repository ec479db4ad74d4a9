"""The one allowlist of the HTML a page body may hold, enforced by nh3 (the Ammonia sanitizer).

Whatever an editor writes — Markdown, raw HTML, entities, tags split over lines — becomes HTML
first and is then held against this list: the build publishes only what nh3 keeps, and the check
reports every element, attribute and URL that nh3 would drop. An HTML5 parser in Rust decides
what a browser would see, so no pattern of ours has to guess it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

# What Markdown and the portal's own pages produce: text structure, tables, links and images.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr",
})
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
}
# Relative addresses (the site's own pages and files) pass as they are.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src"})


def _loads_from_elsewhere(tag: str, attribute: str, value: str) -> bool:
    # A link may point anywhere; an image is fetched by the reader's browser, so only the
    # site's own images are allowed (no tracking pixel, nothing that breaks offline).
    if (tag, attribute) != ("img", "src"):
        return False
    # Browsers drop tabs and line breaks in a URL and read "\\" as "/": "/\\host" is off-site.
    url = re.sub(r"[\t\n\r]", "", value).strip().replace("\\", "/")
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc or url.startswith("//"))


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    return None if _loads_from_elsewhere(tag, attribute, value) else value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute_filter,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """``html`` with everything outside the allowlist removed."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Removed:
    """One construct the allowlist drops: a whole element, or one attribute of a kept one."""

    tag: str
    attribute: str | None = None
    value: str = ""


class _Elements(HTMLParser):
    """Start tags with their (entity-decoded) attributes, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, tuple((name, value or "") for name, value in attrs)))


# Python's parser ends a comment only at "-->"; HTML5, as browsers and nh3 read it, also ends
# one at "<!-->", "<!--->" and "--!>", so what follows is markup, not comment.
_SHORT_COMMENT = re.compile(r"<!---?>|--!>")


def elements(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every start tag of ``html`` with its attributes."""
    parser = _Elements()
    parser.feed(_SHORT_COMMENT.sub(lambda m: "<!---->" if m.group().startswith("<") else "-->", html))
    parser.close()
    return parser.found


def removed_constructs(html: str) -> list[Removed]:
    """What sanitizing ``html`` would remove, in document order."""
    before = elements(html)
    after = elements(sanitize(html))
    kept_tags = Counter(tag for tag, _ in after)
    kept_attributes = Counter((tag, name, value) for tag, attrs in after for name, value in attrs)
    removed = []
    for tag, attrs in before:
        if kept_tags[tag] > 0:
            kept_tags[tag] -= 1
        else:
            removed.append(Removed(tag))
            continue
        for name, value in attrs:
            if kept_attributes[(tag, name, value)] > 0:
                kept_attributes[(tag, name, value)] -= 1
            else:
                removed.append(Removed(tag, name, value))
    return removed
