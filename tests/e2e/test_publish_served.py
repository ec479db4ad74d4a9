"""Publishing to a real web server: nginx serves `current`; a switch or a rollback shows at once."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.conftest import SEED_POLICY, paired_site_files, run_gongkai, write_site
from tests.e2e.harness import NGINX, nginx_serving

PAGE = "policies/2017/seed/"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.fixture
def portal(tmp_path):
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make test installs Debian's nginx-light)")
    return write_site(tmp_path / "portal", paired_site_files())


def retitle(portal, title: str) -> None:
    policy = portal / "content/policies/2017/seed.md"
    policy.write_text(SEED_POLICY.replace("关于印发测试方案的通知", title), encoding="utf-8")


def test_publish_switch_and_rollback_are_served_without_restart(portal, tmp_path):
    www = tmp_path / "www"
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    with nginx_serving(www / "current", tmp_path / "nginx") as base:
        assert "关于印发测试方案的通知" in fetch(base + PAGE)
        retitle(portal, "关于印发测试方案（修订）的通知")
        assert run_gongkai(portal, "build")[0] == 0
        assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
        assert "关于印发测试方案（修订）的通知" in fetch(base + PAGE)
        assert run_gongkai(portal, "rollback", "--to", str(www))[0] == 0
        assert "（修订）" not in fetch(base + PAGE)


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_release_manifest_is_not_served(portal, tmp_path):
    www = tmp_path / "www"
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    assert (www / "current/.gongkai-release.json").is_file()
    with nginx_serving(www / "current", tmp_path / "nginx") as base:
        assert status_of(base + ".gongkai-release.json") == 404
        assert status_of(base + PAGE) == 200


def test_a_refused_publish_leaves_the_served_site_as_it_was(portal, tmp_path):
    www = tmp_path / "www"
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    with nginx_serving(www / "current", tmp_path / "nginx") as base:
        before = fetch(base + PAGE)
        (portal / "content/interpretations/2017/seed-jiedu.md").unlink()
        (portal / "content/policies/2017/seed.md").unlink()
        assert run_gongkai(portal, "build")[0] == 0
        code, _, err = run_gongkai(portal, "publish", "--to", str(www))
        assert code == 1 and f"/{PAGE}" in err
        assert fetch(base + PAGE) == before


class _NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def first_answer(url: str) -> tuple[int, str | None]:
    """Status and Location of ``url`` itself, redirects not followed."""
    try:
        with urllib.request.build_opener(_NoFollow).open(url, timeout=10) as response:
            return response.status, response.headers.get("Location")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location")


def test_a_moved_attachment_answers_301_with_its_new_address(portal, tmp_path):
    www = tmp_path / "www"
    policy = portal / "content/policies/2017/seed.md"
    attach = SEED_POLICY.replace("---\n## 正文", "附件:\n  - 名称: 申请表\n    文件: {}\n---\n## 正文")
    policy.write_text(attach.format("shenqingbiao.txt"), encoding="utf-8")
    (portal / "content/policies/2017/shenqingbiao.txt").write_text("申请表", encoding="utf-8")
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    (portal / "content/policies/2017/shenqingbiao.txt").rename(portal / "content/policies/2017/shenqingbiao-2026.txt")
    policy.write_text(attach.format("shenqingbiao-2026.txt"), encoding="utf-8")
    assert run_gongkai(portal, "build")[0] == 0
    code, _, err = run_gongkai(portal, "publish", "--to", str(www))
    assert code == 1 and err.startswith("新版本会让以下已发布的网址消失：\n  /policies/2017/shenqingbiao.txt\n")
    (portal / "data").mkdir(exist_ok=True)
    (portal / "data/redirects.yml").write_text(
        "/policies/2017/shenqingbiao.txt: /policies/2017/shenqingbiao-2026.txt\n", encoding="utf-8")
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    with nginx_serving(www / "current", tmp_path / "nginx") as base:
        status, location = first_answer(base + "policies/2017/shenqingbiao.txt")
        assert status == 301 and location.endswith("/policies/2017/shenqingbiao-2026.txt")
        assert fetch(base + "policies/2017/shenqingbiao.txt") == "申请表"
        assert status_of(base + ".gongkai-redirects.map") == 404


def test_pages_are_revalidated_and_fingerprinted_assets_cached_for_a_year(tmp_path):
    if not NGINX.exists():
        pytest.skip(f"{NGINX} is not installed (make test installs Debian's nginx-light)")
    site = tmp_path / "site"
    files = {"index.html": "<h1>首页</h1>", "404.html": "<h1>页面不存在</h1>", "a/index.html": "<h1>甲</h1>",
             "assets/gongkai/gongkai.css": "body{}", "assets/app.3f2a9c1b.css": "body{}",
             "qingdan/mulu/mulu.csv": "名称\n", "sousuo/idx/index.json": "{}"}
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    expected = {"": "no-cache", "a/": "no-cache", "qingdan/mulu/mulu.csv": "no-cache",
                "sousuo/idx/index.json": "no-cache", "missing/": "no-cache",
                "assets/gongkai/gongkai.css": "public, max-age=3600",
                "assets/app.3f2a9c1b.css": "public, max-age=31536000, immutable"}
    with nginx_serving(site, tmp_path / "nginx") as base:
        for path, cache in expected.items():
            try:
                with urllib.request.urlopen(base + path, timeout=10) as response:
                    headers = response.headers
            except urllib.error.HTTPError as exc:
                headers = exc.headers
            assert headers["Cache-Control"] == cache, path
            assert headers["X-Content-Type-Options"] == "nosniff", path
