"""Everything the lifecycle adds to a build: notices, history and versions, lists, feed, comparisons.

Computed once per build from the corpus; ``apply_to`` puts the notices into the document views
and the generated pages beside the others, ``sections_for`` gives the HTML that follows a
document's text (历次版本, 历史沿革).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..derive.publication import Publication
from ..derive.status import StatusRecord, derive_statuses
from ..derive.versions import version_chains
from ..model.documents import Policy
from .changes import FEED, change_pages
from .feed import status_feed
from .status_notice import (
    history_html,
    interpretation_notice_html,
    status_notice_html,
    versions_html,
)
from .versions import version_pages


@dataclass
class LifecyclePages:
    """The lifecycle's share of one build, keyed by the source path of each page."""

    statuses: dict[str, StatusRecord]
    notices: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    generated: dict[str, str | bytes] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus, publication: Publication, config) -> LifecyclePages:
        """Compute notices, sections and generated pages for the documents shown."""
        statuses = derive_statuses(corpus, config.as_of)
        chains = version_chains(corpus)
        shown = set(publication.policies) | set(publication.interpretations)
        made = cls(statuses)
        policies: list[Policy] = [corpus.policies[i] for i in sorted(publication.policies)]
        for policy in policies:
            record, src = statuses[policy.id], f"{policy.id}.md"
            notice = status_notice_html(record, policy.url)
            if notice:
                made.notices[src] = notice
            chain = tuple(p for p in chains.get(policy.id, ()) if p.id in shown)
            sections = [versions_html(policy, chain, policy.url), history_html(policy, record, policy.url)]
            if any(sections):
                made.sections[src] = "\n" + "\n".join(s for s in sections if s)
        for interpretation_id in sorted(publication.interpretations):
            interpretation = corpus.interpretations[interpretation_id]
            notice = interpretation_notice_html(corpus, statuses, interpretation, interpretation.url)
            if notice:
                made.notices[f"{interpretation_id}.md"] = notice
        has_feed = bool(config.site_url)
        made.generated |= change_pages(policies, statuses, has_feed)
        made.generated |= version_pages(chains, set(publication.policies))
        if has_feed:
            made.generated[FEED] = status_feed(policies, statuses, site_url=config.site_url,
                                               site_name=config.site_name, as_of=config.as_of)
        return made

    def apply_to(self, site_pages) -> LifecyclePages:
        """Put the notices into the document views and the pages beside the generated ones."""
        for src, notice in self.notices.items():
            view = site_pages.documents.get(src)
            if view is not None:
                site_pages.documents[src] = dataclasses.replace(view, status_notice_html=notice)
        site_pages.generated |= self.generated
        return self

    def sections_for(self, src_uri: str) -> str:
        """HTML that follows a document's text: 历次版本 and 历史沿革 (empty when none)."""
        return self.sections.get(src_uri, "")
