"""Decode a file's bytes as UTF-8, reporting BOM, GBK and tabs as problems; tell an attachment's
encoding."""

from __future__ import annotations

import codecs
import math
from pathlib import Path

from ..problem import Problem, error

BOM = b"\xef\xbb\xbf"


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Return the text (None when it cannot be read) and the problems found."""
    problems: list[Problem] = []
    if raw.startswith(BOM):
        problems.append(error(
            path, 1, "bom",
            "文件开头有 UTF-8 BOM（不可见的字节顺序标记）。"
            "请在编辑器中将文件另存为“UTF-8（无 BOM）”编码。",
        ))
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if _is_gbk(raw):
            why = "文件是 GBK（或 GB2312）编码，不是 UTF-8。"
        else:
            why = "文件含有不是 UTF-8 编码的字节。"
        problems.append(error(
            path, line, "encoding",
            why + "请在编辑器中将文件另存为“UTF-8（无 BOM）”编码后再提交。",
        ))
        return None, problems
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def _is_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


def read_bounded(file: Path, path: str, max_kb: int) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None with a problem when it is larger than ``max_kb``."""
    size = file.stat().st_size
    if size <= max_kb * 1024:
        return file.read_bytes(), []
    return None, [error(
        path, 1, "file-too-large",
        f"文件有 {math.ceil(size / 1024)} KB，超过了上限 {max_kb} KB，门户不读取它。"
        "请检查是否误把其他内容（如整本书、图片的编码）放进了文件；正文确实很长时可拆成几个文件，"
        "或在 mkdocs.yml 的 gongkai 设置中调高 max_file_kb。",
    )]


def text_encoding(head: bytes, whole: bool = True) -> str:
    """The encoding of a text attachment from its first bytes (``whole``: all of them):
    ``utf-8-sig`` (with BOM), ``ascii``, ``utf-8``, ``gb18030`` or ``unknown``."""
    if head.startswith(BOM):
        return "utf-8-sig"
    for name in ("ascii", "utf-8", "gb18030"):
        try:
            # A cut through the last character of a partial read is not an error.
            codecs.getincrementaldecoder(name)().decode(head, final=whole)
        except UnicodeDecodeError:
            continue
        return name
    return "unknown"
