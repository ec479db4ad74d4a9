"""`gongkai import FILE.jsonl`: read, convert, infer relations, then write files and the report."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..config import PortalConfig
from ..progress import Progress
from ..read.files import shown_path
from .jsonl import ImportResult, Options, convert, read_records
from .relations import infer_relations
from .report import import_report
from .yaml_style import markdown

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
# One level of --into: a plain name, so that no "..", absolute or empty part leaves content/.
_FOLDER_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def import_laws(source: Path, config: PortalConfig, *, folder: str, limit: int | None, sample: bool,
                infer: bool, report: Path) -> int:
    """Import a JSON Lines file; a file with a line that is not JSON writes nothing."""
    try:
        records, errors = read_records(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        print(f"无法读取 {source}：{exc}", file=sys.stderr)
        return EXIT_USAGE
    for message in errors:
        print(f"{source}: {message}")
    if errors:
        print(f"{len(errors)} 行有错误，没有导入任何文件。请改正后重试。", file=sys.stderr)
        return EXIT_PROBLEMS
    folder = folder.strip("/")
    if not folder.startswith("policies/"):
        print("--into 须是 content/policies/ 下的文件夹，例如 policies/fagui。", file=sys.stderr)
        return EXIT_USAGE
    bad = [part for part in folder.split("/") if not _FOLDER_PART.match(part)]
    if bad:
        print(f"--into“{folder}”中的“{bad[0]}”不能用作文件夹名：每一级只能用英文字母、数字、连字符和下划线，"
              "不能是“..”或空，例如 policies/fagui。没有导入任何文件。", file=sys.stderr)
        return EXIT_USAGE
    topic = "其他" if "其他" in config.topics else config.topics[-1]
    result = convert(records[:limit], Options(folder=folder, topic=topic, sample=sample))
    escaping = outside_content(result, config)
    if escaping:
        print(escaping, file=sys.stderr)
        return EXIT_USAGE
    inferred, unresolved = infer_relations(result.documents, config) if infer else (None, [])
    write_documents(result, config)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(import_report(str(source), result, config.content_dir, inferred, unresolved),
                      encoding="utf-8")
    for skipped in result.skipped:
        print(f"{source}:{skipped.line}: 未导入 {skipped.id or '（无 id）'}：{skipped.reason}")
    for number, paths in result.shared_numbers:
        print(f"警告：文号“{number}”同时属于 " + "、".join(f"{config.content_dir}/{p}" for p in paths)
              + "（同一文件的不同版本沿用原文号时属正常）。")
    summary = f"已导入 {len(result.documents)} 个文件到 {config.content_dir}/{folder}/，未导入 {len(result.skipped)} 条"
    if inferred is not None:
        review = sum(bool(u.candidates) for u in unresolved)
        summary += f"；由正文推断关系 {len(inferred)} 条，需人工核对 {review} 条"
    print(f"{summary}。详见 {report}。", file=sys.stderr)
    return EXIT_OK


def outside_content(result: ImportResult, config: PortalConfig) -> str | None:
    """Why a document would be written outside content/ (through a linked folder), or None."""
    content = config.content_path.resolve()
    for rel in result.documents:
        target = config.content_path / rel
        links = [p for p in (target, *target.parents) if p.is_symlink()]
        if links or not target.resolve().is_relative_to(content):
            where = shown_path(links[-1], config.root) if links else f"{config.content_dir}/{rel}"
            return (f"“{where}”是一个符号链接，导入的文件会写到 {config.content_dir}/ 之外。"
                    "没有导入任何文件：请删除这个链接，或用 --into 指定其他文件夹。")
    return None


def write_documents(result: ImportResult, config: PortalConfig) -> None:
    """Write every converted document under content/."""
    with Progress("写入文件", len(result.documents), "个") as progress:
        for rel, draft in result.documents.items():
            target = config.content_path / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown(draft.meta, draft.body, draft.comments), encoding="utf-8")
            progress.advance()
