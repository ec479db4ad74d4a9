"""Build Policy and Interpretation objects from parsed Markdown files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..config import PortalConfig
from ..model.documents import (
    ATTACHMENT,
    ATTACHMENT_TYPES,
    EXTERNAL_CHANGE,
    INTERPRETATION,
    POLICY,
    Attachment,
    ExternalChange,
    Interpretation,
    Policy,
    Source,
)
from ..model.status import EXTERNAL_STATUSES
from ..problem import Problem, error
from .frontmatter import parse
from .text import read_bounded
from .values import FieldReader, normalize_doc_number
from .yaml_lines import Lines

KINDS = {"policies": (POLICY, Policy), "interpretations": (INTERPRETATION, Interpretation)}


@dataclass(frozen=True)
class Unreadable:
    """A document whose fields have errors: kept so that others' rules do not cascade."""

    id: str
    path: str
    meta: dict

    def names(self) -> set[str]:
        """The id and 文号 that references may use for it."""
        number = self.meta.get("文号")
        return {self.id} | ({normalize_doc_number(str(number))} if number else set())

    def refs(self) -> set[str]:
        """What it says it interprets, as written."""
        raw = self.meta.get("解读对象") or []
        return {normalize_doc_number(str(r)) for r in (raw if isinstance(raw, list) else [raw])}


_SALVAGE = re.compile(r"^\s*(文号|解读对象)\s*[:：]\s*(.+?)\s*$", re.M)


def salvage_meta(raw: bytes) -> dict:
    """Best-effort 文号 and 解读对象 of a file that cannot be parsed, to avoid cascades."""
    text = raw.decode("utf-8", errors="ignore")
    if not _SALVAGE.search(text):
        text = raw.decode("gbk", errors="ignore")
    return {key: value.strip("'\"") for key, value in _SALVAGE.findall(text)}


def read_document(file: Path, config: PortalConfig) -> tuple[Policy | Interpretation | Unreadable | None, list[Problem]]:
    """Read one file under content/policies or content/interpretations."""
    rel = file.relative_to(config.content_path).as_posix()
    path = file.relative_to(config.root).as_posix() if _under(file, config.root) else rel
    raw, problems = read_bounded(file, path, config.max_file_kb)
    if raw is None:
        # Its 文号 from the head of the file keeps references to it from failing as well.
        with file.open("rb") as head:
            return Unreadable(rel.removesuffix(".md"), path, salvage_meta(head.read(64 * 1024))), problems
    return document_from_bytes(raw, file, rel, path, config)


def document_from_bytes(raw: bytes, file: Path, rel: str, path: str, config: PortalConfig):
    """Read a document's bytes as if they were ``file`` (``rel`` under content/, shown as ``path``)."""
    schema, cls = KINDS[rel.split("/", 1)[0]]
    parsed, problems = parse(raw, path)
    if parsed is None:
        return Unreadable(rel.removesuffix(".md"), path, salvage_meta(raw)), problems
    reader = FieldReader(schema, path, parsed.lines, choices={"主题分类": config.topics})
    values = reader.read(parsed.meta)
    values["attachments"] = _attachments(values["attachments"], file, config, reader, parsed.lines)
    if values.get("external_change") is not None:
        values["external_change"] = _external_change(values["external_change"], reader, parsed.lines)
    problems += reader.problems
    if any(p.is_error for p in problems):
        return Unreadable(rel.removesuffix(".md"), path, parsed.meta), problems
    lines = {key: node.line for key, node in parsed.lines.keys.items()}
    source = Source(path, lines, parsed.body_line)
    doc = cls(id=rel.removesuffix(".md"), source=source, body=parsed.body, **values)
    return doc, problems


def _attachments(items, file: Path, config: PortalConfig, reader: FieldReader, lines: Lines):
    found = []
    node = lines.keys.get("附件", lines)
    for index, item in enumerate(items or ()):
        item_lines = node.items[index] if index < len(node.items) else node
        sub = FieldReader(ATTACHMENT, reader.path, item_lines, where="这一附件中")
        values = sub.read(item)
        reader.problems.extend(sub.problems)
        if sub.problems:
            continue
        target = (file.parent / values["file"]).resolve()
        if not target.is_file() or not _under(target, config.content_path.resolve()):
            reader.problems.append(error(
                reader.path, item_lines.of("文件"), "missing-attachment",
                f"附件“{values['name']}”的文件“{values['file']}”不存在。"
                "请把文件放在 content/ 下（路径相对于本文件所在文件夹），或改正文件名。",
            ))
            continue
        rel = target.relative_to(config.content_path.resolve()).as_posix()
        kind = target.suffix.lower().removeprefix(".")
        if kind not in ATTACHMENT_TYPES:
            reader.problems.append(error(
                reader.path, item_lines.of("文件"), "attachment-type",
                f"附件“{values['name']}”的文件“{values['file']}”是{f' .{kind} ' if kind else '没有扩展名的'}文件，"
                "门户不发布这种类型：网页、脚本和程序会在读者的浏览器或电脑上运行。"
                f"请转换为 PDF 等格式后再列出。可发布的类型：{'、'.join(sorted(ATTACHMENT_TYPES))}。",
            ))
            continue
        found.append(Attachment(values["name"], rel, target.stat().st_size))
    return tuple(found)


def _external_change(raw: dict, reader: FieldReader, lines: Lines) -> ExternalChange | None:
    sub = FieldReader(EXTERNAL_CHANGE, reader.path, lines.keys.get("外部变更", lines),
                      choices={"状态": EXTERNAL_STATUSES}, where="“外部变更”下")
    values = sub.read(raw)
    reader.problems.extend(sub.problems)
    return None if sub.problems else ExternalChange(**values)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True
