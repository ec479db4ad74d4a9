"""The checker at portal scale: 2,000 generated documents, every one accepted."""

from __future__ import annotations

import datetime as dt

from gongkai.config import load_config
from gongkai.derive.publication import derive_publication
from gongkai.read.corpus import read_corpus
from tests.conftest import AS_OF, run_gongkai
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


def test_every_generated_document_is_published_beyond_the_date_range(tmp_path):
    # 2,400 policies at two days apart would run past the build date without wrapping round.
    site = generate_portal(tmp_path / "big", 4800)
    config = load_config(site / "mkdocs.yml", as_of=dt.date.fromisoformat(AS_OF))
    corpus = read_corpus(config)
    publication = derive_publication(corpus, config.as_of)
    assert len(publication.policies) == len(corpus.policies) == 2400
    assert len(publication.interpretations) == len(corpus.interpretations) == 2400
