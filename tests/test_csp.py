"""Every built page states its Content-Security-Policy, and deploy/nginx.conf sends the same one."""

import html
import re
from pathlib import Path

from gongkai.pages.security import header_policy, page_policy, style_hash
from tests.conftest import ROOT, paired_site_files, run_gongkai

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_every_page_carries_a_policy_that_allows_exactly_its_inline_style(make_site):
    site = make_site(paired_site_files())
    assert run_gongkai(site, "build")[0] == 0
    pages = sorted((site / "site").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>")[0]
        styles = re.findall(r"<style>(.*?)</style>", text, re.S)
        assert len(styles) == 1, page
        policies = META.findall(head)
        assert [html.unescape(p) for p in policies] == [page_policy(styles[0])], page
        assert style_hash(styles[0]) in html.unescape(policies[0])
        # The policy comes before anything it governs.
        assert head.index("Content-Security-Policy") < min(head.index("<style>"), head.index("<script"))
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), f"inline script in {page}"
        assert not re.search(r"\sstyle=", text), f"style attribute in {page}"


def test_the_policy_allows_only_the_sites_own_files():
    policy = page_policy("body{color:red}")
    assert policy == (
        "default-src 'none'; script-src 'self'; "
        "style-src 'self' 'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
        "object-src 'none'")
    assert header_policy() == policy.replace(
        "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='", "'unsafe-inline'") + "; frame-ancestors 'none'"


def test_the_server_configuration_sends_the_policy_and_hides_what_it_must():
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert f'add_header Content-Security-Policy "{header_policy()}" always;' in conf
    for line in ("server_tokens off;", "gzip on;", 'add_header X-Content-Type-Options "nosniff" always;',
                 "location ~ /\\.(?!well-known/) {", "root /srv/gongkai/current;"):
        assert line in conf.splitlines() or f"    {line}" in conf.splitlines(), line


def test_the_theme_writes_no_inline_script():
    for template in Path(ROOT / "theme_overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template


def test_the_inline_stylesheet_is_the_theme_file_minified(make_site):
    from rcssmin import cssmin

    from tests.conftest import ROOT, paired_site_files, run_gongkai

    site = make_site(paired_site_files())
    assert run_gongkai(site, "build")[0] == 0
    page = (site / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")
    style = html.unescape(re.search(r"<style>(.*?)</style>", page, re.S)[1])
    source = (ROOT / "theme_overrides/assets/gongkai/gongkai.css").read_text(encoding="utf-8")
    assert style == cssmin(source)
    assert "/*" not in style and len(style) < len(source) - 1500
