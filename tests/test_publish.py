"""Publishing: never a half-built site, never a lost page, always a way back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gongkai.publish.links import broken_links
from gongkai.publish.releases import PublishError, Target, prune, publish, rollback
from tests.conftest import paired_site_files, run_gongkai
from tests.generate import generate_portal
from tests.test_build_safety import copy_portal

T0 = dt.datetime(2026, 11, 29, 8, 0, tzinfo=dt.timezone.utc)


def fake_site(root: Path, pages: dict[str, str]) -> Path:
    """A built site: the required files and the given pages."""
    files = {"index.html": "首页", "404.html": "未找到", "sitemap.xml": "<urlset/>"} | pages
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        body = text if rel.endswith(".xml") else f"<html><body>{text}</body></html>"
        path.write_text(body, encoding="utf-8")
    return root


def served(target: Target, rel: str = "index.html") -> str:
    return (target.current_link / rel).read_text(encoding="utf-8")


def test_publish_switches_current_to_the_new_release(tmp_path):
    target = Target(tmp_path / "www")
    first = publish(fake_site(tmp_path / "v1", {"a/index.html": "甲"}), target, now=T0)
    assert target.current().name == first
    assert "甲" in served(target, "a/index.html")
    second = publish(fake_site(tmp_path / "v2", {"a/index.html": "甲二", "b/index.html": "乙"}), target,
                     now=T0 + dt.timedelta(hours=1))
    assert target.names() == [first, second]
    assert "甲二" in served(target, "a/index.html")
    assert target.current_link.is_symlink()


def test_a_release_that_drops_a_published_page_is_refused(tmp_path):
    target = Target(tmp_path / "www")
    publish(fake_site(tmp_path / "v1", {"a/index.html": "甲", "b/index.html": "乙"}), target, now=T0)
    with pytest.raises(PublishError) as refused:
        publish(fake_site(tmp_path / "v2", {"a/index.html": "甲"}), target, now=T0 + dt.timedelta(hours=1))
    assert "新版本会让以下已发布的网址消失：\n  /b/\n" in str(refused.value)
    assert len(target.names()) == 1
    assert not list(target.releases.glob(".incoming-*"))
    publish(fake_site(tmp_path / "v3", {"a/index.html": "甲"}), target, allow_removal={"/b/"},
            now=T0 + dt.timedelta(hours=2))
    assert len(target.names()) == 2


def test_a_half_built_site_is_refused_and_nothing_changes(tmp_path):
    target = Target(tmp_path / "www")
    first = publish(fake_site(tmp_path / "v1", {"a/index.html": "甲"}), target, now=T0)
    broken = fake_site(tmp_path / "v2", {"a/index.html": "甲"})
    (broken / "a/index.html").write_text("<html><body>甲 ……", encoding="utf-8")
    (broken / "404.html").unlink()
    with pytest.raises(PublishError) as refused:
        publish(broken, target, now=T0 + dt.timedelta(hours=1))
    assert str(refused.value).splitlines() == [
        "网站缺少 404.html，可能没有生成完整。请重新运行“gongkai build”。",
        "页面 a/index.html 不完整（没有以 </html> 结束）。请重新运行“gongkai build”。",
    ]
    assert target.names() == [first] and target.current().name == first


def test_a_site_with_a_broken_link_is_refused(tmp_path):
    target = Target(tmp_path / "www")
    site = fake_site(tmp_path / "v1", {"a/index.html": '<a href="../b/">乙</a> <a href="../">首页</a>'
                                       ' <img src="/tu.png"> <a href="https://www.gov.cn/">外站</a>'})
    with pytest.raises(PublishError) as refused:
        publish(site, target, now=T0)
    assert str(refused.value).splitlines() == [
        "链接指向不存在的文件：a/index.html → ../b/。请改正链接后重新运行“gongkai build”。",
        "链接指向不存在的文件：a/index.html → /tu.png。请改正链接后重新运行“gongkai build”。",
    ]
    assert target.names() == []
    (site / "b").mkdir()
    (site / "b/index.html").write_text("<html></html>", encoding="utf-8")
    (site / "tu.png").write_bytes(b"png")
    assert publish(site, target, now=T0) in target.names()


def test_the_sample_portal_has_no_broken_link(tmp_path):
    portal = copy_portal(tmp_path)
    assert run_gongkai(portal, "build")[0] == 0
    assert broken_links(portal / "site") == []


def test_a_paginated_portal_has_no_broken_link(tmp_path):
    portal = generate_portal(tmp_path / "big", 240)
    assert run_gongkai(portal, "build")[0] == 0
    assert (portal / "site/zhengce/3/index.html").is_file()
    assert broken_links(portal / "site") == []


def test_rollback_serves_the_previous_release(tmp_path):
    target = Target(tmp_path / "www")
    first = publish(fake_site(tmp_path / "v1", {"a/index.html": "旧"}), target, now=T0)
    publish(fake_site(tmp_path / "v2", {"a/index.html": "新"}), target, now=T0 + dt.timedelta(hours=1))
    assert rollback(target) == first
    assert "旧" in served(target, "a/index.html")
    with pytest.raises(PublishError, match="没有更早的发布版本可以回退"):
        rollback(target)


def test_prune_keeps_current_and_previous(tmp_path):
    target = Target(tmp_path / "www")
    names = [publish(fake_site(tmp_path / f"v{i}", {"a/index.html": f"第 {i} 版"}), target,
                     now=T0 + dt.timedelta(hours=i))
             for i in range(5)]
    rollback(target, names[1])
    assert prune(target, keep=1) == [names[2], names[3]]
    assert target.names() == [names[0], names[1], names[4]]


def test_cli_build_then_publish_then_rollback(make_site, tmp_path):
    site = make_site(paired_site_files())
    www = tmp_path / "www"
    assert run_gongkai(site, "build")[0] == 0
    code, _, err = run_gongkai(site, "publish", "--to", str(www))
    assert code == 0, err
    assert (www / "current/policies/2017/seed/index.html").is_file()
    (site / "content/interpretations/2017/seed-jiedu.md").unlink()
    (site / "content/policies/2017/seed.md").unlink()
    assert run_gongkai(site, "build")[0] == 0
    code, _, err = run_gongkai(site, "publish", "--to", str(www))
    assert code == 1
    assert "/policies/2017/seed/" in err and "正在服务的网站保持不变" in err
    code, out, _ = run_gongkai(site, "releases", "--to", str(www))
    assert code == 0 and out.startswith("* ")
