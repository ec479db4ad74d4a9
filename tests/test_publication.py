"""What the site shows as of a date: drafts and future documents stay out with their partners."""

from __future__ import annotations

import datetime as dt

from gongkai.config import load_config
from gongkai.derive.publication import derive_publication
from gongkai.read.corpus import read_corpus
from tests.conftest import SEED_INTERPRETATION, SEED_POLICY, paired_site_files

POLICY = "content/policies/2017/seed.md"
INTERP = "content/interpretations/2017/seed-jiedu.md"


def shown(site, as_of: str):
    config = load_config(site / "mkdocs.yml", as_of=dt.date.fromisoformat(as_of))
    publication = derive_publication(read_corpus(config), config.as_of)
    return sorted(publication.policies | publication.interpretations)


def test_published_pair_is_shown(make_site):
    site = make_site(paired_site_files())
    assert shown(site, "2017-06-08") == ["interpretations/2017/seed-jiedu", "policies/2017/seed"]


def test_future_pair_is_not_shown_before_its_day(make_site):
    site = make_site(paired_site_files())
    assert shown(site, "2017-06-07") == []


def test_draft_policy_takes_its_draft_interpretation_with_it(make_site):
    site = make_site({
        POLICY: SEED_POLICY.replace("---\n## 正文", "草稿: true\n---\n## 正文"),
        INTERP: SEED_INTERPRETATION.replace("---\n## 背景", "草稿: true\n---\n## 背景"),
    })
    assert shown(site, "2026-11-29") == []


def test_policy_waits_for_a_later_interpretation_within_tolerance(make_site):
    site = make_site({POLICY: SEED_POLICY,
                      INTERP: SEED_INTERPRETATION.replace("2017-06-08", "2017-06-10")},
                     plugin={"pairing_tolerance_days": 2})
    assert shown(site, "2017-06-09") == []
    assert shown(site, "2017-06-10") == ["interpretations/2017/seed-jiedu", "policies/2017/seed"]


def test_exempt_policy_is_shown_alone(make_site):
    exempt = SEED_POLICY.replace("---\n## 正文", "需要解读: false\n免于解读理由: 内部安排\n---\n## 正文")
    site = make_site({POLICY: exempt})
    assert shown(site, "2017-06-08") == ["policies/2017/seed"]
