"""Everything the portal generates, computed once per build from the corpus."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..config import PortalConfig
from ..derive.annual import normative_document_years
from ..derive.publication import Publication
from ..derive.status import derive_statuses
from ..derive.versions import version_chains
from ..model.data_lists import CATALOG_ENTRY, FEE_ITEM
from ..read.corpus import Corpus
from . import datalists, home, open_data, robots, urls
from .annual import annual_data_page
from .changes import FEED as CHANGES_FEED
from .columns import column_of, site_domain
from .disclosure import disclosure_pages, mark_gazette_documents
from .document import DocumentView, view_interpretation, view_policy
from .feed import documents_feed
from .html import wrap_tables
from .index_offer import (
    IndexOffer,
    catalog_offers,
    column_offer,
    fee_offers,
    interpretation_offer,
    policy_offer,
)
from .last_modified import date_of, event_day, interpretation_date, page_dates, policy_date
from .library import (
    interpretation_entry,
    interpretation_listing,
    newest_first,
    policy_entry,
    policy_listings,
)
from .navigation import section_of, side_menu, title_of, trail
from .robots import robots_txt
from .site_map import site_map_page
from .status_notice import diff_url


@dataclass
class SitePages:
    """Generated pages and files, and each shown document's view, keyed by source path."""

    config: PortalConfig
    generated: dict[str, str | bytes] = field(default_factory=dict)
    documents: dict[str, DocumentView] = field(default_factory=dict)
    home_html: str = ""
    hidden: set[str] = field(default_factory=set)
    menu: tuple[tuple[str, str], ...] = ()
    organisation: object = None
    _titles: dict[str, str] | None = field(default=None, repr=False)
    offers: dict[str, list[IndexOffer]] = field(default_factory=dict)
    dates: dict[str, dt.date] = field(default_factory=dict)
    _raw: dict[str, str] = field(default_factory=dict, repr=False)

    def last_modified(self, url: str) -> str:
        """The page's own date (YYYY-MM-DD) for the sitemap; empty when it has none."""
        day = date_of(self.dates, url)
        return day.isoformat() if day else ""

    def index_offers(self, src_uri: str, url: str, title: str) -> list[IndexOffer]:
        """What the page at ``src_uri`` offers the search index; nothing for listings."""
        if src_uri in self.offers:
            return self.offers[src_uri]
        offer = column_offer(url, title)
        return [offer] if offer else []

    def meta_for(self, src_uri: str) -> dict:
        """Page metadata MkDocs should use: a document's title comes from its 标题."""
        view = self.documents.get(src_uri)
        return {"title": view.title} if view else {}

    def markdown_for(self, src_uri: str, markdown: str, generated: bool) -> str:
        """The Markdown to render for ``src_uri``. A page the portal generated as HTML (the
        listings, lists and columns) skips Markdown, which would only parse it again to copy it
        unchanged: a placeholder stands in for its body until ``html_for`` puts the body back.
        An editor's page (``generated`` false) is always rendered, and then passes the allowlist."""
        if generated and src_uri in self.generated and _all_html(markdown):
            self._raw[src_uri] = markdown.strip("\n")
            return RAW_PLACEHOLDER
        return markdown

    def html_for(self, src_uri: str, html: str) -> str:
        """A rendered page body, its wide tables made keyboard-scrollable; the home page's
        generated sections follow the editor's text (after it has passed the allowlist)."""
        raw = self._raw.pop(src_uri, None)
        if raw is not None and html == f"<p>{RAW_PLACEHOLDER}</p>":
            html = raw
        html = wrap_tables(html)
        return html + self.home_html if src_uri == "index.md" else html

    def context_for(self, src_uri: str, url: str) -> dict:
        """Template variables: ``gk_doc``, ``gk_meta`` tags, the page's one ``gk_description`` (None:
        the site's) and where the page sits (trail, menu)."""
        view = self.documents.get(src_uri)
        titles = self.titles()
        return {"gk_doc": view, "gk_meta": self.meta_tags(url, view), "gk_trail": trail(url, titles),
                "gk_section": section_of(url, titles), "gk_side": side_menu(url, self.menu),
                "gk_description": (view.summary or view.title) if view else None,
                "gk_feeds": self.feeds_for(url),
                # The footer's address and phone come from the organisation data, through the page's
                # context so that an edit to the data reaches every page.
                "gk_org": self.organisation}

    def render_inputs(self, src_uri: str, url: str) -> tuple:
        """All that the methods above give the page at ``src_uri``: with its text and the theme,
        what its HTML and its search records are made of (an incremental build's key)."""
        return (self.meta_for(src_uri), self.context_for(src_uri, url), self.last_modified(url),
                self.offers.get(src_uri), self.home_html if src_uri == "index.md" else "")

    def feeds_for(self, url: str) -> list[tuple[str, str]]:
        """(title, link) of the feeds the page at ``url`` announces to feed readers."""
        if not self.config.site_url:
            return []
        found = []
        if url in (urls.HOME, urls.POLICIES, urls.INTERPRETATIONS):
            found.append(("新发布的政策文件和政策解读", urls.DOCUMENTS_FEED))
        if url == urls.HOME or url.startswith(urls.CHANGES):
            found.append(("文件修改、废止、失效情况", CHANGES_FEED))
        return [(f"{self.config.site_name}：{title}", urls.relative(url, path)) for title, path in found]

    def titles(self) -> dict[str, str]:
        """The title of every page the portal knows of, by its address."""
        if self._titles is None:
            found = {url: title for title, url, _ in home.COLUMN_ENTRIES}
            for uri, content in self.generated.items():
                if uri.endswith("index.md") and isinstance(content, str):
                    title = title_of(content)
                    if title:
                        found[uri.removesuffix("index.md")] = title
            found |= {view.url: view.title for view in self.documents.values()}
            self._titles = found
        return self._titles

    def meta_tags(self, url: str, view: DocumentView | None) -> list[tuple[str, str]]:
        """The government page meta tags (政府网站网页设计规范) for the page at ``url``."""
        site, column = self.config.site, column_of(url)
        tags = [("SiteName", self.config.site_name), ("SiteDomain", site_domain(self.config.site_url)),
                ("SiteIDCode", site.site_id_code), ("ColumnName", column.name),
                ("ColumnDescription", column.description), ("ColumnKeywords", column.keywords),
                ("ColumnType", column.type)]
        if view:
            tags += [("ArticleTitle", view.title), ("PubDate", pub_date(view.published)),
                     ("ContentSource", view.source or site.sponsor)]
            if view.keywords:
                tags.append(("Keywords", ",".join(view.keywords)))
        if self.config.site_url:
            tags.append(("Url", self.config.site_url.rstrip("/") + "/" + url))
        return [(name, value) for name, value in tags if value]

    def files_to_add(self, existing: set[str]) -> dict[str, str | bytes]:
        """Generated files whose output path (``dest_uri``) no editor's file already takes."""
        return {uri: content for uri, content in self.generated.items()
                if (uri.removesuffix(".md") + ".html" if uri.endswith("index.md") else uri) not in existing}


# A word Markdown renders as one paragraph, unchanged, and no page's text contains.
RAW_PLACEHOLDER = "GKRAWHTMLBODY"


def _all_html(markdown: str) -> bool:
    """Every line is blank or starts with a tag: Markdown would copy the text unchanged."""
    lines = [line for line in markdown.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("<") for line in lines)


def pub_date(day: str) -> str:
    """PubDate as the norm writes it, ``YYYY-MM-DD HH:MM``; a document gives only its day."""
    return f"{day} 00:00"


def build_site_pages(corpus: Corpus, publication: Publication, config: PortalConfig) -> SitePages:
    """Compute every generated page, file and document view for one build."""
    shown = set(publication.policies) | set(publication.interpretations)
    policies = [corpus.policies[i] for i in sorted(publication.policies)]
    interpretations = [corpus.interpretations[i] for i in sorted(publication.interpretations)]
    validity = derive_statuses(corpus, config.as_of)
    pages = SitePages(config)
    for p in policies:
        pages.documents[f"{p.id}.md"] = view_policy(p, corpus, shown, validity)
        pages.offers[f"{p.id}.md"] = [policy_offer(p, validity.get(p.id))]
    for i in interpretations:
        view = pages.documents[f"{i.id}.md"] = view_interpretation(i, corpus, shown, validity)
        targets = [p for ref in i.interprets for p in corpus.resolve(ref) if p.id in shown]
        pages.offers[f"{i.id}.md"] = [interpretation_offer(i, targets, view.source)]
    pages.offers[urls.src_uri(urls.FEES)] = fee_offers(corpus.fees)
    pages.offers[urls.src_uri(urls.CATALOG)] = catalog_offers(corpus.catalog)
    pages.hidden = _hidden_files(corpus, shown)
    pages.dates = _page_dates(corpus, policies, interpretations, shown, validity, config.as_of)

    gen = pages.generated
    has_feeds = bool(config.site_url)
    gen |= policy_listings(policies, validity, config.topics, has_feeds)
    gen |= interpretation_listing(interpretations, corpus, shown, validity, has_feeds)
    if has_feeds:
        gen[urls.DOCUMENTS_FEED] = documents_feed(policies, interpretations, site_url=config.site_url,
                                             site_name=config.site_name, as_of=config.as_of)
    gen["index.md"] = home.home_page(config.site_name)
    gen |= disclosure_pages(corpus, policies, config)
    # 依申请公开 needs the organisation data, 政府公报 its issues: offer only what exists.
    services = tuple(entry for entry in home.SERVICES if urls.src_uri(entry[1]) in gen)
    pages.organisation = corpus.organisation
    pages.menu = tuple((title, url) for title, url, _ in home.COLUMN_ENTRIES + services)
    gen[urls.src_uri(urls.COLUMN)] = home.column_page(services)
    mark_gazette_documents(corpus, pages.documents)
    gen[urls.src_uri(urls.SITEMAP)] = site_map_page(_site_tree(policies, gen))
    for title, url, _ in home.COLUMN_ENTRIES:
        gen.setdefault(urls.src_uri(url), home.placeholder_page(title))
    gen[urls.src_uri(urls.FEES)] = datalists.fee_page(corpus.fees, policies, corpus.reviewed.get("fees.yml"),
                                                            config.sample_data)
    gen[urls.src_uri(urls.CATALOG)] = datalists.catalog_page(corpus.catalog, policies, corpus.reviewed.get("catalog.yml"),
                                                                   config.sample_data)
    gen[robots.PATH] = robots_txt(config.site_url)
    years = normative_document_years(corpus, set(publication.policies), config.as_of)
    gen[urls.src_uri(urls.ANNUAL_DATA)] = annual_data_page(years, config.as_of)
    gen |= _data_lists(corpus, config.sample_data)
    gen |= _open_data(pages, corpus, policies, interpretations, shown, validity, config)

    pages.home_html = home.home_sections(
        [policy_entry(p, validity) for p in newest_first(policies)[:home.LATEST]],
        [interpretation_entry(i, corpus, shown, validity)
         for i in newest_first(interpretations)[:home.LATEST]],
        services,
    )
    return pages


def _data_lists(corpus: Corpus, sample: bool) -> dict[str, bytes]:
    """The fee list's and the catalog's downloads: Excel, CSV and JSON."""
    fees, catalog = corpus.reviewed.get("fees.yml"), corpus.reviewed.get("catalog.yml")
    stem, files = urls.FEES + datalists.FEES_STEM, {}
    files[f"{stem}.csv"] = datalists.fees_csv(corpus.fees, sample)
    files[f"{stem}.xlsx"] = datalists.fees_xlsx(corpus.fees, fees, sample)
    files[f"{stem}.json"] = datalists.fees_json(corpus.fees, fees, sample)
    stem = urls.CATALOG + datalists.CATALOG_STEM
    files[f"{stem}.csv"] = datalists.catalog_csv(corpus.catalog, sample)
    files[f"{stem}.xlsx"] = datalists.catalog_xlsx(corpus.catalog, catalog, sample)
    files[f"{stem}.json"] = datalists.catalog_json(corpus.catalog, catalog, sample)
    return files


def _open_data(pages: SitePages, corpus: Corpus, policies, interpretations, shown: set[str], validity,
               config: PortalConfig) -> dict[str, str | bytes]:
    """Each document's metadata file, the schemas and the index of every open-data file."""
    site_url, files, listed = config.site_url, {}, []
    for stem, title, schema, day in (
            (urls.FEES + datalists.FEES_STEM, datalists.FEES_TITLE, open_data.FEES_SCHEMA,
             corpus.reviewed.get("fees.yml")),
            (urls.CATALOG + datalists.CATALOG_STEM, datalists.CATALOG_TITLE, open_data.CATALOG_SCHEMA,
             corpus.reviewed.get("catalog.yml"))):
        listed += [open_data.DataFile(f"{title}（{kind}）", f"{stem}.{ext}", schema if ext == "json" else None,
                                      config.sample_data, day)
                   for ext, kind in (("json", "JSON"), ("csv", "CSV"), ("xlsx", "Excel"))]
    for p in policies:
        view = pages.documents[f"{p.id}.md"]
        explained = [i for i in corpus.interpretations_of(p.id) if i.id in shown]
        data = open_data.policy_metadata(p, validity.get(p.id), view.keywords, explained,
                                         pages.dates[p.url], site_url)
        files[open_data.metadata_path(p)] = open_data.to_json(data)
        listed.append(open_data.DataFile(f"{p.title}（元数据）", open_data.metadata_path(p),
                                         open_data.DOCUMENT_SCHEMA, p.sample, pages.dates[p.url]))
    for i in interpretations:
        view = pages.documents[f"{i.id}.md"]
        targets = list({t.id: t for ref in i.interprets for t in corpus.resolve(ref) if t.id in shown}.values())
        data = open_data.interpretation_metadata(i, view.keywords, targets, pages.dates[i.url], site_url)
        files[open_data.metadata_path(i)] = open_data.to_json(data)
        listed.append(open_data.DataFile(f"{i.title}（元数据）", open_data.metadata_path(i),
                                         open_data.DOCUMENT_SCHEMA, i.sample, pages.dates[i.url]))
    if site_url:
        listed += [open_data.DataFile("新发布的政策文件和政策解读（Atom 订阅）", urls.DOCUMENTS_FEED),
                   open_data.DataFile("文件修改、废止、失效情况（Atom 订阅）", CHANGES_FEED)]
    files |= open_data.schema_files(datalists.FEES_TITLE, datalists.CATALOG_TITLE, FEE_ITEM, CATALOG_ENTRY,
                                    site_url)
    files[open_data.INDEX] = open_data.to_json(open_data.index_file(config.site_name, listed, site_url))
    files[urls.src_uri(urls.OPEN_DATA)] = open_data.open_data_page(listed, len(policies) + len(interpretations))
    return files


def _page_dates(corpus: Corpus, policies, interpretations, shown: set[str], validity,
                as_of: dt.date) -> dict[str, dt.date]:
    """Every page's own date: documents from their events, listings and lists from those."""
    chains = version_chains(corpus)
    documents = {}
    for p in policies:
        record = validity.get(p.id)
        causes = [e.by_id for e in (record.history + record.upcoming if record else ()) if e.by_id]
        related = [corpus.policies[c] for c in causes if c in shown]
        related += [i for i in corpus.interpretations_of(p.id) if i.id in shown]
        related += [v for v in chains.get(p.id, ()) if v.id in shown]
        documents[p.url] = policy_date(p, record, (d.published for d in related), as_of)
        visible = [v for v in chains.get(p.id, ()) if v.id in shown]
        if p in visible[1:]:
            documents[diff_url(p)] = p.published
    for i in interpretations:
        targets = [validity[t.id] for ref in i.interprets for t in corpus.resolve(ref)
                   if t.id in shown and t.id in validity]
        documents[i.url] = interpretation_date(i, targets, as_of)
    changes = [event_day(e) for p in policies if p.id in validity for e in validity[p.id].history]
    reviewed = {urls.FEES: corpus.reviewed.get("fees.yml"), urls.CATALOG: corpus.reviewed.get("catalog.yml")}
    return page_dates(documents, changes, reviewed, as_of)


def _site_tree(policies, generated: dict) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The columns of the 网站地图, each with the generated pages below it."""
    def present(*pairs):
        return [(t, u) for t, u in pairs if urls.src_uri(u) in generated or u in home.EDITOR_PAGES]
    column = present(*((t, u) for t, u, _ in home.COLUMN_ENTRIES + home.SERVICES),
                     ("机关职能、机构设置和联系方式", urls.ORGANISATION))
    years = sorted({p.published.year for p in policies}, reverse=True)
    library = [(f"{y}年", urls.by_year(y)) for y in years] + [("文件修改、废止、失效情况", urls.CHANGES)]
    return [
        ("首页", urls.HOME, []),
        ("政府信息公开", urls.COLUMN, column),
        ("政策文件库", urls.POLICIES, library),
        ("政策解读", urls.INTERPRETATIONS, []),
        ("目录清单", urls.FEES, [(title, url) for title, url, _ in home.LISTS[2:]]),
        ("站内搜索", urls.SEARCH, []),
        ("开放数据", urls.OPEN_DATA, []),
        ("联系我们", urls.CONTACT, []),
    ]


def _hidden_files(corpus: Corpus, shown: set[str]) -> set[str]:
    """Source files of documents not shown, and attachments only they use."""
    hidden, used = set(), set()
    for doc in corpus.documents():
        paths = {a.path for a in doc.attachments}
        if doc.id in shown:
            used |= paths
        else:
            hidden |= {f"{doc.id}.md"} | paths
    return hidden - used
