"""Incremental builds: after each kind of edit, `gongkai build` renders only what changed, and the
site it leaves is byte for byte the site a clean build of the same sources makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import AS_OF, run_gongkai
from tests.test_build_safety import copy_portal, snapshot

AMENDED = "content/policies/2024/tongjiangui-2024-2.md"
EXPIRES_2027 = "content/policies/2022/tongjiangui-2022-1.md"


def build(portal: Path, target: Path, as_of: str = AS_OF) -> tuple[int, int]:
    """Build ``portal`` into ``target``; (files rendered again, files reused)."""
    code, out, err = run_gongkai(portal, "build", "--site-dir", str(target), as_of=as_of)
    assert code == 0, out + err
    found = re.search(r"重新生成 (\d+) 个文件，沿用 (\d+) 个", err)
    assert found, err
    return int(found[1]), int(found[2])


def write_pair(portal: Path, slug: str, number: str, index: str, day: str, extra: str = "") -> None:
    """A new policy and its interpretation, published on ``day``."""
    (portal / f"content/policies/2026/{slug}.md").write_text(
        f"---\n标题: 通辽市示例局关于{slug}的通知\n文号: {number}\n索引号: {index}\n发文机关: 通辽市人民政府办公厅\n"
        f"公文种类: 通知\n是否行政规范性文件: false\n主题分类:\n  - 综合政务\n成文日期: {day}\n发布日期: {day}\n"
        f"{extra}示例: true\n---\n\n正文第一段。\n\n正文第二段。\n", encoding="utf-8")
    (portal / f"content/interpretations/2026/jiedu-{slug}.md").write_text(
        f"---\n标题: {slug}解读\n解读对象:\n  - {number}\n解读形式: 文字\n解读人: 办公室\n"
        f"解读单位: 通辽市人民政府办公厅\n发布日期: {day}\n示例: true\n---\n\n## 背景\n\n解读正文。\n",
        encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


STEPS = []


def step(function):
    STEPS.append(function)
    return function


@step
def nothing_changed(portal: Path) -> str:
    return AS_OF


@step
def body_edited(portal: Path) -> str:
    path = portal / "content/policies/2017/tongcaiyu-2017-88.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n编辑补充的一段话。\n", encoding="utf-8")
    return AS_OF


@step
def document_added(portal: Path) -> str:
    write_pair(portal, "xinzeng", "通政办发〔2026〕90号", "11152300011556071A/2026-00090", "2026-11-20")
    return AS_OF


@step
def document_amended(portal: Path) -> str:
    write_pair(portal, "xiugai", "通政办发〔2026〕91号", "11152300011556071A/2026-00091", "2026-11-21",
               "修改:\n  - 通财预〔2017〕88号\n")
    return AS_OF


@step
def document_repealed(portal: Path) -> str:
    write_pair(portal, "feizhi", "通政办发〔2026〕92号", "11152300011556071A/2026-00092", "2026-11-22",
               "废止:\n  - 通民发〔2017〕45号\n")
    return AS_OF


@step
def expired_by_date(portal: Path) -> str:
    assert "有效期至: 2027-04-30" in (portal / EXPIRES_2027).read_text(encoding="utf-8")
    return "2027-05-01"


@step
def deleted_with_redirect(portal: Path) -> str:
    (portal / "content/policies/2026/xinzeng.md").unlink()
    (portal / "content/interpretations/2026/jiedu-xinzeng.md").unlink()
    redirects = portal / "data/redirects.yml"
    before = redirects.read_text(encoding="utf-8") if redirects.exists() else ""
    redirects.write_text(before + "/policies/2026/xinzeng/: /policies/2026/xiugai/\n", encoding="utf-8")
    return "2027-05-01"


@step
def template_changed(portal: Path) -> str:
    edit(portal / "theme_overrides/partials/gk-footer.html", "</footer>", "<p>页脚新增的一行</p></footer>")
    return "2027-05-01"


@step
def configuration_changed(portal: Path) -> str:
    edit(portal / "mkdocs.yml", "site_name: 通辽市人民政府信息公开（示例门户）", "site_name: 通辽市政府信息公开（示例）")
    return "2027-05-01"


def test_each_incremental_build_equals_a_clean_build(tmp_path):
    portal = copy_portal(tmp_path)
    site = portal / "site"
    rendered, reused = build(portal, site)
    assert reused == 0 and rendered > 100
    for n, change in enumerate(STEPS):
        as_of = change(portal)
        before = snapshot(site)
        rendered, reused = build(portal, site, as_of)
        clean_rendered, clean_reused = build(portal, tmp_path / f"clean-{n}", as_of)
        after = snapshot(site)
        assert clean_reused == 0, change.__name__
        assert after == snapshot(tmp_path / f"clean-{n}"), change.__name__
        assert rendered + reused == clean_rendered, change.__name__
        changed = {rel for rel in after.keys() | before.keys() if after.get(rel) != before.get(rel)}
        if change in (template_changed, configuration_changed):
            # Every page shows the footer and the site's name: all of them are made again.
            assert reused == 0, change.__name__
        else:
            # Only the pages the edit may change are made again, and the files MkDocs always
            # writes (404 page, sitemap).
            assert 0 < reused and rendered <= len(changed) + 40, (change.__name__, rendered, sorted(changed))
        if change is nothing_changed:
            assert changed == set() and rendered == 0


def test_a_build_cut_short_while_it_updates_the_site_is_finished_by_the_next(tmp_path, monkeypatch):
    from gongkai.publish.verify import verify_site
    from gongkai.reuse import apply

    portal = copy_portal(tmp_path)
    site = portal / "site"
    build(portal, site)
    body_edited(portal)
    document_added(portal)

    def power_cut(delta, target):
        # Half the moves done, then the machine stops.
        for rel in delta.moves[: len(delta.moves) // 2]:
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(delta.staging) / rel).replace(target / rel)
        raise RuntimeError("power cut")

    with monkeypatch.context() as patched:
        patched.setattr(apply, "_carry_out", power_cut)
        with pytest.raises(RuntimeError):
            run_gongkai(portal, "build", "--site-dir", str(site))
    assert verify_site(site) == [f"上次生成在更新 {site}/ 时中断，网站只更新了一部分。请重新运行“gongkai build”。"]
    code, _, err = run_gongkai(tmp_path, "publish", "--from", str(site), "--to", str(tmp_path / "www"))
    assert code == 1 and "只更新了一部分" in err and not (tmp_path / "www/current").exists()
    # The next build finishes the journal, then cannot trust the state: it renders everything.
    rendered, reused = build(portal, site)
    assert reused == 0
    build(portal, tmp_path / "clean")
    assert snapshot(site) == snapshot(tmp_path / "clean")
    assert verify_site(site) == []
