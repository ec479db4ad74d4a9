"""Decode a file's bytes as UTF-8, reporting BOM, GBK and tabs as problems; tell an attachment's
encoding."""

from __future__ import annotations

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


def text_encoding(raw: bytes) -> str:
    """The encoding of a text attachment: ``utf-8-sig`` (with BOM), ``ascii``, ``utf-8``,
    ``gb18030`` or ``unknown``."""
    if raw.startswith(BOM):
        return "utf-8-sig"
    for name in ("ascii", "utf-8", "gb18030"):
        try:
            raw.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return "unknown"
