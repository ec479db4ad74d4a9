"""JSON Lines records of laws and regulations → policy Markdown files.

Versions of one title become a chain: the later 成文日期 replaces (替代) the earlier. A record
flagged 已废止 with no newer version gets an external declaration (外部变更), since the body
that repealed it is not in the portal.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import yaml

from ..read.values import normalize_doc_number

EXEMPTION = "导入的法律法规文本，原发布机关未随文发布解读。"
UNKNOWN_ISSUER = "（原文未注明发文机关）"


@dataclass
class ImportResult:
    """Files to write (relative to content/) and records left out, with why."""

    files: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Options:
    """How records become documents."""

    folder: str = "policies/fagui"
    topic: str = "其他"
    status_date: dt.date = dt.date(2025, 4, 19)
    sample: bool = False


def read_records(text: str) -> tuple[list[dict], list[str]]:
    """Parse JSON Lines; each bad line is reported by its number, nothing raised."""
    records, errors = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"第 {number} 行不是合法的 JSON：{exc.msg}（第 {exc.colno} 列）。")
            continue
        if not isinstance(record, dict) or not record.get("id") or not record.get("title"):
            errors.append(f"第 {number} 行缺少 id 或 title，无法导入。")
            continue
        records.append(record)
    return records, errors


def convert(records: list[dict], options: Options = Options()) -> ImportResult:
    """Turn records into policy files, chaining versions of the same title."""
    result = ImportResult()
    dated = []
    for record in records:
        issued = _date(record.get("date_issued"))
        if issued is None:
            result.skipped.append(f"{record['id']} 《{record['title']}》：没有成文日期，未导入。")
            continue
        dated.append((record, issued))
    numbers = defaultdict(int)
    for record, _ in dated:
        if record.get("doc_number"):
            numbers[normalize_doc_number(record["doc_number"])] += 1
    versions = defaultdict(list)
    for record, issued in dated:
        versions[record["title"]].append((issued, record["id"], record))
    for chain in versions.values():
        chain.sort(key=lambda v: (v[0], v[1]))
        previous = None
        for index, (issued, _, record) in enumerate(chain):
            latest = index == len(chain) - 1
            meta = _front_matter(record, issued, previous, latest, numbers, options)
            doc_id = f"{options.folder}/{record['id']}"
            result.files[f"{doc_id}.md"] = _markdown(meta, record.get("body_markdown") or "")
            previous = doc_id
    return result


def _front_matter(record, issued, previous, latest, numbers, options: Options) -> dict:
    meta = {"标题": record["title"].strip()}
    number = normalize_doc_number(record["doc_number"]) if record.get("doc_number") else None
    if number and numbers[number] == 1:
        meta["文号"] = number
    meta["发文机关"] = (record.get("issuer") or "").strip() or UNKNOWN_ISSUER
    meta["公文种类"] = _doc_type(record.get("category") or "")
    meta["主题分类"] = [options.topic]
    meta["成文日期"] = issued
    meta["发布日期"] = issued
    effective = _date(record.get("date_effective"))
    if effective and effective >= issued:
        meta["施行日期"] = effective
    meta["需要解读"] = False
    meta["免于解读理由"] = EXEMPTION
    if previous:
        meta["替代"] = [previous]
    if latest and record.get("status") == "已废止":
        meta["外部变更"] = {
            "状态": "已废止",
            "日期": max(options.status_date, issued),
            "机关": "（来源数据未载明）",
            "说明": f"来源数据标注为已失效，未载明废止日期与机关；以数据导出日期 {options.status_date} 记。",
        }
    if options.sample:
        meta["示例"] = True
    return meta


def _doc_type(category: str) -> str:
    # Laws, regulations and rules are promulgated by 令; local regulations and
    # judicial interpretations by 公告.
    return "令" if category.split("/")[0] in ("法律", "行政法规", "部门规章", "宪法") else "公告"


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _markdown(meta: dict, body: str) -> str:
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{body.strip()}\n"
