"""Page content from the model: strings and bytes only, no I/O and no MkDocs.

The MkDocs plugin adds what ``build_site_pages`` returns as virtual pages and passes each
document's ``DocumentView`` to the theme as ``gk_doc``. The theme's templates only lay out
what is given here.

Status notice slot: ``theme_overrides/partials/gk-status-notice.html`` sits at the top of
every document page, above the title. It renders, first found:
``gk_doc.status_notice_html`` (HTML built here from the document's status record), then
``page.meta.gk_status_notice`` (plain text a plugin event may set). The notice is a
``<div id="gk-status-notice" role="note">`` so a reader meets it before the text.
"""

from .site import SitePages, build_site_pages

__all__ = ["SitePages", "build_site_pages"]
