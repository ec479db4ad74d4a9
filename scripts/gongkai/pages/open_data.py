"""Open data: each document's metadata as JSON, the JSON Schema of every published JSON file, and
one machine-readable index of all the portal's data files (/kaifang/index.json).

The schemas describe the files as published (every key of a list entry present, an optional
value null), not the editors' input files that `gongkai schema` describes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..derive.status import StatusRecord
from ..model.documents import Interpretation, Policy
from ..model.fields import Field, Kind, Schema
from . import urls
from .html import date_text, esc, link
from .listing import front_matter

BASE = urls.OPEN_DATA
INDEX = f"{BASE}index.json"
SCHEMAS = f"{BASE}schema/"
FEES_SCHEMA = f"{SCHEMAS}shoufei.schema.json"
CATALOG_SCHEMA = f"{SCHEMAS}mulu.schema.json"
DOCUMENT_SCHEMA = f"{SCHEMAS}yuanshuju.schema.json"
INDEX_SCHEMA = f"{SCHEMAS}index.schema.json"
# Beside each document's page: /policies/2017/x/yuanshuju.json.
METADATA_NAME = "yuanshuju.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

FORMATS = {"json": "JSON", "csv": "CSV", "xlsx": "XLSX", "xml": "Atom"}


@dataclass(frozen=True)
class DataFile:
    """One open-data file as the index lists it; ``path`` and ``schema`` are below the site root."""

    name: str
    path: str
    schema: str | None = None
    sample: bool = False
    updated: dt.date | None = None


def address(site_url: str, path: str) -> str:
    """A file's absolute address when the site's is known, else its path from the site root."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


def to_json(data: dict) -> bytes:
    """Stable, readable UTF-8 JSON: the same data gives the same bytes in every build."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _string(fmt: str | None = None) -> dict:
    return {"type": "string", "format": fmt} if fmt else {"type": "string"}


_DATE = _string("date")
_STRINGS = {"type": "array", "items": {"type": "string"}}


def _published_type(field: Field) -> dict:
    """A field's value as the published JSON writes it: lists always as arrays."""
    if field.kind is Kind.DATE:
        kind = _DATE
    elif field.kind is Kind.BOOL:
        kind = {"type": "boolean"}
    elif field.kind is Kind.CHOICE and field.choices:
        kind = {"enum": list(field.choices)}
    elif field.kind in (Kind.TEXTS, Kind.REFS, Kind.CHOICES):
        kind = _STRINGS
    else:
        kind = _string()
    kind = kind | {"description": field.help or field.key}
    return kind if field.required else {"anyOf": [kind, {"type": "null"}]}


def list_schema(title: str, entry: Schema, path: str, site_url: str) -> dict:
    """The schema of a published list (the fee list's or the catalog's JSON)."""
    item = {"type": "object", "title": entry.name, "required": list(entry.keys), "additionalProperties": False,
            "properties": {f.key: _published_type(f) for f in entry.fields}}
    return {
        "$schema": DRAFT, "$id": address(site_url, path), "title": title, "type": "object",
        "required": ["名称", "审核日期", "示例", "条目数", "条目"], "additionalProperties": False,
        "properties": {
            "名称": {"const": title},
            "审核日期": {"anyOf": [_DATE, {"type": "null"}], "description": "清单的审核日期；没有写明时为 null"},
            "示例": {"type": "boolean", "description": "true 时是演示用的示例数据，不是正式发布的政府信息"},
            "条目数": {"type": "integer", "minimum": 0},
            "条目": {"type": "array", "items": item},
        },
    }


_LINK = {"type": "object", "required": ["标题", "网址"], "additionalProperties": False,
         "properties": {"标题": _string(), "网址": _string("uri-reference")}}
_ATTACHMENT = {"type": "object", "required": ["名称", "网址"], "additionalProperties": False,
               "properties": {"名称": _string(), "网址": _string("uri-reference")}}

# Keys every document's metadata carries, then each kind's own; (key, schema, required).
_COMMON = (
    ("文件编号", _string(), True), ("网址", _string("uri-reference"), True), ("标题", _string(), True),
    ("发布日期", _DATE, True), ("更新日期", _DATE, True), ("主题词", _STRINGS, True),
    ("摘要", _string(), False), ("附件", {"type": "array", "items": _ATTACHMENT}, True),
    ("示例", {"type": "boolean"}, True),
)
_POLICY = (
    ("类型", {"const": "政策文件"}, True), ("文号", _string(), False), ("索引号", _string(), False),
    ("发文机关", _string(), True), ("起草部门", _string(), True), ("公文种类", _string(), True),
    ("是否行政规范性文件", {"type": "boolean"}, True), ("主题分类", _STRINGS, True),
    ("成文日期", _DATE, True), ("施行日期", _DATE, False), ("有效期至", _DATE, False),
    ("有效性", {"enum": ["有效", "已修改", "已废止", "已失效", "尚未生效"]}, True),
    ("政策解读", {"type": "array", "items": _LINK}, True),
)
_INTERPRETATION = (
    ("类型", {"const": "政策解读"}, True), ("解读对象", {"type": "array", "items": _LINK}, True),
    ("解读形式", _string(), True), ("解读人", _string(), False), ("解读单位", _string(), False),
)


def _object(title: str, declared) -> dict:
    return {"type": "object", "title": title, "additionalProperties": False,
            "required": [key for key, _, required in declared if required],
            "properties": {key: schema for key, schema, _ in declared}}


def document_schema(site_url: str) -> dict:
    """The schema of a document's metadata file (yuanshuju.json)."""
    return {"$schema": DRAFT, "$id": address(site_url, DOCUMENT_SCHEMA), "title": "政策文件和政策解读的元数据",
            "oneOf": [_object("政策文件", _COMMON + _POLICY), _object("政策解读", _COMMON + _INTERPRETATION)]}


def index_schema(site_url: str) -> dict:
    """The schema of the open-data index (kaifang/index.json)."""
    entry = {"type": "object", "required": ["名称", "网址", "格式", "示例"], "additionalProperties": False,
             "properties": {"名称": _string(), "网址": _string("uri-reference"),
                            "格式": {"enum": sorted(set(FORMATS.values()))},
                            "Schema": _string("uri-reference"), "示例": {"type": "boolean"},
                            "更新日期": _DATE}}
    return {"$schema": DRAFT, "$id": address(site_url, INDEX_SCHEMA), "title": "开放数据目录", "type": "object",
            "required": ["名称", "文件数", "文件"], "additionalProperties": False,
            "properties": {"名称": _string(), "文件数": {"type": "integer", "minimum": 0},
                           "文件": {"type": "array", "items": entry}}}


def _links(documents, site_url: str) -> list[dict]:
    return [{"标题": d.title, "网址": address(site_url, d.url)} for d in documents]


def _attachments(doc, site_url: str) -> list[dict]:
    return [{"名称": a.name, "网址": address(site_url, a.path)} for a in doc.attachments]


def _present(data: dict) -> dict:
    return {key: value for key, value in data.items() if value is not None}


def policy_metadata(policy: Policy, record: StatusRecord | None, keywords: tuple[str, ...],
                    interpretations: list[Interpretation], updated: dt.date, site_url: str) -> dict:
    """A shown policy's metadata file, as its page states it."""
    day = lambda d: d.isoformat() if d else None  # noqa: E731
    return _present({
        "文件编号": policy.id, "类型": "政策文件", "网址": address(site_url, policy.url), "标题": policy.title,
        "文号": policy.doc_number, "索引号": policy.index_number, "发文机关": policy.issuer,
        "起草部门": policy.drafting_body, "公文种类": policy.doc_type, "是否行政规范性文件": policy.normative,
        "主题分类": list(policy.topics), "成文日期": day(policy.written), "发布日期": day(policy.published),
        "施行日期": day(policy.effective), "有效期至": day(policy.expires),
        "有效性": record.status.label if record else "有效", "更新日期": day(updated),
        "主题词": list(keywords), "摘要": policy.summary, "附件": _attachments(policy, site_url),
        "政策解读": _links(interpretations, site_url), "示例": policy.sample,
    })


def interpretation_metadata(interpretation: Interpretation, keywords: tuple[str, ...], targets: list[Policy],
                            updated: dt.date, site_url: str) -> dict:
    """A shown interpretation's metadata file."""
    return _present({
        "文件编号": interpretation.id, "类型": "政策解读", "网址": address(site_url, interpretation.url),
        "标题": interpretation.title, "解读对象": _links(targets, site_url), "解读形式": interpretation.form,
        "解读人": interpretation.interpreter, "解读单位": interpretation.interpreting_body,
        "发布日期": interpretation.published.isoformat(), "更新日期": updated.isoformat(),
        "主题词": list(keywords), "摘要": interpretation.summary,
        "附件": _attachments(interpretation, site_url), "示例": interpretation.sample,
    })


def metadata_path(doc) -> str:
    """Where a document's metadata file is published: beside its page."""
    return doc.url + METADATA_NAME


def index_file(site_name: str, files: list[DataFile], site_url: str) -> dict:
    """The open-data index: every data file with its format, schema and whether it is a sample."""
    entries = [_present({
        "名称": f.name, "网址": address(site_url, f.path), "格式": FORMATS[f.path.rsplit(".", 1)[-1]],
        "Schema": address(site_url, f.schema) if f.schema else None, "示例": f.sample,
        "更新日期": f.updated.isoformat() if f.updated else None,
    }) for f in files]
    return {"名称": f"{site_name}开放数据目录", "文件数": len(entries), "文件": entries}


def schema_files(fee_title: str, catalog_title: str, fee_item: Schema, catalog_entry: Schema,
                 site_url: str) -> dict[str, bytes]:
    """{path: bytes} of every published schema."""
    return {
        FEES_SCHEMA: to_json(list_schema(fee_title, fee_item, FEES_SCHEMA, site_url)),
        CATALOG_SCHEMA: to_json(list_schema(catalog_title, catalog_entry, CATALOG_SCHEMA, site_url)),
        DOCUMENT_SCHEMA: to_json(document_schema(site_url)),
        INDEX_SCHEMA: to_json(index_schema(site_url)),
    }


PAGE_TITLE = "开放数据"


def open_data_page(files: list[DataFile], documents: int) -> str:
    """The 开放数据 page: the lists' files and the feeds in a table, the documents' metadata in a
    sentence (one row per document would grow without bound), and the machine-readable index."""
    here = BASE
    rows = "".join(
        f"<tr><td>{esc(f.name)}</td>"
        f"<td>{link(urls.relative(here, f.path), FORMATS[f.path.rsplit('.', 1)[-1]])}"
        f"{'（示例数据）' if f.sample else ''}</td>"
        f"<td>{link(urls.relative(here, f.schema), 'JSON Schema') if f.schema else '—'}</td>"
        f"<td>{esc(date_text(f.updated)) if f.updated else '—'}</td></tr>"
        for f in files if f.schema != DOCUMENT_SCHEMA)
    index = link(urls.relative(here, INDEX), "index.json", type="application/json")
    schema = link(urls.relative(here, DOCUMENT_SCHEMA), "JSON Schema", type="application/schema+json")
    return (front_matter(PAGE_TITLE) + f"<h1>{PAGE_TITLE}</h1>\n\n"
            + f'<p class="gk-intro">本站的数据文件可自由下载使用。全部文件的网址、格式和数据说明另有机器可读的目录 {index}；'
            "示例数据在文件中标有“示例”，不是正式发布的政府信息。</p>\n\n"
            + '<table class="gk-table"><caption>清单与订阅</caption><thead><tr><th scope="col">名称</th>'
            '<th scope="col">格式</th><th scope="col">数据说明</th><th scope="col">更新日期</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>\n\n"
            + f"<p>每份政策文件和政策解读（共 {documents} 份）的信息公开元数据：文件页面旁的 "
            f"<code>{METADATA_NAME}</code>，文件页面的元数据表下有链接；数据说明见 {schema}。</p>\n")
