"""Build Policy and Interpretation objects from parsed Markdown files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..check.problem import Problem, error
from ..config import PortalConfig
from ..model.documents import (
    ATTACHMENT,
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
from .frontmatter import parse
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


def read_document(file: Path, config: PortalConfig) -> tuple[Policy | Interpretation | Unreadable | None, list[Problem]]:
    """Read one file under content/policies or content/interpretations."""
    rel = file.relative_to(config.content_path).as_posix()
    path = file.relative_to(config.root).as_posix() if _under(file, config.root) else rel
    schema, cls = KINDS[rel.split("/", 1)[0]]
    parsed, problems = parse(file.read_bytes(), path)
    if parsed is None:
        return None, problems
    reader = FieldReader(schema, path, parsed.lines, choices={"主题分类": config.topics})
    values = reader.read(parsed.meta)
    problems += reader.problems
    values["attachments"] = _attachments(values["attachments"], file, config, reader, parsed.lines)
    if "external_change" in values and values["external_change"] is not None:
        values["external_change"] = _external_change(values["external_change"], reader, parsed.lines)
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
        sub = FieldReader(ATTACHMENT, reader.path, item_lines)
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
        found.append(Attachment(values["name"], rel, target.stat().st_size))
    return tuple(found)


def _external_change(raw: dict, reader: FieldReader, lines: Lines) -> ExternalChange | None:
    sub = FieldReader(EXTERNAL_CHANGE, reader.path, lines.keys.get("外部变更", lines),
                      choices={"状态": EXTERNAL_STATUSES})
    values = sub.read(raw)
    reader.problems.extend(sub.problems)
    return None if sub.problems else ExternalChange(**values)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True
