"""Documents read by an earlier check or build are reused only while nothing they came from changed."""

from __future__ import annotations

from gongkai.read import corpus as corpus_module
from tests.conftest import run_gongkai
from tests.test_build_safety import copy_portal

ATTACHED = "content/policies/2020/tongmingui-2020-3.md"
ATTACHMENT = "content/policies/2020/tongmingui-2020-3-shenqingbiao.txt"


def counting_reads(monkeypatch) -> list[str]:
    read = corpus_module.read_document
    seen: list[str] = []

    def counted(file, config):
        seen.append(file.relative_to(config.root).as_posix())
        return read(file, config)

    monkeypatch.setattr(corpus_module, "read_document", counted)
    return seen


def test_only_changed_documents_are_read_again_and_their_problems_found(tmp_path, monkeypatch):
    portal = copy_portal(tmp_path)
    assert run_gongkai(portal, "check")[0] == 0
    seen = counting_reads(monkeypatch)
    assert run_gongkai(portal, "check")[0] == 0
    assert seen == []
    path = portal / "content/policies/2017/tongcaiyu-2017-88.md"
    path.write_text(path.read_text(encoding="utf-8").replace("发布日期: 2017-07-12", "发布日期: 2017-7-32"),
                    encoding="utf-8")
    code, out, _ = run_gongkai(portal, "check")
    assert code == 1 and "content/policies/2017/tongcaiyu-2017-88.md:11: bad-date" in out
    assert seen == ["content/policies/2017/tongcaiyu-2017-88.md"]
    # A document with a problem is not kept: it is read, and its problem reported, every time.
    seen.clear()
    code, out, _ = run_gongkai(portal, "check")
    assert code == 1 and "bad-date" in out and seen == ["content/policies/2017/tongcaiyu-2017-88.md"]


def test_a_document_whose_attachment_is_gone_is_read_again(tmp_path, monkeypatch):
    portal = copy_portal(tmp_path)
    assert run_gongkai(portal, "check")[0] == 0
    seen = counting_reads(monkeypatch)
    (portal / ATTACHMENT).unlink()
    code, out, _ = run_gongkai(portal, "check")
    assert code == 1 and f"{ATTACHED}:" in out and "missing-attachment" in out
    assert ATTACHED in seen


def test_a_damaged_cache_is_only_a_slower_read(tmp_path, monkeypatch):
    portal = copy_portal(tmp_path)
    assert run_gongkai(portal, "check")[0] == 0
    (portal / ".gongkai/cache/documents.pickle").write_bytes(b"\x80\x05not a pickle")
    seen = counting_reads(monkeypatch)
    assert run_gongkai(portal, "check")[0] == 0
    assert len(seen) > 20
