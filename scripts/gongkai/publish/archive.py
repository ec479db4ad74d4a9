"""One archive per built site, for servers the build machine cannot write to: the site and a
manifest (every file's path, size and SHA-256, the git commit, the build date), verified whole
on the server before anything is switched."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tarfile
import zlib
from pathlib import Path

from .disk import bytes_needed, ensure_space
from .errors import PublishError
from .manifest import MANIFEST, hash_file, make_manifest
from .verify import verify_site

_AGAIN = "发布包在传输中损坏或被改动过：请在生成机器上重新运行“gongkai package”并重新传输。"


def package(site: Path, archive: Path, *, commit: str | None, as_of: dt.date, now: dt.datetime) -> dict:
    """Write ``site`` and its manifest into ``archive`` (.tar, or .tar.gz by its name); return the manifest."""
    problems = verify_site(site)
    if problems:
        raise PublishError("\n".join(problems))
    built = max(p.stat().st_mtime for p in site.rglob("*") if p.is_file())
    manifest = make_manifest(site) | {
        "commit": commit, "as_of": as_of.isoformat(), "packaged_at": _stamp(now),
        "built_at": _stamp(dt.datetime.fromtimestamp(built, dt.timezone.utc)),
    }
    data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    partial = archive.with_name(f".{archive.name}.{os.getpid()}")
    try:
        with tarfile.open(partial, "w:gz" if archive.name.endswith((".gz", ".tgz")) else "w") as tar:
            # The manifest first: a reader learns what to expect before any file.
            tar.addfile(_member(MANIFEST, len(data), now), io.BytesIO(data))
            for rel in manifest["files"]:
                with (site / rel).open("rb") as stream:
                    tar.addfile(_member(rel, manifest["files"][rel]["size"], now), stream)
        os.replace(partial, archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def _member(name: str, size: int, now: dt.datetime) -> tarfile.TarInfo:
    # Owner and mode of the build machine mean nothing on the server.
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o644, int(now.timestamp())
    return info


def unpack(archive: Path, into: Path) -> dict:
    """Extract ``archive`` into ``into`` and verify every file against its manifest."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            manifest = _read_manifest(archive, tar, members)
            odd = [m.name for m in members if not (m.isfile() or m.isdir())]
            if odd:
                raise PublishError("\n".join(f"{archive}: archive-member 发布包中的 {name} 不是普通文件（链接或设备）。{_AGAIN}"
                                             for name in odd))
            ensure_space(into.parent, bytes_needed([m.size for m in members if m.isfile()],
                                                    sum(m.isdir() for m in members) + 1))
            # "data": no absolute paths, no "..", no links out of the release.
            tar.extractall(into, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise PublishError(f"{archive}: archive-unreadable 这不是一个完整的发布包（{exc}）。{_AGAIN}") from None
    except OSError as exc:
        if exc.errno is not None:
            raise
        raise PublishError(f"{archive}: archive-unreadable 这不是一个完整的发布包（{exc}）。{_AGAIN}") from None
    problems = _differences(archive, into, manifest)
    if problems:
        raise PublishError("\n".join(problems))
    problems = verify_site(into)
    if problems:
        raise PublishError("\n".join(problems))
    return manifest


def _read_manifest(archive: Path, tar: tarfile.TarFile, members: list[tarfile.TarInfo]) -> dict:
    found = [m for m in members if m.name == MANIFEST and m.isfile()]
    if not found:
        raise PublishError(f"{archive}: archive-no-manifest 发布包里没有清单 {MANIFEST}，"
                           "无法核对其中的文件。请用“gongkai package”生成发布包。")
    try:
        manifest = json.loads(tar.extractfile(found[0]).read().decode("utf-8"))
        files = manifest["files"]
        assert all(isinstance(e["size"], int) and isinstance(e["sha256"], str) for e in files.values())
    except (ValueError, KeyError, TypeError, AssertionError):
        raise PublishError(f"{archive}: archive-no-manifest 发布包的清单 {MANIFEST} 无法读取。{_AGAIN}") from None
    return manifest


def _differences(archive: Path, folder: Path, manifest: dict) -> list[str]:
    """Each file that is missing, extra, or not the bytes the manifest lists, by name."""
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    problems = []
    for rel in sorted(present | set(manifest["files"])):
        expected = manifest["files"].get(rel)
        if expected is None:
            problems.append(f"{archive}: archive-extra 发布包中的 {rel} 不在清单中。{_AGAIN}")
        elif rel not in present:
            problems.append(f"{archive}: archive-missing 清单列出的 {rel} 不在发布包中。{_AGAIN}")
        elif (size := (folder / rel).stat().st_size) != expected["size"]:
            problems.append(f"{archive}: archive-tampered 发布包中的 {rel} 与清单不符"
                            f"（大小应为 {expected['size']} 字节，实为 {size} 字节）。{_AGAIN}")
        elif (digest := hash_file(folder / rel)) != expected["sha256"]:
            problems.append(f"{archive}: archive-tampered 发布包中的 {rel} 与清单不符"
                            f"（SHA-256 应为 {expected['sha256'][:12]}…，实为 {digest[:12]}…）。{_AGAIN}")
    return problems


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
