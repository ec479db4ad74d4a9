"""Every built page of the sample portal is valid HTML: 0 errors from the Nu HTML Checker (vnu).

vnu is the `vnu-jar` npm package run by Debian's Java; `make test` installs both (`make tools`).
One batched run checks all pages: starting the JVM once per page would take minutes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from .harness import ROOT

VNU_JAR = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site: Path) -> list[str]:
    """Every error vnu reports over the HTML files under ``site``, one line each."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.skip("the Nu HTML Checker needs Java and .tools/…/vnu.jar (make tools installs them)")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html",
         "--format", "json", "--exit-zero-always", str(site)],
        capture_output=True, text=True, timeout=900, check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    root = str(site.resolve())
    return [f"{unquote(m.get('url', '')).removeprefix('file:').removeprefix(root + '/')}"
            f":{m.get('lastLine', '?')}: {m['message']}"
            for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def test_every_page_is_valid_html(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    errors = vnu_errors(sample_site)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors[:50])


def test_the_checker_does_find_invalid_markup(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body>'
        '<input type="checkbox" autocomplete="off"><p><div></div></body></html>', encoding="utf-8")
    errors = vnu_errors(tmp_path)
    assert any("autocomplete" in e for e in errors)
    assert all(e.startswith("bad.html:") for e in errors)
