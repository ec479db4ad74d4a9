"""JSON Lines records of laws and regulations → policy documents, every record accounted for.

Versions of one title become a chain: the later 成文日期 replaces (替代) the earlier. A record
flagged 已废止 with no newer version gets an external declaration (外部变更), since the body
that repealed it is not in the portal. A record without a 成文日期 takes its 施行日期 and says
so in 待核对; one with no date at all is imported as a draft for an editor to complete.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

from ..read.values import normalize_doc_number

EXEMPTION = "导入的法律法规文本，原发布机关未随文发布解读。"
# File systems refuse names past 255 bytes; an address this long is unusable anyway.
MAX_ID_LENGTH = 100
UNKNOWN_ISSUER = "（原文未注明发文机关）"


@dataclass(frozen=True)
class Record:
    """One JSON object of the source, with the line it was on."""

    line: int
    data: dict

    @property
    def id(self) -> str:
        return str(self.data.get("id") or "").strip()

    @property
    def title(self) -> str:
        return str(self.data.get("title") or "").strip()


@dataclass(frozen=True)
class Skipped:
    """A record that was not imported, and why."""

    line: int
    id: str
    title: str
    reason: str


@dataclass
class Draft:
    """A document about to be written: its front matter, body and the record it came from."""

    meta: dict
    body: str
    record: Record
    comments: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class ImportResult:
    """Documents to write (by path under content/) and records left out, with why."""

    documents: dict[str, Draft] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    # Records whose dates an editor must check: (path, what was done).
    to_verify: list[tuple[str, str]] = field(default_factory=list)
    # 文号 carried by several records: (文号, paths).
    shared_numbers: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    """How records become documents."""

    folder: str = "policies/fagui"
    topic: str = "其他"
    status_date: dt.date = dt.date(2025, 4, 19)
    sample: bool = False


def read_records(text: str) -> tuple[list[Record], list[str]]:
    """Parse JSON Lines; each line that is not a JSON object is reported by its number."""
    records, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"第 {number} 行不是合法的 JSON：{exc.msg}（第 {exc.colno} 列）。")
            continue
        if not isinstance(data, dict):
            errors.append(f"第 {number} 行不是一条记录（应为 {{…}} 形式的 JSON 对象）。")
            continue
        records.append(Record(number, data))
    return records, errors


def convert(records: list[Record], options: Options = Options()) -> ImportResult:
    """Turn records into policy documents, chaining versions of the same title."""
    result = ImportResult()
    versions = defaultdict(list)
    seen_ids: dict[str, int] = {}
    for record in records:
        reason = _unusable(record, seen_ids)
        if reason:
            result.skipped.append(Skipped(record.line, record.id, record.title, reason))
            continue
        seen_ids[record.id] = record.line
        day = _best_date(record)[0]
        # An undated record cannot be placed in a version chain: it stays a draft of its own.
        versions[record.title if day else ("", record.id)].append((day, record.id, record))
    for chain in versions.values():
        chain.sort(key=lambda v: (v[0], v[1]))
        previous = None
        for index, (_, _, record) in enumerate(chain):
            latest = index == len(chain) - 1
            rel = f"{options.folder}/{record.id}.md"
            meta, note = _front_matter(record, previous, latest, options)
            result.documents[rel] = Draft(meta, str(record.data.get("body_markdown") or ""), record)
            if note:
                result.to_verify.append((rel, note))
            previous = rel.removesuffix(".md")
    result.shared_numbers = _shared_numbers(result.documents)
    return result


def _unusable(record: Record, seen_ids: dict[str, int]) -> str | None:
    """Why a record cannot become a document, or None."""
    if not record.id:
        return "记录没有 id，无法确定文件名。"
    if not record.id.replace("-", "").replace("_", "").isalnum() or not record.id.isascii():
        return f"id“{record.id}”含有不能用作文件名的字符（只能用英文字母、数字、连字符）。"
    if len(record.id) > MAX_ID_LENGTH:
        return f"id 有 {len(record.id)} 个字符，超过了 {MAX_ID_LENGTH} 个，不能用作文件名。请缩短它。"
    if record.id in seen_ids:
        return f"id“{record.id}”与第 {seen_ids[record.id]} 行的记录重复。"
    if not record.title:
        return "记录没有标题（title）。"
    return None


def _best_date(record: Record) -> tuple[dt.date | None, str | None]:
    """The record's 成文日期, else its 施行日期 with a note saying so, else (None, note)."""
    issued = _date(record.data.get("date_issued"))
    if issued:
        return issued, None
    effective = _date(record.data.get("date_effective"))
    if effective:
        return effective, (f"原数据没有成文日期，成文日期、发布日期暂取施行日期 {effective}。"
                           "请核对原件后改正，并删除这一行。")
    return None, ("原数据没有任何日期，成文日期、发布日期暂填数据导出日期，文件作为草稿导入。"
                  "请按原件填写日期，删除“草稿”和这一行后发布。")


def _front_matter(record: Record, previous: str | None, latest: bool, options: Options):
    data = record.data
    issued, note = _best_date(record)
    meta = {"标题": record.title}
    if data.get("doc_number"):
        meta["文号"] = normalize_doc_number(str(data["doc_number"]))
    meta["发文机关"] = str(data.get("issuer") or "").strip() or UNKNOWN_ISSUER
    meta["公文种类"] = _doc_type(str(data.get("category") or ""))
    meta["主题分类"] = [options.topic]
    meta["成文日期"] = meta["发布日期"] = issued or options.status_date
    effective = _date(data.get("date_effective"))
    if effective and effective >= meta["成文日期"]:
        meta["施行日期"] = effective
    meta["需要解读"] = False
    meta["免于解读理由"] = EXEMPTION
    if previous:
        meta["替代"] = [previous]
    if latest and data.get("status") == "已废止":
        meta["外部变更"] = {
            "状态": "已废止",
            "日期": max(options.status_date, meta["发布日期"]),
            "机关": "（来源数据未载明）",
            "说明": f"来源数据标注为已失效，未载明废止日期与机关；以数据导出日期 {options.status_date} 记。",
        }
    if issued is None:
        meta["草稿"] = True
    if note:
        meta["待核对"] = note
    if options.sample:
        meta["示例"] = True
    return meta, note


def _shared_numbers(documents: dict[str, Draft]) -> list[tuple[str, list[str]]]:
    holders = defaultdict(list)
    for rel, draft in documents.items():
        if draft.meta.get("文号"):
            holders[draft.meta["文号"]].append(rel)
    return [(number, paths) for number, paths in holders.items() if len(paths) > 1]


def _doc_type(category: str) -> str:
    # Laws, regulations and rules are promulgated by 令; local regulations and
    # judicial interpretations by 公告.
    return "令" if category.split("/")[0] in ("法律", "行政法规", "部门规章", "宪法") else "公告"


def _date(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
