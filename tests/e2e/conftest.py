"""End-to-end fixtures: the sample portal built once, served by nginx, read in headless Chromium.

Every page opened through ``open_page`` is watched: a request to any host other than the site's
own is aborted and fails the test, and so does a missing or failing resource of the site itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import (
    CHROMIUM,
    DESKTOP,
    NGINX,
    build_portal,
    copy_sample_portal,
    launch_chromium,
    nginx_serving,
    same_origin,
)


class Traffic:
    """What the pages of one test asked for: outside requests (aborted) and failed resources."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.outside: list[str] = []
        self.broken: list[str] = []
        self.script_errors: list[str] = []

    def route(self, route) -> None:
        url = route.request.url
        if same_origin(url, self.base_url):
            route.continue_()
        else:
            self.outside.append(f"{route.request.resource_type} {url}")
            route.abort("blockedbyclient")

    def response(self, response) -> None:
        # A page itself may be a deliberate 404; its styles, scripts and images may not.
        if response.status >= 400 and response.request.resource_type != "document":
            self.broken.append(f"{response.status} {response.request.resource_type} {response.url}")

    def problems(self) -> list[str]:
        """One line per outside request or broken resource; empty when the traffic was clean."""
        return ([f"request to another host: {line}" for line in self.outside]
                + [f"failed resource of the site: {line}" for line in self.broken])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself (not its teardown) when its pages went outside the site."""
    result = yield
    traffic = getattr(item, "gk_traffic", None)
    if traffic is not None and traffic.problems():
        raise AssertionError("the pages made requests they must not make:\n"
                             + "\n".join(traffic.problems()))
    return result


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium, launched once per test run with a fresh profile."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_root(tmp_path_factory) -> Path:
    """A copy of the repository's sample portal, built once as of the fixed date."""
    root = copy_sample_portal(tmp_path_factory.mktemp("sample-portal"))
    build_portal(root)
    return root


@pytest.fixture(scope="session")
def sample_site(sample_root) -> Path:
    """The built site/ directory of the sample portal."""
    return sample_root / "site"


@pytest.fixture(scope="session")
def base_url(sample_site, tmp_path_factory):
    """The sample portal served by nginx (gzip on) at http://127.0.0.1:PORT/."""
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make test installs Debian's nginx-light)")
    with nginx_serving(sample_site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture
def traffic(request, chromium, base_url) -> Traffic:
    """The watched traffic of this test's pages; checked after the test body."""
    watched = Traffic(base_url)
    request.node.gk_traffic = watched
    return watched


@pytest.fixture
def open_page(chromium, base_url, traffic):
    """open_page(viewport=DESKTOP) → a new watched page in a fresh browser context."""
    contexts = []

    def open_(viewport: dict | None = None, **context_options):
        context = chromium.new_context(base_url=base_url, viewport=viewport or DESKTOP,
                                       locale="zh-CN", **context_options)
        contexts.append(context)
        context.route("**/*", traffic.route)
        context.on("response", traffic.response)
        page = context.new_page()
        page.on("pageerror", lambda error: traffic.script_errors.append(str(error)))
        return page

    yield open_
    for context in contexts:
        context.close()
