"""`gongkai package` and `gongkai publish --from ARCHIVE`: verified whole before any switch."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import tarfile

import pytest

from gongkai.publish.archive import package
from gongkai.publish.manifest import hash_file, read_manifest
from gongkai.publish.releases import PublishError, Target, publish
from tests.conftest import paired_site_files, run_gongkai
from tests.test_build_safety import snapshot as snapshot_all
from tests.test_publish import T0, fake_site

AGAIN = "发布包在传输中损坏或被改动过：请在生成机器上重新运行“gongkai package”并重新传输。"
DAY = dt.date(2026, 11, 29)


@pytest.fixture
def packed(tmp_path):
    site = fake_site(tmp_path / "site", {"a/index.html": "甲：一字不差", "a/b.html": "乙"})
    (site / "a/fujian.csv").write_text("名称,金额\n", encoding="utf-8")
    archive = tmp_path / "site.tar"
    package(site, archive, commit="0123abc", as_of=DAY, now=T0)
    return site, archive


def snapshot(folder) -> dict[str, str]:
    """Every file but the lock, which names the last run that held it."""
    return {rel: digest for rel, digest in snapshot_all(folder).items() if rel != "publish.lock"}


def refused(archive, target) -> str:
    target.root.mkdir(exist_ok=True)
    before = snapshot(target.root)
    with pytest.raises(PublishError) as caught:
        publish(archive, target, now=T0)
    assert snapshot(target.root) == before
    assert not list(target.releases.glob(".*"))
    return str(caught.value)


def test_an_archive_lists_every_file_with_size_hash_commit_and_dates(packed):
    site, archive = packed
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile(".gongkai-release.json").read())
    assert names == [".gongkai-release.json", "404.html", "a/b.html", "a/fujian.csv", "a/index.html",
                     "index.html", "sitemap.xml"]
    assert manifest["files"]["a/fujian.csv"] == {"size": 14, "sha256": hash_file(site / "a/fujian.csv")}
    assert (manifest["commit"], manifest["as_of"], manifest["packaged_at"]) == (
        "0123abc", "2026-11-29", "2026-11-29T08:00:00Z")
    assert manifest["built_at"].endswith("Z") and manifest["pages"] == ["/", "/404.html", "/a/", "/a/b.html"]


def test_a_verified_archive_is_published_with_its_manifest(packed, tmp_path):
    site, archive = packed
    target = Target(tmp_path / "www")
    name = publish(archive, target, now=T0)
    assert target.current().name == name
    assert snapshot(target.current()) == snapshot(site) | {".gongkai-release.json": snapshot(target.current())[
        ".gongkai-release.json"]}
    assert read_manifest(target.current())["commit"] == "0123abc"


def test_one_byte_changed_in_an_archive_is_refused_naming_the_file(packed, tmp_path):
    _, archive = packed
    data = bytearray(archive.read_bytes())
    at = data.index("一字不差".encode())
    data[at] ^= 1
    archive.write_bytes(bytes(data))
    message = refused(archive, Target(tmp_path / "www"))
    assert message.startswith(f"{archive}: archive-tampered 发布包中的 a/index.html 与清单不符（SHA-256 应为 ")
    assert message.endswith(f"）。{AGAIN}") and "\n" not in message


def repack(archive, change) -> None:
    """Rewrite ``archive`` with ``change(name, bytes)`` applied to each file (None drops it)."""
    with tarfile.open(archive) as tar:
        files = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    with tarfile.open(archive, "w:gz") as tar:
        for name, data in list(files.items()) + [("extra/x.js", b"")]:
            data = change(name, data)
            if data is not None:
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))


def test_missing_extra_and_resized_files_are_each_named(packed, tmp_path):
    _, archive = packed
    changes = {"a/b.html": None, "a/fujian.csv": b"x", "extra/x.js": b"alert(1)"}
    repack(archive, lambda name, data: changes.get(name, data) if name in changes else data)
    assert refused(archive, Target(tmp_path / "www")).splitlines() == [
        f"{archive}: archive-missing 清单列出的 a/b.html 不在发布包中。{AGAIN}",
        f"{archive}: archive-tampered 发布包中的 a/fujian.csv 与清单不符（大小应为 14 字节，实为 1 字节）。{AGAIN}",
        f"{archive}: archive-extra 发布包中的 extra/x.js 不在清单中。{AGAIN}",
    ]


def test_a_truncated_or_unlisted_archive_is_refused(packed, tmp_path):
    _, archive = packed
    truncated = tmp_path / "truncated.tar"
    truncated.write_bytes(archive.read_bytes()[:-3000])
    assert refused(truncated, Target(tmp_path / "www")).startswith(
        f"{truncated}: archive-unreadable 这不是一个完整的发布包（")
    repack(archive, lambda name, data: None if name == ".gongkai-release.json" else data)
    assert refused(archive, Target(tmp_path / "www")) == (
        f"{archive}: archive-no-manifest 发布包里没有清单 .gongkai-release.json，无法核对其中的文件。"
        "请用“gongkai package”生成发布包。")


def test_a_link_in_an_archive_is_refused(packed, tmp_path):
    _, archive = packed
    with tarfile.open(archive, "a") as tar:
        link = tarfile.TarInfo("a/passwd")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    assert refused(archive, Target(tmp_path / "www")) == (
        f"{archive}: archive-member 发布包中的 a/passwd 不是普通文件（链接或设备）。{AGAIN}")


def test_cli_package_then_publish_from_the_archive(make_site, tmp_path):
    portal = make_site(paired_site_files())
    git = ["git", "-c", "user.name=编辑", "-c", "user.email=bianji@example.gov.cn"]
    subprocess.run(["git", "init", "-q"], cwd=portal, check=True)
    subprocess.run(["git", "add", "content", "mkdocs.yml"], cwd=portal, check=True)
    subprocess.run([*git, "commit", "-qm", "政策"], cwd=portal, check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=portal, capture_output=True, text=True).stdout.strip()
    assert run_gongkai(portal, "build")[0] == 0
    code, _, err = run_gongkai(portal, "package", "--output", "fabu.tar")
    assert code == 0, err
    assert err.startswith("已生成发布包 fabu.tar：") and f"提交 {commit}。" in err
    code, _, err = run_gongkai(tmp_path, "publish", "--from", str(portal / "fabu.tar"), "--to", str(tmp_path / "www"))
    assert code == 0, err
    assert read_manifest(tmp_path / "www/current")["commit"] == commit
    assert (tmp_path / "www/current/policies/2017/seed/index.html").is_file()
