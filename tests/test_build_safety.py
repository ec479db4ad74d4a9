"""A failed check or build leaves the previously built site exactly as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import AS_OF, ROOT, SEED_POLICY, paired_site_files, run_gongkai

SEED_ID = "policies/2017/tongzhengbanzi-2017-157"
SEED_INTERP = "content/interpretations/2017/jiedu-tongzhengbanzi-2017-157.md"
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def copy_portal(tmp_path: Path) -> Path:
    """The repository's sample portal, copied so a test may break it."""
    site = tmp_path / "portal"
    for name in ("content", "data", "theme_overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, site / name)
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    return site


def mkdocs_build(site: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"GONGKAI_AS_OF": AS_OF}
    return subprocess.run([MKDOCS, "build"], cwd=site, capture_output=True, text=True, env=env)


def test_failed_gongkai_build_keeps_the_old_site(make_site):
    site = make_site(paired_site_files())
    assert run_gongkai(site, "build")[0] == 0
    before = snapshot(site / "site")
    cache = snapshot(site / ".site.cache")
    assert "policies/2017/seed/index.html" in before
    (site / "content/policies/2017/seed.md").write_text(SEED_POLICY.replace("2017-06-06", "2017-6-31"),
                                                        encoding="utf-8")
    code, out, err = run_gongkai(site, "build")
    assert code == 1
    assert "content/policies/2017/seed.md:8: bad-date" in out
    assert "原有的 site/ 保持不变" in out
    assert err.splitlines()[-1] == "生成失败（见上面的说明）。原有的 site/ 保持不变。"
    assert snapshot(site / "site") == before
    # The incremental build's state stays as the last good build left it; nothing else is left.
    assert snapshot(site / ".site.cache") == cache
    assert [p.name for p in site.iterdir() if p.name.startswith(".site.")] == [".site.cache"]


def test_failed_mkdocs_build_keeps_the_old_site(make_site):
    site = make_site(paired_site_files())
    assert mkdocs_build(site).returncode == 0
    before = snapshot(site / "site")
    (site / "content/interpretations/2017/seed-jiedu.md").unlink()
    result = mkdocs_build(site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/policies/2017/seed.md:2: missing-interpretation" in result.stderr
    assert snapshot(site / "site") == before


def test_removing_the_seed_interpretation_fails_check_and_build(tmp_path):
    site = copy_portal(tmp_path)
    assert run_gongkai(site, "check")[0] == 0
    saved = (site / SEED_INTERP).read_bytes()
    (site / SEED_INTERP).unlink()
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert out.startswith(f"content/{SEED_ID}.md:2: missing-interpretation 本政策文件没有政策解读。")
    result = mkdocs_build(site)
    assert result.returncode == 1
    assert f"content/{SEED_ID}.md:2: missing-interpretation" in result.stderr
    (site / SEED_INTERP).write_bytes(saved)
    assert run_gongkai(site, "check")[0] == 0
    assert mkdocs_build(site).returncode == 0
    assert (site / "site" / SEED_ID / "index.html").is_file()


def test_the_old_site_is_deleted_after_the_new_one_is_in_place_and_leftovers_next_time(make_site):
    from tests.test_publish_concurrency import left_next_to

    site = make_site(paired_site_files())
    assert run_gongkai(site, "build")[0] == 0
    (site / "site/only-in-the-old-site.html").write_text("旧", encoding="utf-8")
    # A deletion cut short by a power cut, from an earlier build.
    stale = site / ".site.old.trash-1-1"
    (stale / "policies").mkdir(parents=True)
    (stale / "policies/index.html").write_text("旧", encoding="utf-8")
    assert run_gongkai(site, "build")[0] == 0
    assert (site / "site/policies/2017/seed/index.html").is_file()
    assert not (site / "site/only-in-the-old-site.html").exists()
    assert [n for n in left_next_to(site) if n != ".site-build.lock"] == []


def test_a_wrong_setting_in_mkdocs_yml_is_named_in_chinese_and_the_old_site_kept(make_site):
    site = make_site(paired_site_files())
    assert run_gongkai(site, "build")[0] == 0
    before = snapshot(site / "site")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "theme:\n  name: material\n  custom_dir: zhuti\n",
                      encoding="utf-8")
    code, out, err = run_gongkai(site, "build")
    assert code == 1
    assert "mkdocs.yml: config 设置项“theme”有误（The path set in custom_dir" in out
    assert "生成失败（mkdocs.yml 的设置有误，见上面的说明）。原有的" in err and "Aborted" not in err
    assert snapshot(site / "site") == before


def test_a_strict_build_with_a_warning_says_so_in_chinese(make_site):
    site = make_site(paired_site_files(), plugin={"drafter_rule": "warning", "statutory_rule": "warning"})
    assert run_gongkai(site, "build")[0] == 0
    code, out, err = run_gongkai(site, "build", "--strict")
    assert code == 1 and "警告" in out
    assert err.splitlines()[-1] == "生成失败（有警告，按 --strict 视为不通过，见上面的说明）。原有的 site/ 保持不变。"
