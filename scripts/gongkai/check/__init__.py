"""The rules: each module returns Problems; run_checks runs them all."""

from __future__ import annotations

from ..config import PortalConfig
from ..read.corpus import Corpus
from .annual_reports import check_annual_reports
from .attachments import check_attachment_encodings
from .clauses import check_clauses
from .dates import check_dates
from .fields import check_fields
from .files import check_files
from .gazette import check_gazette
from .html import check_html
from .lifecycle import check_lifecycle
from .pairing import check_pairing
from .problem import Problem, sort_problems
from .references import check_references
from .statutory import check_statutory
from .uniqueness import check_uniqueness

# Each rule family, in the order a reader would fix them.
RULES = [
    lambda corpus, config: check_fields(list(corpus.documents()), config),
    lambda corpus, config: check_dates(corpus.policies.values()),
    lambda corpus, config: check_uniqueness(list(corpus.policies.values()), corpus),
    lambda corpus, config: check_references(corpus),
    check_pairing,
    lambda corpus, config: check_lifecycle(corpus),
    check_clauses,
    check_html,
    check_files,
    check_attachment_encodings,
    check_statutory,
    check_annual_reports,
    check_gazette,
]


def run_checks(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Every problem of the corpus: reading problems first, then each rule's."""
    problems = list(corpus.problems)
    for rule in RULES:
        problems += rule(corpus, config)
    return sort_problems(problems)
