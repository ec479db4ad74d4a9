"""The pages of the 政府信息公开 column that come from data files: 法定主动公开内容, 机构信息,
依申请公开 and its form, the annual reports and the 政府公报."""

from __future__ import annotations

import dataclasses

from ..derive.annual import counted_figures
from ..derive.statutory import fill_items
from ..model.gazette import DEFAULT_NAME
from . import urls
from .annual_reports import index_page as report_index
from .annual_reports import report_page, report_url
from .gazette import cite_issue, issue_page
from .gazette import index_page as gazette_index
from .html import link
from .organisation import contact_page, organisation_page
from .request_form_file import form_docx
from .requests import FORM_FILE, form_page, guide_page
from .statutory import statutory_page


def disclosure_pages(corpus, policies, config) -> dict[str, str | bytes]:
    """{virtual src_uri or file: content} of every data-fed page of the column."""
    org = corpus.organisation
    shown = {p.id for p in policies}
    gen: dict[str, str | bytes] = {
        urls.src_uri(urls.STATUTORY): statutory_page(fill_items(corpus, policies, config.level, len(corpus.gazette))),
        urls.src_uri(urls.CONTACT): contact_page(org, config.site.sponsor),
        urls.src_uri(urls.ANNUAL_REPORTS): report_index(corpus.annual_reports),
    }
    if org:
        gen[urls.src_uri(urls.ORGANISATION)] = organisation_page(org)
        gen[urls.src_uri(urls.REQUESTS)] = guide_page(org)
        gen[urls.src_uri(urls.REQUEST_FORM)] = form_page(org)
        gen[urls.REQUESTS + FORM_FILE] = form_docx(org, config.as_of)
    for report in corpus.annual_reports:
        computed = counted_figures(corpus, shown, report.year, config.as_of)
        gen[urls.src_uri(report_url(report.year))] = report_page(report, computed)
    name = gazette_name(corpus)
    if corpus.gazette:
        gen[urls.src_uri(urls.GAZETTE)] = gazette_index(name, corpus.gazette)
    for issue in corpus.gazette:
        docs = [p for ref in issue.documents for p in corpus.resolve(ref)[:1] if p.id in shown]
        gen[urls.src_uri(issue.url)] = issue_page(name, issue, docs)
    return gen


def gazette_name(corpus) -> str:
    """The gazette's name as the organisation data gives it."""
    org = corpus.organisation
    return (org.gazette_name if org and org.gazette_name else DEFAULT_NAME)


def mark_gazette_documents(corpus, documents: dict) -> None:
    """Add 刊登于《…公报》YYYY年第N期 to the metadata of each document an issue published."""
    name = gazette_name(corpus)
    for issue in corpus.gazette:
        for ref in issue.documents:
            for policy in corpus.resolve(ref)[:1]:
                view = documents.get(f"{policy.id}.md")
                if view is None:
                    continue
                cited = link(urls.relative(view.url, issue.url), cite_issue(name, issue))
                rows = tuple(r for r in view.rows if r[0] != "刊登于")
                documents[view.id + ".md"] = dataclasses.replace(view, rows=rows + (("刊登于", cited),))



