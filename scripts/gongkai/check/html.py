"""HTML that must never be published: what the allowlist drops, reported on the line it is written.

A Markdown body is rendered and held against the allowlist (check/allowlist.py), so a tag split
over lines, an entity-spelt scheme or a reference definition on the next line is judged as a
browser would read it. YAML values (front matter and data/) are always printed escaped; a value
that looks like script is still refused there, since an editor who writes one made a mistake.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import markdown

from ..config import PortalConfig
from ..read.corpus import Corpus
from ..read.files import markdown_files, shown_path
from ..read.text import decode, read_bounded
from ..read.yaml_lines import check_aliases_and_tags
from .allowlist import URL_ATTRIBUTES, Removed, elements, removed_constructs
from .problem import Problem, error

_SCRIPT = re.compile(r"<\s*script\b", re.I)
_EMBED = re.compile(r"<\s*(iframe|object|embed)\b", re.I)
_TAG = re.compile(r"<\s*[a-z][^<>]*>?", re.I)
_EVENT = re.compile(r"[\s\"'/](on[a-z]+)\s*=", re.I)
# Browsers ignore tabs and line breaks inside a URL scheme, and decode entities first.
_JS_URL = re.compile(r"(?:=\s*[\"']?|\]\(\s*<?|<|:\s*[\"']?)\s*(?:javascript|vbscript)\s*:", re.I)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

# The Markdown the build uses (MkDocs' defaults; table alignment as an attribute, not a style).
MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code"]
MARKDOWN_CONFIGS = {"tables": {"use_align_attribute": True}}

_ADVICE = "网站不会发布能执行代码或嵌入其他网页的内容。"
_ALLOWED = "网站正文只允许文字、标题、列表、表格、链接和本网站的图片。"
_SCRIPT_MESSAGE = f"这一行有 <script> 脚本。{_ADVICE}请删除整个 <script>…</script>。"
_TAG_REASONS = {
    "base": "会改变本页所有链接和文件的去向",
    "meta": "会让页面自动跳转到其他网址或改变页面设置",
    "link": "会从其他地方加载样式或文件",
    "style": "会改变整个页面的样式，并可能从其他网站加载内容",
    "svg": "可以夹带脚本和其他网站的内容",
    "math": "可以夹带脚本和其他网站的内容",
    "frame": "会把其他网页嵌入本页",
    "frameset": "会把其他网页嵌入本页",
    "applet": "会运行插件",
    "template": "可以夹带隐藏的内容",
    "noscript": "可以夹带隐藏的内容",
}
_FORM_TAGS = {"form", "input", "button", "select", "textarea", "option", "label", "fieldset",
              "output", "datalist", "optgroup", "keygen"}


def check_html(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Every construct of content/ and data/ that the page would not show as written."""
    problems: list[Problem] = []
    for file in markdown_files(config.content_path):
        problems += check_markdown_file(file, shown_path(file, config.root), config.max_file_kb)
    data = config.data_path
    for file in sorted(p for p in data.glob("*.yml") if p.is_file() and not p.is_symlink()) if data.is_dir() else ():
        # A file too large to read is reported once: by the reader and here as the same problem.
        raw, too_large = read_bounded(file, shown_path(file, config.root), config.max_file_kb)
        problems += too_large
        text, _ = decode(raw, shown_path(file, config.root)) if raw is not None else (None, [])
        if text is not None:
            problems += check_yaml_text(text, shown_path(file, config.root))
    return problems


def check_markdown_file(file: Path, path: str, max_kb: int) -> list[Problem]:
    """Problems of one Markdown file; unreadable files are reported by the reader, not here."""
    raw, too_large = read_bounded(file, path, max_kb)
    if raw is None:
        return too_large
    text, _ = decode(raw, path)
    if text is None:
        return []
    front, body, body_line = split_front_matter(text)
    # Pages other than documents are read by MkDocs alone: their aliases and tags are refused
    # here (for documents the reader says the same, and the report keeps one copy).
    return (check_aliases_and_tags(front, 2, path) + check_yaml_text(front, path, first_line=2)
            + check_body(body, path, body_line))


def split_front_matter(text: str) -> tuple[str, str, int]:
    """(front matter, body, line of the body's first line); no front matter gives ("", text, 1)."""
    rows = text.split("\n")
    if not rows or rows[0].strip() != "---":
        return "", text, 1
    end = next((i for i in range(1, len(rows)) if rows[i].rstrip() in ("---", "...")), None)
    if end is None:
        return "", text, 1
    return "\n".join(rows[1:end]), "\n".join(rows[end + 1:]), end + 2


def check_yaml_text(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Script-like YAML values, each on its own line (they would be shown as plain text)."""
    if not _may_hold_html(text):
        return []
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if not line.lstrip().startswith("#"):
            problems += [error(path, number, code, message) for code, message in _line_problems(line)]
    return problems


def check_body(body: str, path: str, first_line: int = 1) -> list[Problem]:
    """Each construct of a Markdown body that the allowlist would drop, on its own line."""
    if not _may_hold_markup(body):
        return []
    html = render_markdown(body)
    lines = _SourceLines(body, first_line)
    return [error(path, lines.of(item), *_describe(item)) for item in removed_constructs(html)]


def render_markdown(body: str) -> str:
    """The HTML the build renders from a Markdown body."""
    return markdown.markdown(body, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIGS)


def _may_hold_markup(text: str) -> bool:
    # Elements come from "<" (HTML, autolinks) and "](" / "]:" (links); without any of
    # them Markdown writes only text, headings and lists, and rendering can be skipped.
    return "<" in text or "](" in text or "]:" in text or "&" in text


def _may_hold_html(text: str) -> bool:
    lower = text.lower()
    return "<" in text or "&#" in text or "script" in lower or "&colon;" in lower


def _line_problems(line: str) -> list[tuple[str, str]]:
    found = []
    plain = unescape(line)
    if _SCRIPT.search(plain):
        found.append(("unsafe-html-script", _SCRIPT_MESSAGE))
    for tag in _EMBED.findall(plain):
        found.append(_embed(tag.lower()))
    for tag in _TAG.findall(plain):
        for handler in _EVENT.findall(tag):
            found.append(_event(handler))
    if _JS_URL.search(re.sub(r"[\t\r\n]", "", plain)):
        found.append(_script_url("javascript"))
    return found


def _embed(tag: str) -> tuple[str, str]:
    return ("unsafe-html-embed",
            f"这一行有 <{tag}>，会把其他网页或插件嵌入本页。{_ADVICE}请删除它，改为写一个普通链接。")


def _event(handler: str) -> tuple[str, str]:
    return ("unsafe-html-event",
            f"这一行的 HTML 标签带有事件属性“{handler}=”，会执行脚本。{_ADVICE}"
            f"请删除“{handler}=…”这一属性。")


def _script_url(scheme: str) -> tuple[str, str]:
    return ("unsafe-html-url",
            f"这一行有“{scheme}:”链接，点击时会执行脚本。{_ADVICE}"
            "请改为以 https:// 开头的网址，或链接到本网站的页面。")


def _describe(item: Removed) -> tuple[str, str]:
    """The code and plain-Chinese message for one dropped construct."""
    if item.attribute is None:
        if item.tag == "script":
            return "unsafe-html-script", _SCRIPT_MESSAGE
        if item.tag in ("iframe", "object", "embed"):
            return _embed(item.tag)
        if item.tag in _FORM_TAGS:
            return ("unsafe-html-form",
                    f"这一行有 <{item.tag}>，会让读者在本页填写内容（可能是密码）并发送出去。"
                    f"{_ALLOWED}请删除这个表单，需要读者办理的事项请链接到政务服务网站。")
        reason = _TAG_REASONS.get(item.tag, "不在网站正文允许使用的标签之列")
        return "unsafe-html-tag", f"这一行有 <{item.tag}>，{reason}。{_ALLOWED}请删除它。"
    name = item.attribute
    if name.startswith("on"):
        return _event(name)
    if name in URL_ATTRIBUTES:
        url = _INVISIBLE.sub("", item.value)
        scheme = urlsplit(url).scheme.lower() if ":" in url else ""
        if scheme in ("javascript", "vbscript"):
            return _script_url(scheme)
        if scheme and scheme not in ("http", "https"):
            return ("unsafe-html-url",
                    f"这一行的地址“{_short(item.value)}”以“{scheme}:”开头。网站只允许 https://、http://、"
                    "mailto:、tel: 开头的地址和本网站的相对地址。请改正这一地址。")
        return ("unsafe-html-remote",
                f"这一行的图片从其他网站加载（{_short(item.value)}）。本网站的页面不从其他网站加载任何内容。"
                "请把图片文件放在本文件所在的文件夹，用相对路径引用。")
    return ("unsafe-html-attr",
            f"这一行的 <{item.tag}> 带有属性“{name}”，网站正文不允许使用它。{_ALLOWED}请删除这一属性。")


def _short(value: str) -> str:
    text = _INVISIBLE.sub(" ", value).strip()
    return text if len(text) <= 60 else text[:57] + "…"


class _SourceLines:
    """Finds the source line of a construct found in the rendered HTML."""

    def __init__(self, body: str, first_line: int) -> None:
        self.first_line = first_line
        self.rows = body.split("\n")
        self.tags = self._source_tags(body)
        self.used: set[int] = set()
        # The body with entities decoded and invisible characters dropped, each character
        # remembering its line: a URL split by a line break or a control character is found.
        chars, where = [], []
        for number, row in enumerate(self.rows):
            for ch in _INVISIBLE.sub("", unescape(row)):
                chars.append(ch)
                where.append(number)
        self.flat, self.where = "".join(chars).lower(), where

    @staticmethod
    def _source_tags(body: str) -> list[tuple[str, dict[str, str], int]]:
        # The raw HTML of the source, read by the same parser, with each tag's line.
        return [(tag, dict(attrs), line) for tag, attrs, line in _positioned_elements(body)]

    def of(self, item: Removed) -> int:
        """The line of ``item``: its raw tag, else where its URL is written, else the body's start."""
        for index, (tag, attrs, line) in enumerate(self.tags):
            if tag != item.tag or index in self.used:
                continue
            if item.attribute is None or attrs.get(item.attribute) == item.value:
                self.used.add(index)
                return self.first_line + line - 1
        if item.value:
            needle = _INVISIBLE.sub("", item.value).lower()
            at = self.flat.find(needle) if needle else -1
            if at >= 0:
                return self.first_line + self.where[at]
        return self.first_line


def _positioned_elements(text: str) -> list[tuple[str, tuple[tuple[str, str], ...], int]]:
    """Start tags of raw HTML in ``text`` with their 1-based line; code is skipped."""
    rows = text.split("\n")
    masked = []
    fence = None
    for row in rows:
        opened = re.match(r"^\s{0,3}(`{3,}|~{3,})", row)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            masked.append("")
            continue
        if opened:
            fence = opened.group(1)
            masked.append("")
            continue
        masked.append(re.sub(r"(`+)(?:(?!\1).)+?\1", lambda m: " " * len(m.group(0)), row))
    found = []
    for number, row in enumerate(masked, start=1):
        if "<" not in row:
            continue
        # A tag may run over several lines: parse from this line to the end of the tag.
        for tag, attrs in elements(_tags_starting_on(masked, number - 1)):
            found.append((tag, attrs, number))
    return found


def _tags_starting_on(rows: list[str], index: int) -> str:
    text = rows[index]
    extra = index + 1
    # Complete a tag left open at the end of the line with the lines that follow it.
    while text.rfind("<") > text.rfind(">") and extra < len(rows) and extra - index < 20:
        text += "\n" + rows[extra]
        extra += 1
    if text.rfind("<") > text.rfind(">"):
        text = text[:text.rfind("<")]
    return text
