"""content/ and data/ → Corpus: every document and data list, with lookups."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..config import PortalConfig
from ..model.annual_report import AnnualReport
from ..model.data_lists import CatalogEntry, FeeItem
from ..model.documents import Interpretation, Policy
from ..model.gazette import GazetteIssue
from ..model.organisation import Organisation
from ..problem import Problem
from .annual_reports import read_annual_reports
from .data_lists import read_list
from .document_cache import DocumentCache
from .documents import KINDS, Unreadable, read_document
from .files import markdown_files
from .gazette import read_gazette
from .organisation import read_organisation
from .redirects import read_redirects


@dataclass
class Corpus:
    """All documents and data lists of a portal, as read (before any rule)."""

    policies: dict[str, Policy] = field(default_factory=dict)
    interpretations: dict[str, Interpretation] = field(default_factory=dict)
    fees: list[FeeItem] = field(default_factory=list)
    catalog: list[CatalogEntry] = field(default_factory=list)
    # When each list (by file name) was last reviewed, as the file says.
    reviewed: dict = field(default_factory=dict)
    organisation: Organisation | None = None
    annual_reports: list[AnnualReport] = field(default_factory=list)
    gazette: list[GazetteIssue] = field(default_factory=list)
    # Published addresses that moved: old → new (data/redirects.yml).
    redirects: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_number: dict[str, list[Policy]] | None = None
        self._interpreted_by: dict[str, list[Interpretation]] | None = None

    def documents(self):
        """Every policy and interpretation, policies first."""
        yield from self.policies.values()
        yield from self.interpretations.values()

    def get(self, doc_id: str) -> Policy | Interpretation | None:
        return self.policies.get(doc_id) or self.interpretations.get(doc_id)

    def by_doc_number(self, number: str) -> list[Policy]:
        """Policies carrying 文号 ``number``."""
        if self._by_number is None:
            index = defaultdict(list)
            for policy in self.policies.values():
                if policy.doc_number:
                    index[policy.doc_number].append(policy)
            self._by_number = dict(index)
        return self._by_number.get(number, [])

    def resolve(self, ref: str) -> list[Policy]:
        """The policies a reference (id or 文号) names: one when it resolves cleanly."""
        ref = ref.strip().strip("/")
        for candidate in (ref, ref.removeprefix("content/").removesuffix(".md")):
            if candidate in self.policies:
                return [self.policies[candidate]]
        return self.by_doc_number(ref)

    def is_unreadable(self, ref: str) -> bool:
        """Whether ``ref`` names a document that could not be read (its errors come first)."""
        ref = ref.strip().strip("/")
        return any(ref in u.names() for u in self.unreadable)

    def unreadably_interpreted(self, policy: Policy) -> bool:
        """Whether an interpretation that could not be read says it interprets ``policy``."""
        names = {policy.id, policy.doc_number}
        return any(names & u.refs() for u in self.unreadable)

    def interpretations_of(self, policy_id: str) -> list[Interpretation]:
        """Interpretations whose 解读对象 resolves to the policy."""
        if self._interpreted_by is None:
            index = defaultdict(list)
            for interpretation in self.interpretations.values():
                targets = {p.id for ref in interpretation.interprets for p in self.resolve(ref)}
                for target in sorted(targets):
                    index[target].append(interpretation)
            self._interpreted_by = dict(index)
        return self._interpreted_by.get(policy_id, [])


def read_corpus(config: PortalConfig) -> Corpus:
    """Read every document under content/ and every list under data/."""
    corpus = Corpus()
    cache = DocumentCache(config)
    for folder in KINDS:
        base = config.content_path / folder
        for file in markdown_files(base):
            rel = file.relative_to(config.content_path).as_posix()
            doc, problems = cache.get(rel, file), []
            if doc is None:
                doc, problems = read_document(file, config)
                if not problems and isinstance(doc, (Policy, Interpretation)):
                    cache.put(rel, file, doc)
            corpus.problems += problems
            if isinstance(doc, Policy):
                corpus.policies[doc.id] = doc
            elif isinstance(doc, Interpretation):
                corpus.interpretations[doc.id] = doc
            elif isinstance(doc, Unreadable):
                corpus.unreadable.append(doc)
    for name in ("fees.yml", "catalog.yml"):
        file = config.data_path / name
        # A linked data file is reported by the file rules and never read.
        if file.is_file() and not file.is_symlink():
            rel = file.relative_to(config.root).as_posix()
            entries, corpus.reviewed[name], problems = read_list(file, rel, config.max_file_kb)
            corpus.problems += problems
            setattr(corpus, "fees" if name == "fees.yml" else "catalog", entries)
    corpus.organisation, problems = read_organisation(config)
    corpus.problems += problems
    corpus.annual_reports, problems = read_annual_reports(config.data_path, config.root, config.max_file_kb)
    corpus.problems += problems
    corpus.gazette, problems = read_gazette(config.data_path, config.content_path, config.root,
                                                  config.max_file_kb)
    corpus.problems += problems
    corpus.redirects, problems = read_redirects(config.data_path, config.root)
    corpus.problems += problems
    cache.save()
    return corpus
