"""The pieces every end-to-end check shares: build a portal, serve it with nginx, open Chromium.

Kept apart from conftest.py so the network benchmark (tests/bench_network.py) uses the very
same build, server and browser settings as the tests.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
NGINX = Path("/usr/sbin/nginx")
AS_OF = "2026-11-29"
ARTIFACTS = ROOT / "tests" / "artifacts"
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"

# Debian's Chromium as the house rules launch it: no sandbox (containers), no GPU, and none of
# the browser's own background traffic, so every request seen comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# What a sample portal is made of: the editors' files and the theme, nothing else.
PORTAL_PARTS = ("content", "data", "theme_overrides", "mkdocs.yml")

SEED_ID = "policies/2017/tongzhengbanzi-2017-157"
SEED_NUMBER = "通政办字〔2017〕157号"

MIME_TYPES = """\
    types {
        text/html html htm;
        text/css css;
        application/javascript js mjs;
        application/json json;
        application/wasm wasm;
        text/csv csv;
        text/plain txt;
        application/xml xml;
        image/svg+xml svg;
        image/png png;
        image/jpeg jpg jpeg;
        image/x-icon ico;
        font/woff2 woff2;
        application/pdf pdf;
        application/gzip gz;
        application/octet-stream pf_fragment pf_index pf_meta pagefind;
    }
"""


def gongkai_command() -> list[str]:
    """The installed `gongkai` console script next to this Python, or the module as a fallback."""
    script = Path(sys.executable).with_name("gongkai")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from gongkai.cli import main; sys.exit(main())"]


def build_portal(root: Path, as_of: str = AS_OF, timeout: float = 1800) -> Path:
    """Run `gongkai --as-of AS_OF build` in ``root``; return the built site directory."""
    result = subprocess.run(
        [*gongkai_command(), "--as-of", as_of, "build"],
        cwd=root, capture_output=True, text=True, timeout=timeout, check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"gongkai build failed in {root} (exit {result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return root / "site"


def copy_sample_portal(dest: Path) -> Path:
    """Copy the repository's sample portal (content, data, theme, mkdocs.yml) into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PORTAL_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, symlinks=False)
        else:
            shutil.copy2(source, dest / part)
    return dest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def deployed_server_block(site: Path, port: int, allow_wasm: bool = False) -> str:
    """deploy/nginx.conf as the README gives it, listening on 127.0.0.1:``port`` with root ``site``.
    ``allow_wasm`` adds 'wasm-unsafe-eval' to its script-src, for benchmarking Pagefind alone."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    if allow_wasm:
        text, policies = re.subn(r"script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", text)
        assert policies >= 1, f"{DEPLOY_CONF} should have a script-src 'self'"
    # The release's own files the configuration includes (the redirect map) come from ``site`` too.
    text = text.replace("/srv/gongkai/current/", f"{site}/")
    text, listens = re.subn(r"^(\s*)listen\s+[^;]+;", rf"\g<1>listen 127.0.0.1:{port};", text, flags=re.M)
    text, roots = re.subn(r"^(\s*)root\s+[^;]+;", lambda m: f"{m.group(1)}root {site};", text, flags=re.M)
    assert (listens, roots) == (1, 1), f"{DEPLOY_CONF} should have one listen and one root line"
    return text


def nginx_conf(site: Path, workdir: Path, port: int, allow_wasm: bool = False) -> str:
    """nginx.conf around deploy/nginx.conf: foreground, logs and temp files in ``workdir``."""
    # A master started as root hands requests to workers running as `nobody`, who could not
    # read a pytest temp directory; keep the workers as the user who started the tests.
    user = "user root;\n" if _is_root() else ""
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""\
daemon off;
{user}worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
{MIME_TYPES}
    default_type application/octet-stream;
    access_log {workdir / "access.log"};
{temp}
    sendfile on;
{deployed_server_block(site, port, allow_wasm)}
}}
"""


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@contextlib.contextmanager
def nginx_serving(site: Path, workdir: Path, allow_wasm: bool = False) -> Iterator[str]:
    """Serve ``site`` with nginx on 127.0.0.1 (a free port); yield its base URL ending in '/'."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = workdir / "nginx.conf"
    # absolute(), not resolve(): a `current` symlink must be followed per request, not once.
    conf.write_text(nginx_conf(site.absolute(), workdir.resolve(), port, allow_wasm), encoding="utf-8")
    command = [str(NGINX), "-p", str(workdir), "-c", str(conf), "-e", str(workdir / "error.log")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_port(port, process, workdir)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_for_port(port: int, process: subprocess.Popen, workdir: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (workdir / "error.log")
            text = log.read_text(errors="replace") if log.exists() else ""
            output = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise AssertionError(f"nginx exited with {process.returncode}:\n{output}\n{text}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"nginx did not listen on 127.0.0.1:{port} within 15 s")


def launch_chromium(playwright, user_data_dir: Path | None = None):
    """Debian's Chromium, headless, with a fresh profile (Playwright makes one per launch)."""
    options = {"executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS), "headless": True}
    if user_data_dir is None:
        return playwright.chromium.launch(**options)
    return playwright.chromium.launch_persistent_context(str(user_data_dir), **options)


def same_origin(url: str, base_url: str) -> bool:
    """True when ``url`` is served by the site itself (or needs no network at all)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    base = urlsplit(base_url)
    return (parts.scheme, parts.hostname, parts.port) == (base.scheme, base.hostname, base.port)


def link_to(scope, target: str):
    """The links in ``scope`` (a Playwright page or locator) whose address, resolved against the
    page, is the page ``target`` (an id such as policies/2017/x): the portal writes relative
    links, so matching the href text would depend on where the linking page sits."""
    marker = "e2e-" + target.replace("/", "-")
    scope.locator("a[href]").evaluate_all(
        """(links, [target, marker]) => {
            for (const a of links) {
                const path = decodeURIComponent(new URL(a.href, document.baseURI).pathname);
                if (path.endsWith('/' + target + '/') && !new URL(a.href).hash)
                    a.dataset.e2eLink = marker;
            }
        }""",
        [target, marker],
    )
    return scope.locator(f'a[data-e2e-link="{marker}"]')


def grave_violations(page) -> list[str]:
    """axe-core's serious and critical violations on ``page``, one line per failing element.

    axe-core comes bundled with axe-playwright-python and is injected by evaluate: no network.
    """
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    lines = []
    for violation in response["violations"]:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        for node in violation["nodes"][:5]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} — "
                         f"{node['target']} {node['html'][:160]} — {summary}")
    return lines


# The slow rural link of the requirement: 400 ms latency, 400 kbit/s (50,000 bytes/s) each way.
SLOW_LINK = {"offline": False, "latency": 400, "downloadThroughput": 50_000,
             "uploadThroughput": 50_000}


def first_view(context, url: str, network: dict | None = None, timeout_ms: float = 120_000) -> dict:
    """Open ``url`` in a new page of ``context`` with the cache off, optionally on ``network``
    conditions; return what its first view cost: bytes on the wire per resource (Chromium's
    encodedDataLength: headers and compressed body), their total, and first-contentful-paint."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    if network:
        cdp.send("Network.emulateNetworkConditions", network)
    addresses: dict[str, str] = {}
    wire: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent",
           lambda event: addresses.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished",
           lambda event: wire.__setitem__(event["requestId"], int(event["encodedDataLength"])))
    page.goto(url, wait_until="load", timeout=timeout_ms)
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    fcp = page.evaluate("""() => {
        const paint = performance.getEntriesByType('paint')
            .find(entry => entry.name === 'first-contentful-paint');
        return paint ? paint.startTime : null; }""")
    resources = sorted(((addresses.get(key, key), size) for key, size in wire.items()),
                       key=lambda item: -item[1])
    cdp.detach()
    return {"url": url, "bytes": sum(wire.values()), "resources": resources, "fcp_ms": fcp,
            "page": page}
