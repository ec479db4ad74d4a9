"""编辑指南.md is run as written: every command in its ```sh blocks, every file it shows, every output.

The guide is followed in a copy of the sample portal under git: files shown with
title="path" are written, each command runs in a shell, a ```text block right after a command
block is output that command must print. What an editor would bring from elsewhere (a PDF,
an old system's export) is prepared first; the Excel workbook is edited as a person would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import AS_OF, ROOT

GUIDE = ROOT / "编辑指南.md"
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```\n", re.M | re.S)
TITLE = re.compile(r'title="([^"]+)"')
COMMAND_PREFIXES = ("gongkai", "git", "cp")


def blocks() -> list[tuple[str, str | None, str]]:
    """(language, file path or None, text) of each fenced block, in order."""
    return [(lang, (TITLE.search(info) or [None, None])[1], text)
            for lang, info, text in FENCE.findall(GUIDE.read_text(encoding="utf-8"))]


def commands() -> list[str]:
    return [line for lang, _, text in blocks() if lang == "sh"
            for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_command_is_one_the_test_can_run():
    found = commands()
    assert len(found) >= 12
    assert all(c.split()[0] in COMMAND_PREFIXES for c in found), found
    # Commands named in the prose are among those run.
    text = FENCE.sub("", GUIDE.read_text(encoding="utf-8"))
    for inline in re.findall(r"`((?:gongkai|git|pre-commit) [^`]+)`", text):
        assert any(c.startswith(inline) for c in found), inline


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def portal(tmp_path) -> Path:
    """The sample portal under git, as an office keeps it, serving previews on a free port."""
    site = tmp_path / "门户"
    for name in ("content", "data", "theme_overrides"):
        shutil.copytree(ROOT / name, site / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(f"{config}\ndev_addr: 127.0.0.1:{free_port()}\n", encoding="utf-8")
    (site / ".gitignore").write_text("site/\n", encoding="utf-8")
    (site / "收到的文件").mkdir()
    (site / "收到的文件/feishui-mulu.pdf").write_bytes(b"%PDF-1.4\n% sample\n%%EOF\n")
    old = [{"id": "jiu-2010", "title": "通辽市档案管理办法", "issuer": "通辽市人民政府", "doc_number": None,
            "date_issued": "2010-05-01", "date_effective": "2010-06-01", "status": "已修改", "category": "规章",
            "body_markdown": "第一条 为了加强档案管理，制定本办法。"},
           {"id": "xin-2021", "title": "通辽市档案条例实施办法", "issuer": "通辽市人民政府", "doc_number": None,
            "date_issued": "2021-03-01", "date_effective": "2021-04-01", "status": "有效", "category": "规章",
            "body_markdown": "第三十条 本办法自2021年4月1日起施行。《通辽市档案管理办法》同时废止。"}]
    (site / "旧系统导出.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in old) + "\n",
                                         encoding="utf-8")
    env = shell_env(site)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "门户"]):
        subprocess.run(["git", *args], cwd=site, env=env, check=True, capture_output=True)
    return site


def shell_env(site: Path) -> dict[str, str]:
    return os.environ | {
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "GONGKAI_AS_OF": AS_OF,
        "GIT_AUTHOR_NAME": "编辑", "GIT_AUTHOR_EMAIL": "editor@example.gov.cn",
        "GIT_COMMITTER_NAME": "编辑", "GIT_COMMITTER_EMAIL": "editor@example.gov.cn",
    }


def preview(site: Path, command: str) -> None:
    """Start the preview, wait for its first page, then stop it as the guide says (Ctrl+C)."""
    port = re.search(r"dev_addr: 127\.0\.0\.1:(\d+)", (site / "mkdocs.yml").read_text(encoding="utf-8"))[1]
    log = (site.parent / "serve.log").open("wb")
    # Ctrl+C must reach it even when the tests run as a background job, whose shell ignores SIGINT.
    server = subprocess.Popen(command, shell=True, cwd=site, env=shell_env(site), stdout=log, stderr=log,
                              start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            assert server.poll() is None, (site.parent / "serve.log").read_text(encoding="utf-8")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/policies/2026/tongcaigui-2026-2/",
                                            timeout=5) as page:
                    body = page.read().decode("utf-8")
                break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("the preview did not answer within 300 s")
        assert "通辽市政府非税收入管理办法" in body
    finally:
        os.killpg(server.pid, 2)
        server.wait(timeout=60)
        log.close()


def edit_workbook_as_a_person_would(site: Path) -> None:
    """Add one fee in the downloaded workbook, as an editor would in Excel."""
    path = site / "收费清单.xlsx"
    if path.exists():
        book = load_workbook(path)
        fee = {"执收单位": "通辽市财政局", "项目名称": "测试新增收费项目", "类别": "行政事业性收费",
               "收费标准": "每件5元", "收费依据": "《关于测试收费的通知》（通财规〔2026〕2号）",
               "资金管理方式": "缴入国库"}
        # Under the column headings, wherever they are (sample data leads with a 示例 column).
        book.active.append([fee.get(cell.value) for cell in book.active[1]])
        book.save(path)


def test_the_guide_runs_as_written(portal):
    env = shell_env(portal)
    steps = blocks()
    for index, (lang, path, text) in enumerate(steps):
        if path:
            (portal / path).write_text(text, encoding="utf-8")
            continue
        if lang != "sh":
            continue
        expected = steps[index + 1][2] if index + 1 < len(steps) and steps[index + 1][0] == "text" else None
        for command in (c for c in text.splitlines() if c.strip() and not c.startswith("#")):
            if command == "gongkai import fees 收费清单.xlsx":
                edit_workbook_as_a_person_would(portal)
            if command == "gongkai serve":
                preview(portal, command)
                continue
            done = subprocess.run(command, shell=True, cwd=portal, env=env, capture_output=True, text=True)
            said = done.stdout + done.stderr
            assert "Traceback" not in said, command
            if expected is None:
                assert done.returncode == 0, f"{command}\n{said}"
            else:
                for line in expected.splitlines():
                    assert line in said, f"{command}\n{said}"
    # What the guide did is in the portal, committed and passing.
    log = subprocess.run(["git", "log", "--format=%s"], cwd=portal, capture_output=True, text=True).stdout
    assert log.splitlines()[0].startswith("发布通财规〔2026〕2号及其解读")
    fees = (portal / "data/fees.yml").read_text(encoding="utf-8")
    assert "项目名称: 测试新增收费项目" in fees
    assert "废止:\n# 依据正文：《通辽市档案管理办法》同时废止。\n- policies/fagui/jiu-2010\n" in (
        portal / "content/policies/fagui/xin-2021.md").read_text(encoding="utf-8")
    assert (portal / "site/policies/2026/tongcaigui-2026-2/index.html").is_file()
