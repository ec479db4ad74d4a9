"""`gongkai serve` as an editor uses it: the page open in the browser shows a saved edit by itself,
the reload script is allowed by the page's policy, and only the edited page is made again."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request

from .harness import AS_OF, copy_sample_portal, free_port, gongkai_command

PAGE = "policies/2017/tongcaiyu-2017-88/"
SOURCE = "content/policies/2017/tongcaiyu-2017-88.md"


def test_a_saved_edit_appears_in_the_open_page_by_itself(tmp_path, chromium):
    root = copy_sample_portal(tmp_path / "portal")
    port = free_port()
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"dev_addr: 127.0.0.1:{port}\n", encoding="utf-8")
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen([*gongkai_command(), "--as-of", AS_OF, "serve"], cwd=root, stdout=log, stderr=log,
                              start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    context = chromium.new_context()
    try:
        url = f"http://127.0.0.1:{port}/{PAGE}"
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the preview did not answer within 300 s"
                time.sleep(0.5)
        page = context.new_page()
        blocked: list[str] = []
        page.on("console", lambda message: blocked.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(url)
        assert "按月公开全市财政收支情况" in page.inner_text("main")
        source = root / SOURCE
        source.write_text(source.read_text(encoding="utf-8") + "\n预览中新加的一段话。\n", encoding="utf-8")
        # No reload by the test: the page's own reload script must bring the edit.
        page.get_by_text("预览中新加的一段话").wait_for(timeout=120_000)
        assert blocked == []
    finally:
        context.close()
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=60)
        log.close()
    said = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in said
    assert "重新生成 1 个文件" in said, said
