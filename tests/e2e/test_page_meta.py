"""Every built page of the sample portal carries the meta tags of 政府网站网页设计规范, once each.

Meta names are case-insensitive: ``description`` and ``Description`` are one name, so a page
that writes both gives crawlers two competing snippets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .harness import AS_OF, ROOT

SITE_TAGS = ("sitename", "sitedomain", "siteidcode", "columnname", "columntype")
DOCUMENT_TAGS = ("articletitle", "pubdate", "contentsource", "keywords", "url")
# The norm writes PubDate as YYYY-MM-DD HH:MM.
PUB_DATE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: dict[str, list[str]] = defaultdict(list)
        self.alternates: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "meta" and "name" in attrs:
            self.tags[attrs["name"].lower()].append(attrs.get("content", ""))
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append(attrs)


def page_meta(path: Path) -> _Meta:
    """The meta tags (lower-cased names) and alternate links of one built page."""
    parser = _Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def front_matter(source: Path) -> dict:
    """The YAML front matter of a content file."""
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])


def document_pages(site: Path) -> dict[Path, Path]:
    """{built page: content source} for every document of the sample portal that was published."""
    found = {}
    for source in sorted((ROOT / "content").glob("*/**/*.md")):
        rel = source.relative_to(ROOT / "content")
        if rel.parts[0] in ("policies", "interpretations"):
            page = site / rel.with_suffix("") / "index.html"
            if page.exists():
                found[page] = source
    return found


def test_every_page_has_one_description_and_the_site_tags(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        meta = page_meta(page)
        assert len(meta.tags["description"]) == 1 and meta.tags["description"][0], page
        for name in SITE_TAGS:
            assert len(meta.tags[name]) == 1 and meta.tags[name][0], (page, name)


def test_every_document_page_has_keywords_its_summary_and_a_pubdate_per_the_norm(sample_site):
    documents = document_pages(sample_site)
    assert len([p for p in documents if "/interpretations/" in str(p)]) >= 10
    assert len(documents) >= 25
    for page, source in documents.items():
        meta, fields = page_meta(page), front_matter(source)
        for name in DOCUMENT_TAGS:
            assert len(meta.tags[name]) == 1 and meta.tags[name][0].strip(), (page, name)
        assert PUB_DATE.fullmatch(meta.tags["pubdate"][0]), meta.tags["pubdate"]
        assert meta.tags["pubdate"][0].startswith(str(fields["发布日期"]))
        assert meta.tags["description"] == [fields.get("摘要") or fields["标题"]], page
        if fields.get("主题词"):
            assert meta.tags["keywords"] == [",".join(fields["主题词"])]


def test_an_interpretation_without_keywords_takes_its_policys(sample_site):
    page = sample_site / "interpretations/2017/jiedu-tongzhengbanzi-2017-157/index.html"
    source = ROOT / "content/interpretations/2017/jiedu-tongzhengbanzi-2017-157.md"
    policy = front_matter(ROOT / "content/policies/2017/tongzhengbanzi-2017-157.md")
    assert "主题词" not in front_matter(source)
    assert page_meta(page).tags["keywords"] == [",".join(policy["主题词"])]


def test_robots_txt_and_every_document_in_the_sitemap_with_its_own_date(sample_site):
    assert (sample_site / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://www.example.gov.cn/sitemap.xml\n")
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = dict(re.findall(r"<loc>https://www\.example\.gov\.cn/(.*?)</loc>\s*<lastmod>(.*?)</lastmod>",
                            sitemap))
    for page, source in document_pages(sample_site).items():
        url = str(page.parent.relative_to(sample_site)) + "/"
        published = str(front_matter(source)["发布日期"])
        assert published <= dates[url] <= AS_OF, (url, dates.get(url))
    # Published 2017-06-08 and nothing since: the build date would be wrong.
    assert dates["policies/2017/tongzhengbanzi-2017-157/"] == "2017-06-08"


def test_the_home_page_and_the_change_lists_announce_their_feeds(sample_site):
    def feeds(page: str) -> set[str]:
        return {str((sample_site / page).parent.joinpath(a["href"]).resolve().relative_to(sample_site.resolve()))
                for a in page_meta(sample_site / page).alternates if a.get("type") == "application/atom+xml"}

    assert feeds("index.html") == {"zhengce/feed.xml", "zhengce/biangeng/feed.xml"}
    for page in ("zhengce/biangeng/index.html", "zhengce/biangeng/yifeizhi/index.html",
                 "zhengce/biangeng/yixiugai/index.html", "zhengce/biangeng/yishixiao/index.html"):
        assert feeds(page) == {"zhengce/biangeng/feed.xml"}, page
    assert all((sample_site / f).is_file() for f in feeds("index.html"))
