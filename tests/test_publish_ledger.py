"""Every address ever published stays reachable: the ledger, redirects and rollbacks."""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import pytest

from gongkai.pages.security import page_policy
from gongkai.publish.ledger import UNLISTED, addresses
from gongkai.publish.manifest import make_manifest
from gongkai.publish.releases import PublishError, Target, publish, rollback
from gongkai.search.layout import INDEX_DIR
from tests.conftest import paired_site_files, run_gongkai
from tests.test_publish import T0, fake_site

HOUR = dt.timedelta(hours=1)
ATTACHMENT = "policies/2017/fujian.txt"


def site_with(root, pages: dict[str, str], files: dict[str, str] | None = None,
              redirects: dict[str, str] | None = None):
    site = fake_site(root, pages)
    for rel, text in (files or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    if redirects is not None:
        (site / ".gongkai-redirects.json").write_text(json.dumps(redirects), encoding="utf-8")
    return site


def refusal(site, target, when, **kw) -> str:
    names = target.names()
    with pytest.raises(PublishError) as caught:
        publish(site, target, now=when, **kw)
    assert target.names() == names
    return str(caught.value)


def lost(*urls: str) -> str:
    return ("新版本会让以下已发布的网址消失：\n" + "".join(f"  {u}\n" for u in urls)
            + "已发布的网址必须一直可以访问（废止、失效的文件也保留原页面并标注）。"
            "网址改了的，请在 data/redirects.yml 中写明“旧网址: 新网址”后重新生成；"
            "确需撤下的，请用 --allow-removal 网址 逐个写明。")


def test_every_file_is_an_address_but_dot_files_and_search_internals(tmp_path):
    site = site_with(tmp_path / "s", {"a/index.html": "甲"},
                     {"a/x.pdf": "1", "qingdan/mulu.csv": "2", "zhengce/feed.xml": "3", f"{INDEX_DIR}p/0.bin": "4"},
                     redirects={})
    assert sorted(addresses(make_manifest(site))) == [
        "/", "/404.html", "/a/", "/a/x.pdf", "/qingdan/mulu.csv", "/sitemap.xml", "/zhengce/feed.xml"]
    assert UNLISTED == (INDEX_DIR,)


def test_deleting_an_attachment_is_refused_naming_its_address(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "v1", {"a/index.html": "甲"}, {"a/x.pdf": "附件", "a/y.csv": "表"}), target, now=T0)
    without = site_with(tmp_path / "v2", {"a/index.html": "甲"}, {"a/y.csv": "表"})
    assert refusal(without, target, T0 + HOUR) == lost("/a/x.pdf")
    moved = site_with(tmp_path / "v3", {"a/index.html": "甲"}, {"a/x2.pdf": "附件", "a/y.csv": "表"},
                      redirects={"/a/x.pdf": "/a/x2.pdf"})
    publish(moved, target, now=T0 + 2 * HOUR)
    assert target.current().name == "20261129T100000Z"


def test_a_redirect_to_an_address_the_release_lacks_is_refused(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "v1", {"a/index.html": "甲"}, {"a/x.pdf": "附件"}), target, now=T0)
    site = site_with(tmp_path / "v2", {"a/index.html": "甲"}, redirects={"/a/x.pdf": "/a/x3.pdf"})
    assert refusal(site, target, T0 + HOUR) == (
        ".gongkai-redirects.json: redirect-target 重定向 /a/x.pdf → /a/x3.pdf 的新网址不在新版本中。"
        "请改正 data/redirects.yml 后重新运行“gongkai build”。")


def test_after_a_rollback_the_next_publish_keeps_the_newer_releases_pages(tmp_path):
    target = Target(tmp_path / "www")
    a = publish(site_with(tmp_path / "a", {"p/index.html": "甲"}), target, now=T0)
    publish(site_with(tmp_path / "b", {"p/index.html": "甲", "new/index.html": "乙"}), target, now=T0 + HOUR)
    assert rollback(target, now=T0 + 2 * HOUR) == a
    c = site_with(tmp_path / "c", {"p/index.html": "甲（修订）"})
    assert refusal(c, target, T0 + 3 * HOUR) == lost("/new/")
    history = json.loads((target.root / "ledger.json").read_text(encoding="utf-8"))["history"]
    assert history == [
        {"action": "publish", "release": "20261129T080000Z", "at": "2026-11-29T08:00:00Z"},
        {"action": "publish", "release": "20261129T090000Z", "at": "2026-11-29T09:00:00Z"},
        {"action": "rollback", "release": "20261129T080000Z", "at": "2026-11-29T10:00:00Z"},
    ]


def test_the_ledger_outlives_pruned_releases_and_a_hand_removed_current(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "a", {"old/index.html": "旧"}), target, now=T0, keep=1)
    publish(site_with(tmp_path / "b", {"old/index.html": "旧", "x/index.html": "新"}), target, now=T0 + HOUR, keep=1)
    publish(site_with(tmp_path / "c", {"old/index.html": "旧", "x/index.html": "新二"}), target,
            now=T0 + 2 * HOUR, keep=1)
    assert len(target.names()) == 2
    target.current_link.unlink()
    assert refusal(site_with(tmp_path / "d", {"x/index.html": "新三"}), target, T0 + 3 * HOUR) == lost("/old/")


def test_a_target_published_before_the_ledger_keeps_its_addresses(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "a", {"old/index.html": "旧"}), target, now=T0)
    (target.root / "ledger.json").unlink()
    assert refusal(site_with(tmp_path / "b", {}), target, T0 + HOUR) == lost("/old/")


def test_an_allowed_removal_is_remembered(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "a", {"old/index.html": "旧"}), target, now=T0)
    publish(site_with(tmp_path / "b", {"n/index.html": "一"}), target, now=T0 + HOUR, allow_removal={"/old/"})
    publish(site_with(tmp_path / "c", {"n/index.html": "二"}), target, now=T0 + 2 * HOUR)
    ledger = json.loads((target.root / "ledger.json").read_text(encoding="utf-8"))
    assert ledger["withdrawn"] == {"/old/": "20261129T090000Z"}
    assert ledger["published"]["/n/"] == "20261129T090000Z"


def test_a_damaged_ledger_stops_publishing(tmp_path):
    target = Target(tmp_path / "www")
    publish(site_with(tmp_path / "a", {}), target, now=T0)
    (target.root / "ledger.json").write_text("{", encoding="utf-8")
    assert refusal(site_with(tmp_path / "b", {"n/index.html": "一"}), target, T0 + HOUR) == (
        f"{target.root}/ledger.json: ledger-unreadable 已发布网址的台账无法读取（被手工改动或损坏）。"
        "请从备份恢复该文件后重试；台账不可删除，否则无法保证已发布的网址不会消失。")


REDIRECTS = "data/redirects.yml"


def test_redirects_yml_problems_are_reported_by_check(make_site):
    portal = make_site(paired_site_files() | {REDIRECTS: (
        "/policies/2017/a/: /policies/2017/b/\n/policies/2017/b/: /policies/2017/seed/\n"
        "/x/: x/\n/y/: /y/\n")})
    code, out, _ = run_gongkai(portal, "check")
    assert code == 1
    assert [line for line in out.splitlines() if line.startswith(REDIRECTS)] == [
        f"{REDIRECTS}:1: redirect-chain /policies/2017/a/ 重定向到的 /policies/2017/b/ 本身也被重定向到 "
        "/policies/2017/seed/。请直接写“/policies/2017/a/: /policies/2017/seed/”，读者只跳转一次。",
        f"{REDIRECTS}:3: redirect-address “x/”不是本站的网址。网址以“/”开头，不含空格、引号、分号、“#”和“?”，"
        "如 /policies/2017/a/ 或 /gongbao/2017/6.pdf。",
        f"{REDIRECTS}:4: redirect-loop /y/ 重定向到它自己。请删除这一行。",
    ]


def test_a_moved_page_gets_a_redirect_page_and_the_tables(make_site, tmp_path):
    files = paired_site_files()
    portal = make_site(files)
    www = tmp_path / "www"
    assert run_gongkai(portal, "build")[0] == 0
    assert run_gongkai(portal, "publish", "--to", str(www))[0] == 0
    moved = "content/policies/2017/seed-2.md"
    (portal / moved).write_text(files["content/policies/2017/seed.md"], encoding="utf-8")
    (portal / "content/policies/2017/seed.md").unlink()
    assert run_gongkai(portal, "build")[0] == 0
    code, _, err = run_gongkai(portal, "publish", "--to", str(www))
    assert code == 1 and "  /policies/2017/seed/\n" in err
    (portal / "data").mkdir(exist_ok=True)
    (portal / REDIRECTS).write_text("/policies/2017/seed/: /policies/2017/seed-2/\n", encoding="utf-8")
    assert run_gongkai(portal, "build")[0] == 0
    page = (portal / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")
    assert '本页内容已迁移到新的网址：<a href="../seed-2/">/policies/2017/seed-2/</a>。' in page
    (style,) = re.findall(r"<style>(.*?)</style>", page)
    assert f'<meta http-equiv="Content-Security-Policy" content="{html.escape(page_policy(style))}">' in page
    # The page's metadata file, published beside it, moves with it.
    assert (portal / "site/.gongkai-redirects.map").read_text(encoding="utf-8") == (
        '"/policies/2017/seed/" "/policies/2017/seed-2/";\n'
        '"/policies/2017/seed/yuanshuju.json" "/policies/2017/seed-2/yuanshuju.json";\n')
    code, _, err = run_gongkai(portal, "publish", "--to", str(www))
    assert code == 0, err


def test_a_redirect_from_a_page_still_served_fails_the_build(make_site):
    portal = make_site(paired_site_files() | {REDIRECTS: "/policies/2017/seed/: /\n"})
    code, out, err = run_gongkai(portal, "build")
    assert code == 1
    assert ("data/redirects.yml:1: redirect-shadows 旧网址 /policies/2017/seed/ 仍是网站中的页面或文件，"
            "重定向会让读者再也看不到它。请删除这一行，或先撤下旧网址的内容。") in out + err
    assert not (portal / "site").exists()
