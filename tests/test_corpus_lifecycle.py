"""The amendment chains of ../shared/corpus give every record the status the corpus gives it."""

from __future__ import annotations

import pytest

from tests.bench_lifecycle import CORPUS, corpus_agreement, read_records

# Two records of one judicial interpretation, one day apart, both "latest version in corpus":
# the source holds it twice under two file names; by title they are versions of one text.
KNOWN_DUPLICATE = "63e83c0cd94379bf"


@pytest.fixture(scope="module")
def agreement():
    if not CORPUS.is_file():
        pytest.skip(f"the corpus {CORPUS} is absent: the agreement is measured on it")
    return corpus_agreement(read_records())


@pytest.mark.parametrize("status", ["已修改", "已废止", "尚未生效"])
def test_complete_chains_agree_fully(agreement, status):
    assert agreement.complete_total[status] > 0
    assert agreement.complete_agree[status] == agreement.complete_total[status]


def test_in_force_records_agree_but_for_the_known_duplicate(agreement):
    differing = {rid for rid, _, expected, _ in agreement.disagreements if expected == "有效"}
    assert differing == {KNOWN_DUPLICATE}


def test_every_repealed_record_agrees(agreement):
    assert agreement.agree["已废止"] == agreement.total["已废止"] == 61
