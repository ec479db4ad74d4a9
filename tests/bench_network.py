"""Benchmark: a document page's first view on a slow rural link, in Debian's Chromium.

Builds the sample portal (or takes a built site), serves it with nginx (gzip on), and opens the
seed policy with the cache off under Chromium's network emulation: 400 ms latency and
400 kbit/s (50,000 bytes/s) each way. Prints the bytes transferred (Chromium's encodedDataLength:
headers plus compressed bodies) and first-contentful-paint. The target is at most 60 KB and a
paint within 1.5 s; nothing is asserted here, because a time depends on the machine.

    .venv/bin/python -m tests.bench_network [--site site/] [--page ID] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from tests.e2e.harness import (
    CHROMIUM,
    NGINX,
    PHONE,
    SEED_ID,
    SLOW_LINK,
    build_portal,
    copy_sample_portal,
    first_view,
    launch_chromium,
    nginx_serving,
)

TARGET_BYTES = 60_000
TARGET_FCP_MS = 1500


def measure(site: Path, doc_id: str, runs: int, workdir: Path) -> list[dict]:
    """``runs`` first views of ``doc_id`` on the slow link; each a fresh browser context."""
    from playwright.sync_api import sync_playwright

    views = []
    with nginx_serving(site, workdir / "nginx") as base_url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport=PHONE)
                view = first_view(context, f"{base_url}{doc_id}/", network=SLOW_LINK)
                view.pop("page")
                views.append(view)
                context.close()
        finally:
            browser.close()
    return views


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; exit 2 when Chromium or nginx is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site/ (default: build the sample portal)")
    parser.add_argument("--page", default=SEED_ID, help=f"document id (default {SEED_ID})")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for tool in (CHROMIUM, NGINX):
        if not tool.exists():
            print(f"{tool} is not installed (make test installs it)", file=sys.stderr)
            return 2

    with tempfile.TemporaryDirectory(prefix="bench-network-") as tmp:
        workdir = Path(tmp)
        site = args.site
        if site is None:
            print("building the sample portal …", flush=True)
            site = build_portal(copy_sample_portal(workdir / "portal"))
        views = measure(site.resolve(), args.page, args.runs, workdir)

    first = views[0]
    print(f"\nfirst view of /{args.page}/ — latency 400 ms, 400 kbit/s, cache disabled, "
          f"{PHONE['width']} px wide")
    for url, size in first["resources"]:
        print(f"  {size:>8,} B  {url.split('/', 3)[-1] or '/'}")
    paints = [view["fcp_ms"] for view in views if view["fcp_ms"] is not None]
    print(f"transferred: {first['bytes']:,} bytes ({first['bytes'] / 1000:.1f} KB) in "
          f"{len(first['resources'])} requests (target ≤ {TARGET_BYTES / 1000:.0f} KB)")
    if paints:
        print(f"first-contentful-paint: median {statistics.median(paints):,.0f} ms over "
              f"{len(paints)} runs ({', '.join(f'{p:,.0f}' for p in paints)}) "
              f"(target ≤ {TARGET_FCP_MS:,} ms)")
    else:
        print("first-contentful-paint: none recorded (the page never painted content)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
