"""The portal's fixed addresses: listings, lists and column pages never move."""

from __future__ import annotations

import hashlib

from ..model.status import Status

HOME = ""
POLICIES = "zhengce/"
INTERPRETATIONS = "jiedu/"
FEES = "qingdan/shoufei/"
CATALOG = "qingdan/mulu/"
COLUMN = "xxgk/"
GUIDE = "xxgk/zhinan/"
RULES = "xxgk/zhidu/"
STATUTORY = "xxgk/fading/"
ORGANISATION = "xxgk/fading/jigou/"
REQUESTS = "xxgk/yishenqing/"
REQUEST_FORM = "xxgk/yishenqing/shenqingbiao/"
GAZETTE = "xxgk/gongbao/"
CONTACT = "lianxi/"
SITEMAP = "wangzhanditu/"
ANNUAL_REPORTS = "xxgk/nianbao/"
ANNUAL_DATA = "xxgk/nianbao/shuju/"
SEARCH = "sousuo/"
OPEN_DATA = "kaifang/"
CHANGES = "zhengce/biangeng/"
# New policies and interpretations as an Atom feed, beside the change feed (zhengce/biangeng/feed.xml).
DOCUMENTS_FEED = "zhengce/feed.xml"

# 有效性 slugs are spelled out once: the words are fixed by the domain.
STATUS_SLUGS = {
    Status.IN_FORCE: "youxiao",
    Status.AMENDED: "yixiugai",
    Status.REPEALED: "yifeizhi",
    Status.EXPIRED: "yishixiao",
    Status.NOT_YET_IN_FORCE: "shangweishengxiao",
}


def name_slug(name: str) -> str:
    """A short ASCII slug for a body or topic name, the same for the same name in every build."""
    return hashlib.blake2s(name.encode("utf-8"), digest_size=4).hexdigest()


def by_year(year: int) -> str:
    return f"{POLICIES}nian/{year}/"


def by_issuer(issuer: str) -> str:
    return f"{POLICIES}jiguan/{name_slug(issuer)}/"


def by_topic(topic: str) -> str:
    return f"{POLICIES}fenlei/{name_slug(topic)}/"


def by_status(status: Status) -> str:
    return f"{POLICIES}youxiaoxing/{STATUS_SLUGS[status]}/"


def page_url(base: str, number: int) -> str:
    """URL of page ``number`` (1-based) of a paginated listing at ``base``."""
    return base if number == 1 else f"{base}{number}/"


def src_uri(url: str) -> str:
    """The virtual Markdown file MkDocs builds into ``url``."""
    return f"{url}index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` that works under any base path."""
    target = _relpath(to_url, from_url)
    if target == ".":
        return "./"
    trailing = "/" if to_url.endswith("/") or to_url == "" else ""
    return target + trailing


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for the site's own addresses (no "..", no absolute paths), without the
    working directory lookups that made it a tenth of a listing's build time."""
    to = [p for p in path.split("/") if p and p != "."]
    base = [p for p in start.split("/") if p and p != "."]
    common = 0
    for a, b in zip(to, base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."
