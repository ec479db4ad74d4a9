"""Every way a publish can fail ends in a message saying what to do, and changes nothing."""

from __future__ import annotations

import errno
import shutil
from collections import namedtuple

import pytest

from gongkai.publish import disk, releases
from gongkai.publish.releases import PublishError, Target, publish
from tests.conftest import paired_site_files, run_gongkai
from tests.test_build_safety import snapshot as snapshot_all
from tests.test_publish import T0, fake_site

Usage = namedtuple("Usage", "total used free")
LATER = T0.replace(hour=9)


@pytest.fixture
def published(tmp_path):
    """A target with one release, and a second site ready to publish into it."""
    target = Target(tmp_path / "www")
    publish(fake_site(tmp_path / "v1", {"a/index.html": "甲"}), target, now=T0)
    return target, fake_site(tmp_path / "v2", {"a/index.html": "甲二"})


def snapshot(folder) -> dict[str, str]:
    """Every file but the lock, which names the last run that held it."""
    return {rel: digest for rel, digest in snapshot_all(folder).items() if rel != "publish.lock"}


def refused(site, target, **kw) -> str:
    before = snapshot(target.root) if target.root.is_dir() else None
    with pytest.raises(PublishError) as caught:
        publish(site, target, now=LATER, **kw)
    if before is not None:
        assert snapshot(target.root) == before
    assert not (target.root / ".current.new").exists()
    return str(caught.value)


def test_a_full_disk_is_refused_before_copying_with_bytes_needed_and_free(published, monkeypatch):
    target, site = published
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _: Usage(10**9, 10**9 - 1000, 1000))
    # Four files of under a block each, and two folders (the site and a/): six 4 KB blocks.
    assert refused(site, target) == (
        f"{target.releases}: disk-full 磁盘空间不足：新版本需要 24,576 字节（0.0 MB），"
        f"{target.releases} 所在的磁盘只剩 1,000 字节（0.0 MB）。请清理磁盘，或用 --keep 保留更少的旧版本后重试。")
    assert not list(target.releases.glob(".incoming-*"))


def test_a_disk_filling_up_during_the_copy_is_a_message(published, monkeypatch):
    target, site = published
    monkeypatch.setattr(disk.shutil, "disk_usage", lambda _: Usage(10**9, 0, 5 * 1024 * 1024))

    def copy_until_full(source, destination):
        (destination / "a").mkdir(parents=True)
        raise OSError(errno.ENOSPC, "No space left on device", str(destination / "a/index.html"))

    monkeypatch.setattr(releases.shutil, "copytree", copy_until_full)
    assert refused(site, target) == (
        f"{target.root}: disk-full 磁盘空间不足：{target.root} 所在的磁盘只剩 5,242,880 字节（5.0 MB）。"
        "请清理磁盘，或用 --keep 保留更少的旧版本后重试。")
    assert not list(target.releases.glob(".incoming-*"))


def test_a_target_the_user_may_not_write_is_a_message(published, monkeypatch):
    target, site = published

    def denied(source, destination):
        raise PermissionError(errno.EACCES, "Permission denied", str(destination))

    monkeypatch.setattr(releases.shutil, "copytree", denied)
    message = refused(site, target)
    assert message.startswith(f"{target.releases}/.incoming-20261129T090000Z-")
    assert message.endswith(f": no-permission 没有权限写入。请以对 {target.root} 有写权限的用户运行"
                            "（如网站服务器上负责发布的账号），或请管理员修改该目录的权限。")


def test_a_folder_holding_something_else_is_not_a_release_folder(tmp_path):
    www = tmp_path / "html"
    fake_site(www, {"old/index.html": "旧网站"})
    assert refused(fake_site(tmp_path / "v1", {}), Target(www)) == (
        f"{www}: not-a-release-folder 这不是发布目录：其中已有其他文件（404.html、index.html、old、sitemap.xml），"
        "却没有 releases/ 和 current。请指定一个新的空文件夹（网站服务器的根目录指向其中的 current），"
        "或已用 gongkai publish 发布过的目录。")
    assert sorted(p.name for p in www.iterdir()) == ["404.html", "index.html", "old", "sitemap.xml"]


def test_a_file_is_not_a_target(tmp_path):
    www = tmp_path / "www"
    www.write_text("", encoding="utf-8")
    assert refused(fake_site(tmp_path / "v1", {}), Target(www)) == (
        f"{www}: not-a-folder 发布目录是一个文件，不是文件夹。请指定一个文件夹。")


def test_current_replaced_by_a_real_folder_is_refused(published):
    target, site = published
    release = target.current()
    target.current_link.unlink()
    shutil.copytree(release, target.current_link)
    assert refused(site, target) == (
        f"{target.current_link}: current-not-link current 应是指向 releases/ 中某个版本的符号链接，"
        "现在却是普通的文件夹（可能被手工替换过）。请确认其中没有需要保留的内容后把它改名移走（如 current.bak），再重新发布。")
    assert target.names() == [release.name]


@pytest.mark.parametrize("where", ["site", "site/www", "."])
def test_publishing_into_itself_is_refused(tmp_path, where):
    site = fake_site(tmp_path / "site", {"a/index.html": "甲"})
    target = Target(tmp_path / where)
    if where == ".":
        site = fake_site(tmp_path / "www/site", {"a/index.html": "甲"})
    assert refused(site, target) == (
        f"{target.root}: publish-into-itself 发布目录与生成的网站 {site.resolve()} 重叠，发布会把网站复制进它自己。"
        "请发布到网站目录之外的文件夹，如 /srv/gongkai。")
    assert not (target.root / "releases").exists()


def test_cli_publish_to_site_is_a_message_not_a_traceback(make_site):
    portal = make_site(paired_site_files())
    assert run_gongkai(portal, "build")[0] == 0
    before = snapshot(portal / "site")
    code, out, err = run_gongkai(portal, "publish", "--to", "site")
    assert (code, out) == (1, "")
    assert err == (f"site: publish-into-itself 发布目录与生成的网站 {(portal / 'site').resolve()} 重叠，"
                   "发布会把网站复制进它自己。请发布到网站目录之外的文件夹，如 /srv/gongkai。\n"
                   "没有发布，正在服务的网站保持不变。\n")
    assert snapshot(portal / "site") == before
