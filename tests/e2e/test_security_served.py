"""The site as deploy/nginx.conf serves it: security headers, no dot-files, and no page that
breaks its own Content-Security-Policy (search included, whose WebAssembly needs it most)."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from gongkai.pages.security import header_policy

from .harness import NGINX, SEED_ID, nginx_serving

pytestmark = pytest.mark.browser

HEADERS = {
    "Content-Security-Policy": header_policy(),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Server": "nginx",
}

# One page of every kind the portal builds.
PAGES = [
    "", f"{SEED_ID}/", "interpretations/2017/jiedu-tongzhengbanzi-2017-157/",
    "policies/2017/tongminfa-2017-45/", "zhengce/", "zhengce/biangeng/", "jiedu/",
    "qingdan/shoufei/", "qingdan/mulu/", "xxgk/", "xxgk/fading/", "xxgk/zhinan/",
    "xxgk/nianbao/shuju/", "sousuo/", "bucunzai/",
]

WATCH_CSP = """
window.__gkViolations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__gkViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.parametrize("path", ["", f"{SEED_ID}/", "assets/gongkai/gongkai.js", "bucunzai/"])
def test_every_response_carries_the_security_headers(base_url, path):
    status, headers, _ = _get(base_url + path)
    assert status == (404 if path == "bucunzai/" else 200)
    assert {name: headers.get(name) for name in HEADERS} == HEADERS


def test_pages_are_compressed_for_slow_links(base_url):
    status, headers, body = _get(base_url + f"{SEED_ID}/", **{"Accept-Encoding": "gzip"})
    assert (status, headers.get("Content-Encoding")) == (200, "gzip")
    assert "<h1>" in gzip.decompress(body).decode("utf-8")


def test_dot_files_of_a_release_are_not_served(tmp_path):
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make test installs Debian's nginx-light)")
    site = tmp_path / "site"
    (site / ".well-known").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "404.html").write_text("<h1>页面不存在</h1>", encoding="utf-8")
    (site / ".manifest.json").write_text('{"secret": 1}', encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git/config").write_text("[core]", encoding="utf-8")
    (site / ".well-known/security.txt").write_text("Contact: mailto:a@example.gov.cn", encoding="utf-8")
    with nginx_serving(site, tmp_path / "nginx") as base:
        for hidden in (".manifest.json", ".git/config"):
            status, headers, body = _get(base + hidden)
            assert (status, body.decode("utf-8")) == (404, "<h1>页面不存在</h1>"), hidden
            assert headers["Server"] == "nginx"
        assert _get(base + ".well-known/security.txt")[0] == 200


@pytest.mark.parametrize("path", PAGES)
def test_no_page_breaks_its_content_security_policy(open_page, traffic, path):
    page = open_page()
    page.add_init_script(WATCH_CSP)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__gkViolations") == []
    assert traffic.script_errors == []


def test_search_runs_under_the_policy(open_page, traffic):
    page = open_page()
    page.add_init_script(WATCH_CSP)
    page.goto("sousuo/?q=五公开")
    expect(page.locator(f'a[href*="{SEED_ID}/"]').first).to_be_visible(timeout=15_000)
    assert page.evaluate("window.__gkViolations") == []
    assert traffic.script_errors == []


def test_the_policy_stops_a_request_to_another_host_before_it_is_made(open_page, traffic):
    page = open_page()
    page.add_init_script(WATCH_CSP)
    page.goto(f"{SEED_ID}/")
    page.evaluate("""() => new Promise(done => {
        const img = new Image(); img.onload = img.onerror = done;
        img.src = 'http://tracker.example.invalid/pixel.png'; })""")
    page.wait_for_function("window.__gkViolations.length > 0")
    # Once by the page's policy and once by the server's: both forbid it.
    assert page.evaluate("window.__gkViolations") == ["img-src http://tracker.example.invalid/pixel.png"] * 2
    assert traffic.outside == []
