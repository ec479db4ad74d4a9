"""`gongkai serve`: MkDocs' livereload server over a preview that the incremental build refreshes."""

from __future__ import annotations

import base64
import hashlib
import sys
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.livereload import LiveReloadServer

from .config import PortalConfig
from .mkdocs_runner import build_site

_POLICY_SCRIPTS = "script-src &#39;self&#39;"


class PreviewServer(LiveReloadServer):
    """Serves the preview; the pages' policy allows the one reload script it adds to each page
    (the published pages allow no inline script at all)."""

    def _inject_js_into_html(self, content, epoch):
        out = super()._inject_js_into_html(content, epoch)
        start = out.rfind(b"<script>")
        end = out.find(b"</script>", start)
        if start < 0 or end < 0:
            return out
        digest = base64.b64encode(hashlib.sha256(out[start + len(b"<script>"):end]).digest()).decode()
        return out.replace(_POLICY_SCRIPTS.encode(), f"{_POLICY_SCRIPTS} &#39;sha256-{digest}&#39;".encode(), 1)


def serve_site(config: PortalConfig, config_file: Path) -> int:
    """A live preview: MkDocs' livereload server over .gongkai/preview/, which the same
    incremental build as `gongkai build` refreshes after each save (only what changed)."""
    mkdocs_config = load_mkdocs_config(str(config_file))
    host, port = mkdocs_config.dev_addr
    mount_path = urlsplit(mkdocs_config.site_url or "/").path
    serve_url = f"http://{host}:{port}{mount_path}"
    target = config.root / ".gongkai" / "preview"

    def builder() -> int:
        return build_site(config, config_file, site_dir=str(target), wait=600, site_url=serve_url)

    # A failed first build leaves the previous preview, if there is one, to look at meanwhile.
    if builder() != 0 and not target.is_dir():
        return 1
    server = PreviewServer(builder=builder, host=host, port=port, root=str(target), mount_path=mount_path)
    server.error_handler = lambda code: _error_page(target, code)
    for path in (mkdocs_config.docs_dir, config_file, mkdocs_config.theme.custom_dir, config.data_path):
        if path and Path(path).exists():
            server.watch(str(path))
    print(f"预览地址：{serve_url}（修改并保存文件后自动刷新；按 Ctrl+C 结束）", file=sys.stderr)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def _error_page(site: Path, code: int) -> bytes | None:
    page = site / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
