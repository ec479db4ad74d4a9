"""Field declarations: one line per field, required unless marked optional."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """The shape of a field's value, as an editor writes it in YAML."""

    TEXT = "文字"
    DATE = "日期"
    BOOL = "是/否"
    CHOICE = "选项"
    CHOICES = "选项列表"
    TEXTS = "文字列表"
    REFS = "文件引用列表"
    ATTACHMENTS = "附件列表"
    CHANGE = "外部变更说明"
    NUMBER = "数字"
    NUMBERS = "数字列表"
    RECORDS = "子条目列表"
    GROUP = "子字段组"


@dataclass(frozen=True)
class Field:
    """One front-matter or data field: its YAML key, attribute name and rules."""

    key: str
    attr: str
    kind: Kind
    required: bool = True
    choices: tuple[str, ...] = ()
    default: object = None
    help: str = ""
    # The fields of each entry of a RECORDS field (e.g. 内设机构: 名称, 职责).
    schema: Schema | None = None
    # How many numbers a NUMBERS field holds (a table row), 0 for any.
    size: int = 0


def optional(key: str, attr: str, kind: Kind, **kw) -> Field:
    """Declare a field that may be left out."""
    return Field(key, attr, kind, required=False, **kw)


@dataclass(frozen=True)
class Schema:
    """A document or data kind: its Chinese name and its fields in order."""

    name: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field | None:
        """Return the field declared under ``key``, or None."""
        return next((f for f in self.fields if f.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    def to_json_schema(self) -> dict:
        """Describe this kind as JSON Schema, for editors' tools and validators."""
        props = {f.key: _json_type(f) | {"description": f.help or f.key} for f in self.fields}
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": self.name,
            "type": "object",
            "properties": props,
            "required": [f.key for f in self.fields if f.required],
            "additionalProperties": False,
        }


def _json_type(f: Field) -> dict:
    if f.kind is Kind.DATE:
        return {"type": "string", "format": "date"}
    if f.kind is Kind.BOOL:
        return {"type": "boolean"}
    if f.kind is Kind.CHOICE:
        return {"enum": list(f.choices)} if f.choices else {"type": "string"}
    if f.kind is Kind.CHOICES:
        item = {"enum": list(f.choices)} if f.choices else {"type": "string"}
        return {"anyOf": [item, {"type": "array", "items": item}]}
    if f.kind in (Kind.TEXTS, Kind.REFS):
        return {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    if f.kind is Kind.ATTACHMENTS:
        return {"type": "array", "items": {"type": "object"}}
    if f.kind is Kind.CHANGE:
        return {"type": "object"}
    if f.kind is Kind.NUMBER:
        return {"type": "number", "minimum": 0}
    if f.kind is Kind.NUMBERS:
        size = {"minItems": f.size, "maxItems": f.size} if f.size else {}
        return {"type": "array", "items": {"type": "integer", "minimum": 0}} | size
    if f.kind is Kind.GROUP:
        return f.schema.to_json_schema() if f.schema else {"type": "object"}
    if f.kind is Kind.RECORDS:
        return {"type": "array", "items": f.schema.to_json_schema() if f.schema else {"type": "object"}}
    return {"type": "string"}
