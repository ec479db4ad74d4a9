"""The MkDocs plugin `gongkai`: each event a few lines that call the portal's steps."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File

from .check import run_checks
from .check.allowlist import sanitize
from .check.files import declared_files, is_published
from .check.html import MARKDOWN_CONFIGS
from .check.problem import summarize
from .config import ConfigError, PortalConfig, from_options
from .derive.publication import derive_publication
from .mkdocs_reuse import PageReuse
from .pages import SitePages, build_site_pages
from .pages.lifecycle import LifecyclePages
from .pages.redirects import redirect_files, with_companions
from .pages.security import inline_css, page_policy
from .progress import Progress
from .read.corpus import Corpus, read_corpus
from .read.files import symlinks_under
from .search.collect import SearchCollector, SearchIndexError, search_files

log = get_plugin_logger(__name__)

INLINE_CSS = "assets/gongkai/gongkai.css"
UNUSED_THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")


class GongkaiConfig(Config):
    """Options of the `gongkai` entry in mkdocs.yml; defaults live in PortalConfig."""

    index_number_pattern = opt.Optional(opt.Type(str))
    topics = opt.Optional(opt.ListOfItems(opt.Type(str)))
    pairing_tolerance_days = opt.Optional(opt.Type(int))
    drafter_rule = opt.Optional(opt.Choice(("warning", "error")))
    clause_rule = opt.Optional(opt.Choice(("warning", "error")))
    sample_data = opt.Optional(opt.Type(bool))
    level = opt.Optional(opt.Choice(("city", "county", "department")))
    statutory_rule = opt.Optional(opt.Choice(("warning", "error", "off")))
    site = opt.Optional(opt.Type(dict))


class GongkaiPlugin(BasePlugin[GongkaiConfig]):
    """Checks the rules before MkDocs touches site/, then builds the portal's pages."""

    portal: PortalConfig
    corpus: Corpus
    pages: SitePages
    search: SearchCollector | None = None
    progress: Progress | None = None
    converting = False
    # Set by `gongkai build` and `gongkai serve`: the folder the new site will replace. Pages
    # whose output there is already right are not rendered again (see mkdocs_reuse).
    reuse_target: Path | None = None
    reuse: PageReuse | None = None

    def on_config(self, config):
        try:
            self.portal = from_options(
                {k: v for k, v in self.config.items() if v is not None},
                root=Path(config.config_file_path).parent,
                content_dir=Path(config.docs_dir).name,
                site_dir=Path(config.site_dir).name,
                site_name=config.site_name,
                site_url=config.site_url or "",
            )
        except ConfigError as exc:
            raise PluginError(str(exc)) from exc
        # Table alignment as an attribute the allowlist keeps, not an inline style CSP blocks.
        for name, options in MARKDOWN_CONFIGS.items():
            config.mdx_configs.setdefault(name, {}).update(options)
        return config

    def on_pre_build(self, config):
        # Runs before MkDocs cleans site/: a failed check leaves the old site as it was.
        self.corpus = read_corpus(self.portal)
        problems = run_checks(self.corpus, self.portal)
        for problem in problems:
            (log.error if problem.is_error else log.warning)(str(problem))
        if any(p.is_error for p in problems):
            # gongkai build and serve name the folder they would have changed (site/, the preview).
            kept = (self.reuse_target or Path(config.site_dir)).name
            raise PluginError(summarize(problems) + f"网站没有生成，原有的 {kept}/ 保持不变。")
        self.publication = derive_publication(self.corpus, self.portal.as_of)
        self.search = SearchCollector()

    def on_files(self, files, config):
        # Drafts and documents not yet due stay out of the site, with their partners.
        docs = Path(config.docs_dir).resolve()
        for file in list(files.documentation_pages()):
            doc_id = file.src_uri.removesuffix(".md")
            if self.corpus.get(doc_id) and not self.publication.shows(doc_id):
                files.remove(file)
        # Only the repository's own files: nothing through a symbolic link, nothing undeclared.
        declared = declared_files(self.corpus)
        links = {link.relative_to(docs).as_posix() for link in symlinks_under(docs)}
        for file in [f for f in files if f.src_dir and Path(f.src_dir).resolve() == docs
                     and (_through_link(f.src_uri, links)
                          or not (f.is_documentation_page() or is_published(f.src_uri, declared)))]:
            files.remove(file)
        # Material's stylesheets, scripts and images are never loaded (the pages inline the
        # portal's own CSS): leaving them out takes 2.5 MB off every release.
        for file in [f for f in files if f.src_uri.startswith(UNUSED_THEME_ASSETS)
                     and f.src_dir and Path(f.src_dir).resolve() != docs]:
            files.remove(file)
        # Listings, lists and column pages come from the model; nothing is written to content/.
        self.pages = build_site_pages(self.corpus, self.publication, self.portal)
        self.lifecycle = LifecyclePages.build(self.corpus, self.publication, self.portal).apply_to(self.pages)
        for file in filter(None, map(files.get_file_from_path, self.pages.hidden)):
            files.remove(file)
        generated = self.pages.files_to_add({f.dest_uri for f in files})
        for src_uri, content in (generated | search_files()).items():
            files.append(File.generated(config, src_uri, content=content))
        # What the site will hold, rendered again or not (MkDocs adds its 404 page and sitemap).
        self.outputs = {f.dest_uri for f in files} | {"404.html", "sitemap.xml", "sitemap.xml.gz"}
        if self.reuse_target is not None:
            self.reuse = PageReuse(self.reuse_target, config)
            self.reuse.mark(files, self._markdown_of, self._inputs_of)
        pages = self.reuse.rendered_pages(files) if self.reuse else len(files.documentation_pages())
        self._stage("转换正文", pages)
        self.converting = True
        return files

    def _document(self, file: File):
        """The corpus's document an editor's file holds (None for other pages and files)."""
        if file.generated_by is None and file.src_uri.endswith(".md"):
            return self.corpus.get(file.src_uri.removesuffix(".md"))
        return None

    def _markdown_of(self, file: File) -> str:
        doc = self._document(file)
        return doc.body if doc is not None else file.content_string

    def _inputs_of(self, file: File) -> tuple:
        return (self.pages.render_inputs(file.src_uri, file.url), self.lifecycle.sections_for(file.src_uri))

    def on_env(self, env, config, files):
        # The sitemap lists every page with its date, rendered again or not.
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = self.pages.last_modified(file.page.url)
        # Block tags leave no blank lines and indentation in the pages: about 1 KB less on each.
        env.trim_blocks = env.lstrip_blocks = True
        env.globals["gk_site"] = self.portal.site
        # The inline stylesheet and the policy that allows exactly it, from the same text.
        css = inline_css(env.loader.get_source(env, INLINE_CSS)[0])
        env.globals["gk_css"], env.globals["gk_csp"] = css, page_policy(css)
        # Pages rendered outside the page events (404.html) still carry the site's meta tags.
        env.globals["gk_meta"] = self.pages.meta_tags("404.html", None)
        return env

    def on_page_read_source(self, page, config):
        # The check has read every document once: MkDocs need not read its file and parse its
        # front matter again. The empty front matter keeps MkDocs from taking a first body line
        # such as "Note: …" as metadata; the page's title comes from meta_for below.
        doc = self._document(page.file)
        return None if doc is None else "---\n{}\n---\n" + doc.body

    def on_page_markdown(self, markdown, page, config, files):
        page.meta.update(self.pages.meta_for(page.file.src_uri))
        # The sitemap's lastmod (and its .gz timestamp) is the page's own date, not the build's.
        page.update_date = self.pages.last_modified(page.url)
        return self.pages.markdown_for(page.file.src_uri, markdown, page.file.generated_by is not None)

    def on_page_content(self, html, page, config, files):
        # An editor's text passes the allowlist here, whatever the check let through.
        if page.file.generated_by is None:
            html = sanitize(html)
        # The page's own text only: the lifecycle sections below repeat other documents' titles.
        if self.search is not None:
            if self.reuse is not None:
                for lines in self.reuse.records_before(page.file.src_uri):
                    self.search.add_lines(lines)
            lines = self.search.add(self.pages.index_offers(page.file.src_uri, page.url, page.title), html)
            if self.reuse is not None:
                self.reuse.keep_records(page.file, lines)
        if self.progress is not None:
            self.progress.advance()
        return self.pages.html_for(page.file.src_uri, html) + self.lifecycle.sections_for(page.file.src_uri)

    def on_page_context(self, context, page, config, nav):
        if self.converting:
            # MkDocs has converted every page, so every page has offered its search records:
            # the index is built in a child process while the templates are rendered.
            self.converting = False
            self._stage("写出页面", self.progress.total if self.progress else 0)
            self._start_search(Path(config.site_dir))
        context.update(self.pages.context_for(page.file.src_uri, page.url))
        return context

    def on_post_page(self, output, page, config):
        if self.progress is not None:
            self.progress.advance()
        return output

    def on_serve(self, server, config, builder):
        # data/ feeds the fee list and catalog: editing it must refresh the preview too.
        if self.portal.data_path.is_dir():
            server.watch(str(self.portal.data_path))
        return server

    def _start_search(self, site_dir: Path) -> None:
        if self.search is None or self.search.process is not None:
            return
        previous = grams = None
        if self.reuse is not None:
            for lines in self.reuse.records_before(None):
                self.search.add_lines(lines)
            previous, grams = self.reuse.previous_index(), self.reuse.gram_cache()
        self.search.start(site_dir, previous, grams)

    def on_post_build(self, config):
        self._stage(None)
        try:
            self._start_search(Path(config.site_dir))
            stats = self.search.finish(Path(config.site_dir))
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from exc
        log.info("搜索索引：%s 条记录，%.1f 秒，内存峰值 %.0f MB",
                 stats["records"], stats["seconds"], stats["peak_mb"])
        if self.reuse is not None:
            self.reuse.index_files = self.search.files
        _write_redirects(Path(config.site_dir), self.corpus.redirects, self.outputs)
        if self.reuse is not None:
            self.reuse.finish()

    def on_build_error(self, error):
        self._stage(None)
        if self.search is not None:
            self.search.discard()
        if self.reuse is not None:
            self.reuse.state.discard()
            self.reuse = None

    def _stage(self, label: str | None, total: int = 0) -> None:
        """End the current stage of the build's progress and start ``label`` (None: none)."""
        if self.progress is not None:
            self.progress.close()
        self.progress = Progress(label, total) if label else None


def _write_redirects(site: Path, redirects: dict[str, str], outputs: set[str]) -> None:
    """Write the redirect files into ``site``; ``outputs`` are the paths of the site's files."""
    # An old address still served by a page: nginx's 301 would hide the page from every reader.
    shadowed = [old for old in sorted(redirects) if old.strip("/") in outputs
                or f"{old.strip('/')}/index.html".lstrip("/") in outputs]
    if shadowed:
        raise PluginError("".join(
            f"data/redirects.yml:1: redirect-shadows 旧网址 {old} 仍是网站中的页面或文件，重定向会让读者再也看不到它。"
            "请删除这一行，或先撤下旧网址的内容。\n" for old in shadowed))
    for rel, text in redirect_files(with_companions(redirects, lambda new: _files_in(outputs, new))).items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _files_in(outputs: set[str], address: str) -> list[str]:
    """The files of the site directly in the folder at ``address`` (but its index.html)."""
    folder = address.strip("/")
    return sorted(name for parent, _, name in (d.rpartition("/") for d in outputs)
                  if parent == folder and name != "index.html")


def _through_link(src_uri: str, links: set[str]) -> bool:
    """Whether the file ``src_uri`` or a folder on its way is one of the symbolic ``links``."""
    parts = src_uri.split("/")
    return any("/".join(parts[:i]) in links for i in range(1, len(parts) + 1))
