"""The import report: what was imported, left out, inferred and left for review, in one file."""

from __future__ import annotations

from .jsonl import Draft, ImportResult
from .relations import Inferred, Unresolved
from .yaml_style import front_matter


def body_line(draft: Draft) -> int:
    """The line the body starts on once ``draft`` is written."""
    return front_matter(draft.meta, draft.comments).count("\n") + 3


def import_report(source: str, result: ImportResult, content_dir: str, inferred: list[Inferred] | None,
                  unresolved: list[Unresolved]) -> str:
    """The report as Markdown: counts first, then one line per record or clause to look at."""
    where = f"{content_dir}/"

    def at(cited) -> str:
        return f"{where}{cited.path}:{cited.body_offset + body_line(result.documents[cited.path])}"

    drafts = sum(bool(d.meta.get("草稿")) for d in result.documents.values())
    review = [u for u in unresolved if u.candidates]
    absent = [u for u in unresolved if not u.candidates]
    total = len(result.documents) + len(result.skipped)
    lines = [
        "# 导入报告", "",
        f"来源：`{source}`，共 {total} 条记录。", "",
        f"- 已导入：{len(result.documents)} 个文件（其中 {drafts} 个作为草稿）",
        f"- 未导入：{len(result.skipped)} 条",
        f"- 日期待核对：{len(result.to_verify)} 个文件（前置信息中有“待核对”一行）",
        f"- 文号相同的文件：{len(result.shared_numbers)} 组",
    ]
    if inferred is None:
        lines.append("- 由正文推断关系：未进行（加上 --infer-relations 可由“……同时废止”等条款推断）")
    else:
        lines += [f"- 由正文推断的关系：{len(inferred)} 条",
                  f"- 需要人工核对的条款引用：{len(review)} 条",
                  f"- 所引文件不在门户中：{len(absent)} 条"]
    lines.append("")
    if result.skipped:
        lines += ["## 未导入的记录", ""]
        lines += [f"- 第 {s.line} 行 {s.id or '（无 id）'}《{s.title or '（无标题）'}》：{s.reason}"
                  for s in result.skipped]
        lines.append("")
    if result.to_verify:
        lines += ["## 日期待核对", ""]
        lines += [f"- {where}{rel}（第 {result.documents[rel].record.line} 行）：{note}"
                  for rel, note in result.to_verify]
        lines.append("")
    if result.shared_numbers:
        lines += ["## 文号相同的文件（警告）", "",
                  "同一文件的各个版本常沿用原文号；引用其中一个版本时请写文件编号。", ""]
        lines += [f"- {number}：" + "、".join(f"{where}{p}（第 {result.documents[p].record.line} 行）"
                                            for p in paths)
                  for number, paths in result.shared_numbers]
        lines.append("")
    if inferred:
        lines += ["## 由正文推断的关系", ""]
        lines += [f"- {at(i.cited)}：{i.cited.kind} {i.ref}（{i.target_path}）。依据：{i.cited.sentence}"
                  for i in inferred]
        lines.append("")
    for title, items in (("需要人工核对的条款引用", review), ("所引文件不在门户中", absent)):
        if items:
            lines += [f"## {title}", ""]
            lines += [f"- {at(u.cited)}：{u.cited.label}，{u.reason}"
                      + (f"（可能是：{'、'.join(u.candidates)}）" if u.candidates else "")
                      + f"。原文：{u.cited.sentence}" for u in items]
            lines.append("")
    lines += ["## 已导入的记录", ""]
    lines += [f"- 第 {d.record.line} 行 → {where}{rel}" for rel, d in
              sorted(result.documents.items(), key=lambda item: item[1].record.line)]
    lines.append("")
    return "\n".join(lines)
