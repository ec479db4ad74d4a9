"""What must never appear in a built page, read with an HTML parser as a browser would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

_DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.I)
_SHORT_COMMENT = re.compile(r"<!---?>|--!>")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
FORBIDDEN_TAGS = {"base", "iframe", "object", "embed", "frame", "frameset", "applet", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"}


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        values = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.found.append("<meta http-equiv=refresh>")
        # The one form the portal writes: the search box, sent to its own search page (the
        # home page's to sousuo/, the search page's to itself).
        if tag == "form" and not (values.get("action", "").endswith("sousuo/") or values.get("action") == "./"):
            self.found.append(f"<form action={values.get('action')}>")
        if tag == "script" and not values.get("src"):
            self.in_script = True
        loads = values.get("src") or (values.get("href") if tag == "link" and values.get("rel") != "canonical" else "")
        if loads and (":" in loads.split("/")[0] or loads.startswith("//")):
            self.found.append(f"<{tag}> loads from another host: {loads[:40]}")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and _DANGEROUS_URL.match(_INVISIBLE.sub("", value)):
                self.found.append(f"<{tag} {name}={value[:30]}>")
            if name == "style" and "url(" in value.replace(" ", "").lower():
                self.found.append(f"<{tag} style={value[:30]}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip() and not data.lstrip().startswith("{"):
            self.found.append(f"inline script: {data.strip()[:40]}")


def unsafe_constructs(html: str) -> list[str]:
    """Every element, attribute or URL of ``html`` that could run or load something."""
    scan = _Scan()
    # A browser ends a comment at "<!-->", "<!--->" and "--!>" too; Python's parser only at "-->".
    scan.feed(_SHORT_COMMENT.sub(lambda m: "<!---->" if m.group().startswith("<") else "-->", html))
    scan.close()
    return scan.found


def unsafe_pages(site: Path) -> dict[str, list[str]]:
    """{page: its unsafe constructs} for every built HTML page that has any."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        problems = unsafe_constructs(page.read_text(encoding="utf-8"))
        if problems:
            found[page.relative_to(site).as_posix()] = problems
    return found


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The text a browser shows for ``html`` (entities decoded once, no scripts or styles)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
