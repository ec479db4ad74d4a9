"""The JSON Schema files editors' tools read: one per content kind and data list."""

from __future__ import annotations

import json
from pathlib import Path

from .data_lists import CATALOG_ENTRY, FEE_ITEM
from .documents import INTERPRETATION, POLICY

# File name → (schema, whether the file holds a list of entries, as data/*.yml do).
SCHEMA_FILES = {
    "policy.schema.json": (POLICY, False),
    "interpretation.schema.json": (INTERPRETATION, False),
    "fees.schema.json": (FEE_ITEM, True),
    "catalog.schema.json": (CATALOG_ENTRY, True),
}


def schema_file_texts() -> dict[str, str]:
    """Each schema file's text, stable so that a committed copy can be compared."""
    texts = {}
    for name, (schema, is_list) in SCHEMA_FILES.items():
        entry = schema.to_json_schema()
        if is_list:
            entry.pop("$schema")
            items = {"type": "array", "items": entry}
            # A list alone, or with its 审核日期 at the top and the entries under 条目.
            entry = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": schema.name + "（列表）",
                     "anyOf": [items, {"type": "object", "required": ["条目"], "additionalProperties": False,
                                       "properties": {"审核日期": {"type": "string", "format": "date"},
                                                      "条目": items}}]}
        texts[name] = json.dumps(entry, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schema_files(folder: Path) -> list[Path]:
    """Write every schema file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_file_texts().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
