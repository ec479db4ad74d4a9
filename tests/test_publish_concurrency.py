"""Two runs at once: one publishes (or builds), the other is told why; nothing is torn."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from gongkai.lock import build_lock, hold
from gongkai.publish.manifest import make_manifest, read_manifest
from gongkai.publish.releases import Target, publish
from tests.conftest import paired_site_files
from tests.e2e.harness import gongkai_command
from tests.test_publish import T0, fake_site

ROUNDS = 30


def start(*args: str, cwd: Path | None = None) -> subprocess.Popen:
    return subprocess.Popen([*gongkai_command(), "--as-of", "2026-11-29", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(run: subprocess.Popen) -> tuple[int, str]:
    out, err = run.communicate(timeout=300)
    return run.returncode, out + err


def holder(lock_file: Path) -> str:
    pid, _, started = lock_file.read_text(encoding="utf-8").strip().partition(" ")
    return f"进程 {pid}，开始于 {started}"


def test_thirty_rounds_of_two_publishes_at_once(tmp_path):
    www = tmp_path / "www"
    target = Target(www)
    for round_ in range(ROUNDS):
        site = fake_site(tmp_path / f"site{round_}",
                         {f"p{i}/index.html": f"第 {round_} 轮，第 {i} 页" for i in range(150)})
        runs = [start("publish", "--from", str(site), "--to", str(www), "--keep", "100") for _ in range(2)]
        results = sorted(finish(run) for run in runs)
        for _, output in results:
            assert "Traceback" not in output, output
        published = [o for c, o in results if c == 0 and "已发布版本" in o]
        others = [o for _, o in results if o not in published]
        assert len(published) == 1, results
        assert len(target.names()) == round_ + 1
        current = target.current()
        assert published[0].startswith(f"已发布版本 {current.name}：")
        (other,) = others
        assert (f"{www}/publish.lock: publish-busy 发布目录 {www} 正由另一次运行使用（进程 " in other
                or other == f"没有发布新版本：内容与正在服务的版本 {current.name} 完全相同。\n"), other
        assert read_manifest(current)["files"] == make_manifest(site)["files"]
        assert make_manifest(current)["files"] == make_manifest(site)["files"]
        assert not list(target.releases.glob(".*")) and not (www / ".current.new").exists()


def test_a_publish_waits_for_a_build_of_the_site_it_copies(tmp_path):
    # An incremental build changes site/ in place: a publish must not copy it meanwhile.
    www = tmp_path / "www"
    site = fake_site(tmp_path / "site", {"a/index.html": "甲"})
    lock = build_lock(site)
    with hold(lock, f"输出目录 {site}/", "build-busy"):
        code, output = finish(start("publish", "--from", str(site), "--to", str(www)))
        assert code == 1 and output.startswith(f"{lock}: build-busy 输出目录 {site}/ 正由另一次运行使用（")
        assert not (www / "current").exists()
    code, output = finish(start("publish", "--from", str(site), "--to", str(www)))
    assert code == 0 and output.startswith("已发布版本 ")


def test_a_publish_while_another_holds_the_target_is_refused_naming_it(tmp_path):
    www = tmp_path / "www"
    first = publish(fake_site(tmp_path / "v1", {"a/index.html": "甲"}), Target(www), now=T0)
    site = fake_site(tmp_path / "v2", {"a/index.html": "甲二"})
    lock = www / "publish.lock"
    with hold(lock, f"发布目录 {www}", "publish-busy"):
        code, output = finish(start("publish", "--from", str(site), "--to", str(www)))
        assert code == 1
        assert output == (f"{lock}: publish-busy 发布目录 {www} 正由另一次运行使用（{holder(lock)}）。"
                          "本次没有做任何改动：请等那次运行结束后重试，或加 --wait 秒数 让本次等待。\n"
                          "没有发布，正在服务的网站保持不变。\n")
        code, output = finish(start("publish", "--from", str(site), "--to", str(www), "--wait", "0.3"))
        assert code == 1 and f"（{holder(lock)}）。等了 0.3 秒仍未结束。本次没有做任何改动" in output
        code, output = finish(start("rollback", "--to", str(www)))
        assert code == 1 and "publish-busy" in output
    assert Target(www).names() == [first]
    code, output = finish(start("publish", "--from", str(site), "--to", str(www)))
    assert code == 0 and output.startswith("已发布版本 ")


def test_leftovers_of_killed_publishes_are_cleaned_by_the_next(tmp_path):
    target = Target(tmp_path / "www")
    first = publish(fake_site(tmp_path / "v1", {"a/index.html": "甲"}), target, now=T0)
    (target.releases / ".incoming-20261129T070000Z-4242/a").mkdir(parents=True)
    (target.releases / ".incoming-20261129T070000Z-4242/a/index.html").write_text("<html>半", encoding="utf-8")
    (target.root / ".current.new").symlink_to(Path("releases") / first)
    (target.root / ".ledger.json.4242").write_text("{", encoding="utf-8")
    publish(fake_site(tmp_path / "v2", {"a/index.html": "甲二"}), target, now=T0.replace(hour=9))
    assert sorted(p.name for p in target.root.iterdir()) == ["current", "ledger.json", "publish.lock", "releases"]
    assert not list(target.releases.glob(".*"))


def portal(make_site) -> Path:
    return make_site(paired_site_files())


def test_a_build_while_another_holds_site_is_refused_naming_it(make_site):
    site = portal(make_site)
    lock = site / ".site-build.lock"
    with hold(lock, f"输出目录 {site / 'site'}/", "build-busy"):
        code, output = finish(start("build", cwd=site))
        assert code == 1
        assert output == (f".site-build.lock: build-busy 输出目录 site/ 正由另一次运行使用（{holder(lock)}）。"
                          "本次没有做任何改动：请等那次运行结束后重试，或加 --wait 秒数 让本次等待。\n")
    assert not (site / "site").exists()


def test_two_builds_at_once_leave_a_whole_site(make_site):
    site = portal(make_site)
    results = [finish(run) for run in [start("build", cwd=site) for _ in range(2)]]
    for code, output in results:
        assert "Traceback" not in output
        assert ("网站已生成" in output) if code == 0 else ("build-busy 输出目录 site/" in output)
    assert any(code == 0 for code, _ in results)
    assert (site / "site/index.html").is_file() and (site / "site/policies/2017/seed/index.html").is_file()
    assert left_next_to(site) == [".site-build.lock"]


def left_next_to(site, seconds: float = 10) -> list[str]:
    """What the builds left beside site/, once the old sites' background deletion is done (but
    .site.cache, the incremental build's state, which stays on purpose)."""
    deadline = time.monotonic() + seconds
    while True:
        left = sorted(p.name for p in site.iterdir() if p.name.startswith(".site") and p.name != ".site.cache")
        if not any(".trash-" in name for name in left) or time.monotonic() > deadline:
            return left
        time.sleep(0.05)
