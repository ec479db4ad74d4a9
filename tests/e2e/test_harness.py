"""The watchers themselves can fail: an outside request is caught, an axe violation is reported."""

from __future__ import annotations

import pytest

from .harness import grave_violations

pytestmark = pytest.mark.browser


def test_a_request_to_another_host_is_aborted_and_recorded(open_page, traffic):
    # The pages' own policy would stop the request in the browser: this checks the net behind it.
    page = open_page(bypass_csp=True)
    page.goto("")
    page.evaluate("""() => new Promise(done => {
        const img = new Image(); img.onload = img.onerror = done;
        img.src = 'http://fonts.example.invalid/pixel.png'; })""")
    assert traffic.outside == ["image http://fonts.example.invalid/pixel.png"]
    assert traffic.problems() == ["request to another host: image http://fonts.example.invalid/pixel.png"]
    traffic.outside.clear()  # caught as expected: this test's own pages are otherwise clean


def test_a_missing_resource_of_the_site_is_recorded(open_page, traffic):
    page = open_page()
    page.goto("")
    page.evaluate("""() => new Promise(done => {
        const img = new Image(); img.onload = img.onerror = done;
        img.src = 'assets/no-such-image.png'; })""")
    assert len(traffic.broken) == 1 and traffic.broken[0].startswith("404 image ")
    traffic.broken.clear()


def test_axe_reports_a_critical_violation(open_page):
    page = open_page()
    page.goto("")
    page.evaluate("""() => { const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; document.querySelector('article').append(img); }""")
    found = grave_violations(page)
    assert any("image-alt" in line for line in found), found


def test_nginx_compresses_pages_styles_scripts_and_data(open_page, base_url):
    # The page-weight figures assume gzip, as any real deployment of the portal would serve.
    page = open_page()
    for path in ("", "assets/gongkai/gongkai.css", "assets/gongkai/gongkai.js",
                 "qingdan/shoufei/shoufei.json"):
        response = page.request.get(base_url + path, headers={"Accept-Encoding": "gzip"})
        assert response.ok, f"/{path} answered {response.status}"
        assert response.headers.get("content-encoding") == "gzip", f"/{path} is not gzipped"
