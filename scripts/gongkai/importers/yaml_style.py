"""Front matter written the way an editor writes it: block style, no anchors, few quotes."""

from __future__ import annotations

import datetime as dt

import yaml


class _EditorDumper(yaml.SafeDumper):
    """PyYAML's safe dumper without anchors and aliases (&id001 / *id001)."""

    def ignore_aliases(self, data) -> bool:  # noqa: D102 - PyYAML hook
        return True


def _date(dumper: yaml.SafeDumper, value: dt.date) -> yaml.Node:
    # A date as editors type it, 2024-01-31: the portal's reader takes dates as text.
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


_EditorDumper.add_representer(dt.date, _date)


def dump_value(key: str, value) -> str:
    """One top-level ``key: value`` in block style (lists as "- item" lines)."""
    return yaml.dump({key: value}, Dumper=_EditorDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=10_000)


def front_matter(meta: dict, comments: dict[str, dict[str, str]] | None = None) -> str:
    """YAML front matter for ``meta``; ``comments[key][item]`` is written above that list item."""
    out = []
    for key, value in meta.items():
        text = dump_value(key, value)
        notes = (comments or {}).get(key)
        if notes and isinstance(value, list):
            out.append(_with_comments(text, value, notes))
        else:
            out.append(text)
    return "".join(out)


def _with_comments(text: str, items: list, notes: dict[str, str]) -> str:
    head, *rows = text.splitlines(keepends=True)
    lines = [head]
    for item, row in zip(items, rows, strict=True):
        if item in notes:
            lines.append(f"# {' '.join(notes[item].split())}\n")
        lines.append(row)
    return "".join(lines)


def markdown(meta: dict, body: str, comments: dict[str, dict[str, str]] | None = None) -> str:
    """A whole content file: front matter between --- lines, then the body."""
    return f"---\n{front_matter(meta, comments)}---\n{body.strip()}\n"


def data_list(entries: list[dict]) -> str:
    """A data list (data/*.yml): one "- 字段: 值" block per entry, a blank line between them."""
    return "\n".join(yaml.dump([entry], Dumper=_EditorDumper, allow_unicode=True, sort_keys=False,
                               default_flow_style=False, width=10_000) for entry in entries)
