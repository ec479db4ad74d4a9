"""The Content-Security-Policy every page carries: the site's own files only, no inline script.

The page states it in a <meta http-equiv> (so it holds on any server) with the hash of the one
inline <style>; deploy/nginx.conf sends the same policy as a header, where the style's hash
cannot be known in advance. A browser enforces both, so only the hashed style runs.
"""

from __future__ import annotations

import base64
import hashlib

# The site's search is plain JavaScript reading static files: no WebAssembly, no eval.
SCRIPT_SRC = "script-src 'self'"
# The favicon is a data: image in the page; a data: image loads nothing from another host and
# runs nothing (the allowlist keeps data: out of page bodies all the same).
SAME_ORIGIN = ("img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "manifest-src 'self'")
LOCKED = ("base-uri 'none'", "form-action 'self'", "object-src 'none'")
# Only a header can forbid framing: browsers ignore frame-ancestors in a <meta> policy.
HEADER_ONLY = ("frame-ancestors 'none'",)


def style_hash(css: str) -> str:
    """The CSP source expression that allows exactly one inline <style> with content ``css``."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_policy(inline_css: str) -> str:
    """The policy of a page whose only inline code is the stylesheet ``inline_css``."""
    return _policy(f"style-src 'self' {style_hash(inline_css)}", ())


def header_policy() -> str:
    """The policy the server sends with every response (deploy/nginx.conf)."""
    return _policy("style-src 'self' 'unsafe-inline'", HEADER_ONLY)


def _policy(style_src: str, extra: tuple[str, ...]) -> str:
    return "; ".join(("default-src 'none'", SCRIPT_SRC, style_src, *SAME_ORIGIN, *LOCKED, *extra))


def inline_css(css: str) -> str:
    """The stylesheet as every page inlines it: without comments and needless spaces. rcssmin is
    a kept CSS minifier (a hand-written one would break strings and hacks); 2 KB less a page."""
    from rcssmin import cssmin

    return cssmin(css)
