"""A server the build machine cannot write to: the archive goes over SSH with rsync, and the
server's own `gongkai publish --from` verifies and switches (README “通过 SSH 发布”)."""

from __future__ import annotations

import contextlib
import getpass
import os
import shlex
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gongkai.publish.archive import package
from gongkai.publish.releases import Target
from tests.e2e.harness import free_port, gongkai_command
from tests.test_publish import T0, fake_site
from tests.test_publish_archive import DAY

SSHD = Path("/usr/sbin/sshd")
TOOLS = (SSHD, shutil.which("ssh"), shutil.which("rsync"), shutil.which("ssh-keygen"))


def sshd_config(folder: Path, port: int) -> Path:
    for name in ("host_key", "user_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
    shutil.copy(folder / "user_key.pub", folder / "authorized_keys")
    config = folder / "sshd_config"
    config.write_text(f"""\
ListenAddress 127.0.0.1
Port {port}
HostKey {folder / "host_key"}
PidFile {folder / "sshd.pid"}
AuthorizedKeysFile {folder / "authorized_keys"}
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
""", encoding="utf-8")
    return config


@contextlib.contextmanager
def sshd(folder: Path) -> Iterator[int]:
    """An SSH server on 127.0.0.1 for the current user, or a skip saying why it cannot start."""
    if not all(TOOLS):
        pytest.skip("sshd, ssh or rsync is not installed (make test installs Debian's openssh-server and rsync)")
    folder.mkdir()
    port = free_port()
    config = sshd_config(folder, port)
    # Debian's sshd wants its privilege separation folder, which only exists once it has run.
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    server = subprocess.Popen([str(SSHD), "-D", "-e", "-f", str(config)], stderr=subprocess.PIPE, text=True)
    try:
        # Waits for readiness, not for speed: the test asserts no duration.
        for _ in range(100):
            if server.poll() is not None:
                pytest.skip(f"sshd could not start on 127.0.0.1: {server.stderr.read().strip()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.skip("sshd did not listen on 127.0.0.1 within 10 seconds")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def ssh_options(folder: Path, port: int) -> list[str]:
    return ["-i", str(folder / "user_key"), "-p", str(port), "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={folder / 'known_hosts'}"]


def test_an_archive_sent_with_rsync_over_ssh_is_verified_and_switched(tmp_path):
    site = fake_site(tmp_path / "site", {"a/index.html": "经 SSH 发布"})
    archive = tmp_path / "fabu.tar"
    package(site, archive, commit="0123abc", as_of=DAY, now=T0)
    server = tmp_path / "server"
    (server / "incoming").mkdir(parents=True)
    www = server / "gongkai"
    with sshd(tmp_path / "sshd") as port:
        options = ssh_options(tmp_path / "sshd", port)
        login = f"{getpass.getuser()}@127.0.0.1"
        sent = subprocess.run(["rsync", "--partial", "-t", "-e", shlex.join(["ssh", *options]),
                               str(archive), f"{login}:{server / 'incoming'}/"], capture_output=True, text=True)
        assert sent.returncode == 0, sent.stderr
        remote = shlex.join([*gongkai_command(), "publish", "--from", str(server / "incoming/fabu.tar"),
                             "--to", str(www)])
        run = subprocess.run(["ssh", *options, login, remote], capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        target = Target(www)
        assert run.stderr.startswith(f"已发布版本 {target.current().name}：{www / 'current'} 现指向它。")
        assert target.current_link.is_symlink()
        assert "经 SSH 发布" in (www / "current/a/index.html").read_text(encoding="utf-8")
        # A copy damaged on the way is refused on the server, naming the file; nothing changes.
        data = bytearray(archive.read_bytes())
        data[data.index("经 SSH 发布".encode())] ^= 1
        archive.write_bytes(bytes(data))
        assert subprocess.run(["rsync", "--checksum", "-t", "-e", shlex.join(["ssh", *options]), str(archive),
                               f"{login}:{server / 'incoming'}/"]).returncode == 0
        run = subprocess.run(["ssh", *options, login, remote], capture_output=True, text=True)
        assert run.returncode == 1
        assert "archive-tampered 发布包中的 a/index.html 与清单不符" in run.stderr
        assert len(target.names()) == 1
