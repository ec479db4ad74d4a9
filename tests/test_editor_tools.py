"""Mistakes caught as editors type and before they commit: schemas, staged check, hooks, --changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.model.schema_files import schema_file_texts
from tests.conftest import ROOT, paired_site_files, run_gongkai

BIN = Path(sys.executable).parent
GIT_ENV = {"GIT_AUTHOR_NAME": "编辑", "GIT_AUTHOR_EMAIL": "editor@example.gov.cn",
           "GIT_COMMITTER_NAME": "编辑", "GIT_COMMITTER_EMAIL": "editor@example.gov.cn"}
POLICY = "content/policies/2017/seed.md"
BAD_DATE_LINE = f"{POLICY}:8: bad-date 字段“成文日期”的值“2017-6-6”格式不规范。"


def git(site: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = os.environ | GIT_ENV | {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
                                  "PRE_COMMIT_HOME": str(site.parent / "pre-commit-cache")}
    return subprocess.run(["git", *args], cwd=site, env=env, capture_output=True, text=True, check=check)


@pytest.fixture
def repo(make_site) -> Path:
    """A valid portal committed on branch main."""
    site = make_site(paired_site_files())
    (site / ".gitignore").write_text("site/\n", encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "portal")
    return site


def edit(site: Path, rel: str, old: str, new: str) -> None:
    path = site / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_vscode_wires_the_committed_schemas_to_the_data_lists():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {".vscode/schemas/fees.schema.json": "data/fees.yml",
                                        ".vscode/schemas/catalog.schema.json": "data/catalog.yml"}
    assert settings["[yaml]"]["editor.insertSpaces"] is True  # a tab is an error in YAML
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode/extensions.json").read_text())["recommendations"]
    # The committed schemas are the model's: `gongkai schema --write .vscode/schemas` regenerates them.
    for name, text in schema_file_texts().items():
        assert (ROOT / ".vscode/schemas" / name).read_text(encoding="utf-8") == text, name
    fees = json.loads(schema_file_texts()["fees.schema.json"])
    listed = fees["anyOf"][0]
    assert listed["type"] == "array" and listed["items"]["properties"]["类别"]["enum"] == ["行政事业性收费", "政府性基金"]
    assert fees["anyOf"][1]["properties"]["条目"] == listed


def test_check_staged_reads_what_will_be_committed(repo):
    edit(repo, POLICY, "成文日期: 2017-06-06", "成文日期: 2017-6-6")
    git(repo, "add", POLICY)
    edit(repo, POLICY, "成文日期: 2017-6-6", "成文日期: 2017-06-06")
    code, out, _ = run_gongkai(repo, "check", "--staged")
    assert code == 1 and out.startswith(BAD_DATE_LINE)
    assert run_gongkai(repo, "check")[0] == 0  # the working copy is fine; the commit would not be
    git(repo, "add", POLICY)
    assert run_gongkai(repo, "check", "--staged") == (0, "", "检查通过：没有发现问题。\n")


def test_check_staged_outside_git_says_so(make_site):
    code, _, err = run_gongkai(make_site(paired_site_files()), "check", "--staged")
    assert code == 2 and "不在 Git 仓库中：--staged 和 --changed 需要 Git。" in err


def test_plain_hook_stops_a_commit_with_the_problem_line(repo):
    code, _, err = run_gongkai(repo, "hooks", "install")
    assert code == 0 and "已安装" in err
    hook = repo / ".git/hooks/pre-commit"
    assert os.access(hook, os.X_OK)
    edit(repo, POLICY, "成文日期: 2017-06-06", "成文日期: 2017-6-6")
    git(repo, "add", POLICY)
    done = git(repo, "commit", "-qm", "bad date", check=False)
    # git shows a hook's output on its own standard error.
    assert done.returncode != 0 and BAD_DATE_LINE in done.stderr
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1
    edit(repo, POLICY, "成文日期: 2017-6-6", "成文日期: 2017-06-07")
    git(repo, "add", POLICY)
    assert git(repo, "commit", "-qm", "fixed", check=False).returncode == 0
    assert run_gongkai(repo, "hooks", "uninstall")[0] == 0 and not hook.exists()


def test_hook_install_leaves_another_hook_alone(repo):
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho mine\n", encoding="utf-8")
    code, _, err = run_gongkai(repo, "hooks", "install")
    assert code == 1 and "已有另一个 pre-commit 钩子，没有覆盖" in err
    assert hook.read_text(encoding="utf-8") == "#!/bin/sh\necho mine\n"


def test_pre_commit_run_fails_on_a_staged_bad_file(repo):
    assert shutil.which("pre-commit", path=str(BIN)), "pre-commit is a test dependency (pyproject.toml)"
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo / ".pre-commit-config.yaml")
    git(repo, "add", ".pre-commit-config.yaml")
    edit(repo, POLICY, "成文日期: 2017-06-06", "成文日期: 2017-6-6")
    git(repo, "add", POLICY)
    done = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, capture_output=True, text=True,
                          env=os.environ | {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
                                            "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-cache")})
    assert done.returncode == 1, done.stdout + done.stderr
    assert BAD_DATE_LINE in done.stdout


def test_check_changed_reports_changed_files_and_their_dependents(repo):
    unrelated = "content/policies/2018/other.md"
    (repo / unrelated).parent.mkdir(parents=True, exist_ok=True)
    (repo / unrelated).write_text((repo / POLICY).read_text(encoding="utf-8")
                                  .replace("通政办字〔2017〕157号", "通政办字〔2018〕1号")
                                  .replace("115223000115559370/2017-00157", "115223000115559370/2018-00001")
                                  .replace("成文日期: 2017-06-06", "成文日期: 2017-6-6"), encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a file with a problem, already on main")
    git(repo, "checkout", "-qb", "edit")
    # Publishing the policy a day later leaves its interpretation behind: the problem is there.
    edit(repo, POLICY, "发布日期: 2017-06-08", "发布日期: 2017-06-09")
    code, out, _ = run_gongkai(repo, "check", "--changed")
    assert code == 1
    paths = {line.split(":", 1)[0] for line in out.splitlines()}
    assert paths and unrelated not in paths
    assert paths <= {POLICY, "content/interpretations/2017/seed-jiedu.md"}
    assert unrelated in {line.split(":", 1)[0] for line in run_gongkai(repo, "check")[1].splitlines()}
    # Nothing changed from main: nothing to report, even though main has a problem.
    git(repo, "checkout", "-q", "--", POLICY)
    assert run_gongkai(repo, "check", "--changed")[:2] == (0, "")
