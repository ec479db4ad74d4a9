"""Raw HTML that must never be published: scripts, event handlers, javascript: URLs, embeds.

Editors may write a table or a <br> in Markdown; what runs code or pulls in another page is
an error on the line where it is written, in content/ (front matter and text) and in data/.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from ..config import PortalConfig
from ..read.corpus import Corpus
from ..read.text import decode
from .problem import Problem, error

_SCRIPT = re.compile(r"<\s*script\b", re.I)
_EMBED = re.compile(r"<\s*(iframe|object|embed)\b", re.I)
_TAG = re.compile(r"<\s*[a-z][^<>]*>?", re.I)
_EVENT = re.compile(r"[\s\"'/](on[a-z]+)\s*=", re.I)
# Browsers ignore tabs and line breaks inside a URL scheme, and decode entities first.
_JS_URL = re.compile(r"(?:=\s*[\"']?|\]\(\s*<?|<|:\s*[\"']?)\s*(?:javascript|vbscript)\s*:", re.I)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

_ADVICE = "网站不会发布能执行代码或嵌入其他网页的内容。"


def check_html(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Dangerous raw HTML in every Markdown file under content/ and every YAML file in data/."""
    problems: list[Problem] = []
    for base, pattern, markdown in ((config.content_path, "*.md", True), (config.data_path, "*.yml", False)):
        for file in sorted(base.rglob(pattern)) if base.is_dir() else ():
            problems += check_text_file(file, _shown_path(file, config), markdown=markdown)
    return problems


def check_text_file(file: Path, path: str, *, markdown: bool) -> list[Problem]:
    """Problems of one file; unreadable files are reported by the reader, not here."""
    text, _ = decode(file.read_bytes(), path)
    if text is None or not _may_hold_html(text):
        return []
    return check_text(text, path, markdown=markdown)


def _may_hold_html(text: str) -> bool:
    # Every construct checked here needs a "<", the letters of a script: scheme, or a
    # numeric entity (or &colon;) that could spell one; most documents have none, and a
    # line-by-line scan of 2,000 long documents costs seconds.
    lower = text.lower()
    return "<" in text or "&#" in text or "script" in lower or "&colon;" in lower


def check_text(text: str, path: str, *, markdown: bool = True) -> list[Problem]:
    """Each dangerous construct of ``text``, on its own line number."""
    problems = []
    fence = None
    for number, line in enumerate(text.split("\n"), start=1):
        if markdown:
            opened = _FENCE.match(line)
            if fence:
                if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                    fence = None
                continue
            if opened:
                fence = opened.group(1)
                continue
            line = _CODE_SPAN.sub("", line)
        elif line.lstrip().startswith("#"):
            continue
        problems += [error(path, number, code, message) for code, message in _line_problems(line)]
    return problems


def _line_problems(line: str) -> list[tuple[str, str]]:
    found = []
    plain = unescape(line)
    if _SCRIPT.search(plain):
        found.append(("unsafe-html-script", f"这一行有 <script> 脚本。{_ADVICE}请删除整个 <script>…</script>。"))
    for tag in _EMBED.findall(plain):
        found.append(("unsafe-html-embed",
                      f"这一行有 <{tag.lower()}>，会把其他网页或插件嵌入本页。{_ADVICE}"
                      "请删除它，改为写一个普通链接。"))
    for tag in _TAG.findall(plain):
        for handler in _EVENT.findall(tag):
            found.append(("unsafe-html-event",
                          f"这一行的 HTML 标签带有事件属性“{handler}=”，会执行脚本。{_ADVICE}"
                          f"请删除“{handler}=…”这一属性。"))
    if _JS_URL.search(re.sub(r"[\t\r\n]", "", plain)):
        found.append(("unsafe-html-url",
                      f"这一行有“javascript:”链接，点击时会执行脚本。{_ADVICE}"
                      "请改为以 https:// 开头的网址，或链接到本网站的页面。"))
    return found


def _shown_path(file: Path, config: PortalConfig) -> str:
    try:
        return file.relative_to(config.root).as_posix()
    except ValueError:
        return file.as_posix()
