"""Page weight at scale: build 2,000 generated documents with the portal's own theme and nav.

Run: .venv/bin/python -m tests.bench_pages [documents]
Prints the build time, a document page's HTML size, and the compressed size of what its
first view loads (HTML + stylesheets + scripts, gzip -6 as a static server sends them).
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tests.conftest import AS_OF, ROOT
from tests.generate import generate_portal

GONGKAI = str(Path(sys.executable).with_name("gongkai"))


def use_portal_config(site: Path) -> None:
    """Give the generated site the real portal's theme, nav and site settings."""
    real = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"] = dict(real["theme"], custom_dir=str(ROOT / "theme_overrides"), font=False,
                           features=[])
    config["nav"] = real["nav"]
    config["plugins"][0]["gongkai"]["site"] = real["plugins"][0]["gongkai"]["site"]
    (site / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def first_view(page: Path, site_dir: Path) -> dict[str, tuple[int, int]]:
    """(raw, gzip) bytes of the page and each stylesheet and script it loads."""
    html = page.read_text(encoding="utf-8")
    sizes = {"html": _sizes(page.read_bytes())}
    refs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    for ref in refs:
        target = (page.parent / ref).resolve()
        if target.is_relative_to(site_dir.resolve()) and target.is_file():
            sizes[target.relative_to(site_dir.resolve()).as_posix()] = _sizes(target.read_bytes())
    return sizes


def _sizes(raw: bytes) -> tuple[int, int]:
    return len(raw), len(gzip.compress(raw, compresslevel=6, mtime=0))


def bench_pages(documents: int = 2000) -> dict[str, float]:
    """Build ``documents`` documents; print and return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        site = generate_portal(Path(tmp) / "portal", documents)
        use_portal_config(site)
        start = time.perf_counter()
        result = subprocess.run([GONGKAI, "--as-of", AS_OF, "build"], cwd=site, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            raise SystemExit(result.stdout + result.stderr)
        out = site / "site"
        page = next((out / "policies").rglob("index.html"))
        sizes = first_view(page, out)
        total = sum(z for _, z in sizes.values())
        print(f"{documents} 件文件：生成用时 {seconds:.1f} 秒")
        print(f"文件页 HTML：{sizes['html'][0] / 1024:.1f} KB（gzip {sizes['html'][1] / 1024:.1f} KB）"
              f" — {page.relative_to(out)}")
        for name, (raw, zipped) in sizes.items():
            print(f"  {name}: {raw / 1024:.1f} KB，gzip {zipped / 1024:.1f} KB")
        print(f"首屏传输（HTML+CSS+JS，gzip）：{total / 1024:.1f} KB")
        return {"seconds": seconds, "html_kb": sizes["html"][0] / 1024, "first_view_kb": total / 1024}


if __name__ == "__main__":
    bench_pages(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
