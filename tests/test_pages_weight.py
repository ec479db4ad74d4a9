"""A document page stays light however many documents the portal holds (bounded navigation)."""

import re
import subprocess

from tests.bench_pages import GONGKAI, first_view, use_portal_config
from tests.conftest import AS_OF, paired_site_files, run_gongkai
from tests.generate import generate_portal


def _build(root, documents):
    site = generate_portal(root, documents)
    use_portal_config(site)
    result = subprocess.run([GONGKAI, "--as-of", AS_OF, "build"], cwd=site, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "site"


def test_document_page_size_does_not_grow_with_the_portal(tmp_path):
    small = _build(tmp_path / "small", 20)
    large = _build(tmp_path / "large", 400)
    page = "policies/2015/p00000/index.html"
    small_size = (small / page).stat().st_size
    large_size = (large / page).stat().st_size
    assert abs(large_size - small_size) < 200, (small_size, large_size)
    assert large_size < 40 * 1024
    sizes = first_view(large / page, large)
    # Material's JavaScript bundle (35 KB compressed) is not loaded: the pages need none of it.
    assert not any("javascripts/bundle" in name for name in sizes)
    # Nor Material's stylesheet: the portal's own is inlined in <head>, so it costs no round trip.
    assert not any("stylesheets/main" in name for name in sizes)
    head = (large / page).read_text(encoding="utf-8").split("</head>")[0]
    assert re.search(r"<style>[^<]*\.gk-header\{", head)
    assert sum(z for _, z in sizes.values()) < 60 * 1024


def test_unused_theme_assets_stay_out_but_editors_assets_stay(make_site):
    site = make_site(paired_site_files() | {"content/assets/images/tubiao.png": b"\x89PNG\r\n"})
    assert run_gongkai(site, "build")[0] == 0
    built = site / "site"
    assert (built / "assets/images/tubiao.png").is_file()
    assert not (built / "assets/javascripts").exists()
    assert not (built / "assets/stylesheets").exists()
