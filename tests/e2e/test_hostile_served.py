"""The hostile corpus in Chromium: every page that holds a published hostile input, served as
deploy/nginx.conf serves it, opens with no dialog, no script of the input run, no request to
another host and nothing in its DOM that could run, navigate or load on its own."""

from __future__ import annotations

import pytest

from tests.hostile_corpus import settle

from .harness import CHROMIUM, NGINX, build_portal, nginx_serving, same_origin

pytestmark = pytest.mark.browser

# Pages that list what the hostile documents and data hold, beside the documents' own pages.
LISTINGS = ["", "zhengce/", "jiedu/", "xxgk/", "qingdan/shoufei/", "qingdan/mulu/", "wangzhanditu/"]

# Anything a payload could call to show itself is recorded, and so is any policy violation:
# an inline script that the CSP blocked was in the page, which is a failure too.
WATCH = """
window.__gkRan = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__gkRan.push(name + "(" + args.join(",") + ")"); };
}
document.addEventListener("securitypolicyviolation",
  e => window.__gkRan.push("csp " + e.violatedDirective + " " + e.blockedURI));
"""

DOM_SCAN = r"""
() => {
  const found = [];
  const runs = /^(javascript|vbscript|data:text\/html)/i;
  const urls = ["href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    if (["base", "iframe", "object", "embed", "frame", "frameset", "applet"].includes(tag)) found.push("<" + tag + ">");
    if (tag === "meta" && (el.getAttribute("http-equiv") || "").toLowerCase() === "refresh") found.push("<meta refresh>");
    const action = el.getAttribute("action") || "";
    if (tag === "form" && !(action.endsWith("sousuo/") || action === "./")) found.push("<form action=" + action + ">");
    for (const attr of el.attributes) {
      if (attr.name.startsWith("on")) found.push("<" + tag + " " + attr.name + ">");
      if (urls.includes(attr.name) && runs.test(attr.value.replace(/[\x00-\x20\x7f]+/g, ""))) {
        found.push("<" + tag + " " + attr.name + "=" + attr.value.slice(0, 40) + ">");
      }
    }
  }
  return found;
}
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(base URL, pages holding a published hostile input) of the settled corpus, built and served."""
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make test installs Debian's nginx-light)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs Debian's chromium)")
    settled = settle(tmp_path_factory.mktemp("hostile") / "portal")
    assert settled.stray == []
    site = build_portal(settled.root)
    pages = sorted({hostile.page for hostile in settled.published} | set(LISTINGS))
    with nginx_serving(site, tmp_path_factory.mktemp("hostile-nginx")) as base_url:
        yield base_url, pages


def test_no_page_holding_a_hostile_input_runs_loads_or_navigates(chromium, hostile):
    base_url, pages = hostile
    assert len(pages) >= 60
    outside, seen = [], {}
    context = chromium.new_context(base_url=base_url, locale="zh-CN")

    def route(request_route):
        url = request_route.request.url
        if same_origin(url, base_url):
            request_route.continue_()
        else:
            outside.append(url)
            request_route.abort("blockedbyclient")

    context.route("**/*", route)
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in pages:
            response = page.goto(path, wait_until="load")
            assert response is not None and response.status == 200, path
            problems = [f"dialog {m}" for m in dialogs] + page.evaluate("window.__gkRan") + page.evaluate(DOM_SCAN)
            if problems:
                seen[path] = problems
            dialogs.clear()
            assert page.url == base_url + path, f"{path} navigated to {page.url}"
    finally:
        context.close()
    assert (seen, outside) == ({}, [])


@pytest.mark.parametrize("query", ["alert", "onerror"])
def test_search_shows_hostile_titles_and_excerpts_as_text(chromium, hostile, query):
    """The search page builds its results from the index's strings: a hostile title is shown, not run."""
    from urllib.parse import quote

    base_url, _ = hostile
    context = chromium.new_context(base_url=base_url, locale="zh-CN")
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(f"sousuo/?q={quote(query)}", wait_until="load")
        page.wait_for_selector('#gk-search[data-state="done"]', timeout=15_000)
        titles = page.locator(".gk-result__title a").all_inner_texts()
        page.wait_for_timeout(300)
        problems = dialogs + page.evaluate("window.__gkRan") + page.evaluate(DOM_SCAN)
    finally:
        context.close()
    assert len(titles) >= 3, titles
    assert any(query in title and "<" in title for title in titles), titles
    assert problems == []
