"""deploy/: the pipelines and the daily timer call gongkai with commands and options it has."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from gongkai.cli import build_parser
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
FILES = ["gitlab-ci.yml", "github-actions.yml", "systemd/gongkai-rebuild.service"]
_CALL = re.compile(r"\bgongkai ((?:check|build|package|publish|rollback)\b[^&;\"'\n]*)")


def calls(name: str) -> list[list[str]]:
    return [shlex.split(m.group(1)) for m in _CALL.finditer((DEPLOY / name).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("name", FILES)
def test_every_gongkai_call_in_deploy_parses(name):
    found = calls(name)
    assert found, name
    for args in found:
        parsed = build_parser().parse_args(args)
        assert parsed.command == args[0]


def test_the_pipelines_check_every_push_and_publish_main_daily():
    gitlab = yaml.safe_load((DEPLOY / "gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["stages"] == ["check", "build", "publish"]
    assert "rules" not in gitlab["check"]
    assert gitlab["build"]["artifacts"]["paths"] == ["gongkai.tar"]
    assert gitlab["variables"]["TZ"] == "Asia/Shanghai"
    github = yaml.safe_load((DEPLOY / "github-actions.yml").read_text(encoding="utf-8"))
    triggers = github[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["schedule"] == [{"cron": "5 16 * * *"}] and "push" in triggers
    assert github["jobs"]["publish"]["needs"] == "check"
    assert [args[0] for args in calls("github-actions.yml")] == ["check", "build", "package", "publish"]
    assert [args[0] for args in calls("systemd/gongkai-rebuild.service")] == ["build", "publish"]
    timer = (DEPLOY / "systemd/gongkai-rebuild.timer").read_text(encoding="utf-8")
    assert "OnCalendar=*-*-* 00:05:00 Asia/Shanghai" in timer
