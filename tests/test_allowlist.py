"""The allowlist itself: what nh3 keeps and drops, and the build applies it to an editor's text."""

from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File

from gongkai.check.allowlist import Removed, removed_constructs, sanitize
from gongkai.mkdocs_plugin import GongkaiPlugin
from gongkai.pages.site import SitePages

KEPT = [
    '<p><a href="https://www.gov.cn/">国务院</a> <a href="../x/">本站</a> <a href="mailto:a@b.cn">邮箱</a></p>',
    '<table><thead><tr><th align="center">项目</th></tr></thead><tbody><tr><td>甲</td></tr></tbody></table>',
    '<h2 id="yi">一、总体要求</h2><ol start="3"><li>甲</li></ol><img src="tu.png" alt="图">',
]


@pytest.mark.parametrize("html", KEPT)
def test_what_markdown_writes_is_kept_as_it_is(html):
    assert sanitize(html) == html
    assert removed_constructs(html) == []


DROPPED = {
    '<img src="x.png" onerror="alert(1)">': [Removed("img", "onerror", "alert(1)")],
    '<a href="java&#115;cript&colon;alert(1)">x</a>': [Removed("a", "href", "javascript:alert(1)")],
    '<img src="/\\evil.example/x.png">': [Removed("img", "src", "/\\evil.example/x.png")],
    '<img src="https://evil.example/x.png">': [Removed("img", "src", "https://evil.example/x.png")],
    "<svg><script>alert(1)</script></svg>": [Removed("svg"), Removed("script")],
    '<base href="https://evil.example/">': [Removed("base")],
    '<iframe src="https://evil.example/"></iframe>': [Removed("iframe")],
    # HTML5 closes a comment at "<!-->" and at "--!>": the image after it is real.
    "<!--><img src=x onerror=alert(1)>-->": [Removed("img", "onerror", "alert(1)")],
    "<!-- x --!><img src=x onerror=alert(2)>": [Removed("img", "onerror", "alert(2)")],
}


@pytest.mark.parametrize("html", DROPPED)
def test_what_can_run_or_load_is_dropped(html):
    assert removed_constructs(html) == DROPPED[html]
    assert removed_constructs(sanitize(html)) == []


def _page_content(html: str, *, generated: bool) -> str:
    plugin = GongkaiPlugin()
    plugin.pages = SitePages(config=None)
    plugin.lifecycle = SimpleNamespace(sections_for=lambda src_uri: "")
    # A real MkDocs File: an editor's file has no generated_by, a page the portal makes has one.
    file = File("xxgk/zhinan.md", src_dir="content", dest_dir="site", use_directory_urls=True)
    file.generated_by = "gongkai" if generated else None
    return plugin.on_page_content(html, SimpleNamespace(file=file), None, None)


def test_the_build_applies_the_allowlist_to_an_editors_page_whatever_the_check_said():
    html = '<p>说明<img src="x.png" onerror="alert(1)"></p><script>alert(2)</script>'
    assert _page_content(html, generated=False) == '<p>说明<img src="x.png"></p>'


def test_the_portals_own_generated_pages_keep_their_markup():
    html = '<div id="gk-search"></div><script src="../pagefind/pagefind-ui.js"></script>'
    assert _page_content(html, generated=True) == html


def _rendered(markdown: str, *, generated: bool) -> str:
    """A page through the plugin's Markdown and content events, as MkDocs calls them."""
    import markdown as md

    plugin = GongkaiPlugin()
    plugin.pages = SitePages(config=None, generated={"xxgk/zhinan.md": "---\ntitle: 指南\n---\n" + markdown})
    plugin.lifecycle = SimpleNamespace(sections_for=lambda src_uri: "")
    file = File("xxgk/zhinan.md", src_dir="content", dest_dir="site", use_directory_urls=True)
    file.generated_by = "gongkai" if generated else None
    page = SimpleNamespace(file=file, meta={}, url="xxgk/zhinan/")
    text = plugin.on_page_markdown(markdown, page, None, None)
    return text, plugin.on_page_content(md.markdown(text), page, None, None)


def test_a_generated_html_page_skips_markdown_and_keeps_its_html_exactly():
    html = '<h1>指南</h1>\n<ol class="gk-list"><li><a href="../a/">甲</a></li></ol>\n<p class="gk-count">共 1 件。</p>'
    given, out = _rendered(html, generated=True)
    assert out == html and "gk-list" not in given


def test_a_generated_page_with_markdown_text_is_still_rendered():
    given, out = _rendered("<h1>指南</h1>\n\n**说明**", generated=True)
    assert "**说明**" in given and "<p><strong>说明</strong></p>" in out


def test_an_editors_html_page_at_a_generated_address_still_passes_the_allowlist():
    html = '<h1>指南</h1>\n<p>说明<img src="x.png" onerror="alert(1)"></p>\n<script>alert(2)</script>'
    given, out = _rendered(html, generated=False)
    assert "onerror" not in out and "<script" not in out and "说明" in out
