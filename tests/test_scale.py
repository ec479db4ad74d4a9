"""The checker at portal scale: 2,000 generated documents, every one accepted."""

from __future__ import annotations

from tests.conftest import run_gongkai
from tests.generate import generate_portal


def test_check_accepts_two_thousand_documents(tmp_path):
    site = generate_portal(tmp_path / "big", 2000)
    assert len(list((site / "content").rglob("*.md"))) == 2001
    assert run_gongkai(site, "check") == (0, "", "检查通过：没有发现问题。\n")


def test_one_missing_interpretation_among_two_thousand_is_found(tmp_path):
    site = generate_portal(tmp_path / "big", 2000)
    (site / "content/interpretations/2016/j00300.md").unlink()
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert out.startswith("content/policies/2016/p00300.md:2: missing-interpretation ")
    assert len(out.splitlines()) == 1
