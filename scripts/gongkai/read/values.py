"""Turn raw YAML values into typed field values, reporting each bad value."""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re

from ..model.fields import Field, Schema
from ..problem import Problem, error, warning
from .yaml_lines import Lines

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_LOOSE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
# Look-alike brackets editors type for 〔〕 in a 文号.
_DOC_NUMBER = re.compile(r"^(.*?)\s*[\[(（【［﹝〔]\s*(\d{4})\s*[\])）】］﹞〕]\s*(.*)$")
# Spaces of every width and the zero-width characters a paste from a word processor leaves.
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")
# Control characters other than tab and line break: no page or spreadsheet can show them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRUE = {True, "是", "true", "True", "yes"}
_FALSE = {False, "否", "false", "False", "no"}


class FieldReader:
    """Reads the fields of one mapping against a schema, collecting problems."""

    def __init__(self, schema: Schema, path: str, lines: Lines, choices: dict | None = None,
                 where: str = "前置信息中"):
        self.schema = schema
        self.where = where
        self.path = path
        self.lines = lines
        self.choices = choices or {}
        self.problems: list[Problem] = []

    def read(self, raw: dict) -> dict:
        """Return {attr: value} for every declared field; report unknown and missing ones."""
        for key in raw:
            if self.schema.field(str(key)) is None:
                self._unknown(str(key))
        values = {}
        for f in self.schema.fields:
            value = raw.get(f.key)
            if value is None or value == "" or value == []:
                if f.required:
                    self._missing(f)
                values[f.attr] = f.default
                continue
            if isinstance(value, str) and is_blank(value):
                if f.required:
                    self._blank(f)
                values[f.attr] = f.default
                continue
            values[f.attr] = self.convert(f, value)
        return values

    def line(self, key: str) -> int:
        return self.lines.of(key)

    def convert(self, f: Field, value: object) -> object:
        """Convert one value by its field's kind; None when it is bad."""
        reader = getattr(self, "_" + f.kind.name.lower())
        return reader(f, value)

    def _say(self, f: Field, code: str, message: str) -> None:
        self.problems.append(error(self.path, self.line(f.key), code, message))

    def _unknown(self, key: str) -> None:
        near = difflib.get_close_matches(key, self.schema.keys, n=1, cutoff=0.4)
        hint = f"是否想写“{near[0]}”？" if near else "可用字段：" + "、".join(self.schema.keys) + "。"
        self.problems.append(error(
            self.path, self.line(key), "unknown-field",
            f"{self.schema.name}没有字段“{key}”。{hint}如果不需要，请删除这一行。",
        ))

    def _missing(self, f: Field) -> None:
        self.problems.append(error(
            self.path, self.lines.line, "missing-field",
            f"缺少必填字段“{f.key}”。请在{self.where}加上一行“{f.key}: ……”。"
            + (f"（{f.help}）" if f.help else ""),
        ))

    def _blank(self, f: Field) -> None:
        self._say(f, "blank-field", f"必填字段“{f.key}”只有空格或不可见字符，没有内容。请填写{f.key}。"
                  + (f"（{f.help}）" if f.help else ""))

    def _text(self, f: Field, value: object) -> str | None:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self._say(f, "bad-type", f"字段“{f.key}”应为一段文字，现在是{_shape(value)}。")
            return None
        text = str(value).strip()
        control = _CONTROL.search(text)
        if control:
            self._say(f, "control-char", f"字段“{f.key}”的值含有不可见的控制字符（U+{ord(control.group()):04X}），"
                                         "网页、表格和搜索都无法正确处理。请删去它（常见于从其他软件复制来的文字）。")
            return None
        if f.key == "文号":
            text = self._doc_number(f, text)
        return text

    def _texts(self, f: Field, value: object) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        texts = tuple(self._text(f, item) for item in items)
        return tuple(t for t in texts if t)

    def _refs(self, f: Field, value: object) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        refs = []
        for item in items:
            text = self._text(f, item)
            if text:
                refs.append(self._doc_number(f, text) if "号" in text else text.strip("/"))
        return tuple(refs)

    def _doc_number(self, f: Field, text: str) -> str:
        normal = normalize_doc_number(text)
        if normal != text:
            self.problems.append(warning(
                self.path, self.line(f.key), "doc-number-brackets",
                f"字段“{f.key}”中的文号“{text}”用了不规范的括号，已按规范读作“{normal}”。"
                "请在文件中也改用六角括号“〔〕”。",
            ))
        return normal

    def _date(self, f: Field, value: object) -> dt.date | None:
        if isinstance(value, list | dict):
            self._say(f, "bad-date", f"字段“{f.key}”应为一个日期，如“2017-06-06”（年-月-日），现在是{_shape(value)}。")
            return None
        text = str(value).strip()
        iso = _ISO.match(text)
        loose = _LOOSE.match(text)
        match = iso or loose
        if not match:
            self._say(f, "bad-date", f"字段“{f.key}”的值“{text}”不是日期。请写成“2017-06-06”这样的格式（年-月-日）。")
            return None
        year, month, day = (int(g) for g in match.groups())
        if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
            why = f"{year}年没有{month}月" if not 1 <= month <= 12 else f"{year}年{month}月没有{day}日"
            self._say(f, "bad-date", f"字段“{f.key}”的值“{text}”不是真实的日期（{why}）。请核对原件后改正。")
            return None
        if not iso:
            self._say(f, "bad-date", f"字段“{f.key}”的值“{text}”格式不规范。请写成“{year:04d}-{month:02d}-{day:02d}”（年-月-日，月和日各两位）。")
            return None
        return dt.date(year, month, day)

    def _bool(self, f: Field, value: object) -> bool | None:
        if isinstance(value, list | dict):
            self._say(f, "bad-bool", f"字段“{f.key}”应为 true 或 false（也可写“是”或“否”），现在是{_shape(value)}。")
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        self._say(f, "bad-bool", f"字段“{f.key}”的值“{value}”应为 true 或 false（也可写“是”或“否”）。")
        return None

    def _choice(self, f: Field, value: object) -> str | None:
        text = self._text(f, value)
        allowed = self.choices.get(f.key, f.choices)
        if text is None or not allowed or text in allowed:
            return text
        near = difflib.get_close_matches(text, allowed, n=1, cutoff=0.4)
        hint = f"是否想写“{near[0]}”？" if near else ""
        self._say(f, "bad-choice", f"字段“{f.key}”的值“{text}”不在可选范围内。{hint}可选：{'、'.join(allowed)}。")
        return None

    def _choices(self, f: Field, value: object) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        chosen = tuple(self._choice(f, item) for item in items)
        return tuple(c for c in chosen if c)

    def _attachments(self, f: Field, value: object) -> tuple[dict, ...]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._say(f, "bad-type", f"字段“{f.key}”应为列表，每项写“名称: …”和“文件: …”两行。")
            return ()
        return tuple(value)

    def _number(self, f: Field, value: object) -> int | float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            self._say(f, "bad-number", f"字段“{f.key}”应为一个不小于 0 的数字（不加单位和逗号），现在是{_shape(value)}。")
            return None
        return value

    def _numbers(self, f: Field, value: object) -> tuple[int, ...] | None:
        good = isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                                              for v in value)
        if not good or (f.size and len(value) != f.size):
            count = f"{f.size} 个" if f.size else ""
            self._say(f, "bad-numbers", f"字段“{f.key}”应为{count}不小于 0 的整数，写在方括号里、用逗号隔开，"
                                        f"如 [{', '.join(['0'] * (f.size or 3))}]；现在是{_shape(value)}。")
            return None
        return tuple(value)

    def _records(self, f: Field, value: object) -> tuple[dict, ...]:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            names = "”“".join(f.schema.keys) if f.schema else ""
            self._say(f, "bad-type", f"字段“{f.key}”应为列表，每项以“- ”开头，写“{names}”等子字段。")
            return ()
        node = self.lines.keys.get(f.key, self.lines)
        records = []
        for index, item in enumerate(value):
            sub = FieldReader(f.schema, self.path, node.items[index] if index < len(node.items) else node,
                              where=f"“{f.key}”的这一项中")
            records.append(sub.read(item))
            self.problems.extend(sub.problems)
        return tuple(records)

    def _group(self, f: Field, value: object) -> dict:
        if not isinstance(value, dict):
            self._say(f, "bad-type", f"字段“{f.key}”应包含子字段（下一行起缩进两个空格，每行一个），"
                                     f"如“{f.schema.keys[0]}: ……”。")
            return {}
        sub = FieldReader(f.schema, self.path, self.lines.keys.get(f.key, self.lines), where=f"“{f.key}”之下")
        values = sub.read(value)
        self.problems.extend(sub.problems)
        return values

    def _change(self, f: Field, value: object) -> dict | None:
        if not isinstance(value, dict):
            self._say(f, "bad-type", f"字段“{f.key}”应包含“状态”“日期”“机关”等子字段，每行一个。")
            return None
        return value


def normalize_doc_number(text: str) -> str:
    """Write a 文号's year in 〔〕 whatever brackets the editor typed."""
    match = _DOC_NUMBER.match(text.strip())
    if not match:
        return text.strip()
    head, year, tail = match.groups()
    return f"{head}〔{year}〕{tail.strip()}"


def is_blank(text: str) -> bool:
    """Whether ``text`` holds only spaces, line breaks or invisible characters."""
    return not _INVISIBLE.sub("", text)


def _shape(value: object) -> str:
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, dict):
        return "一组子字段"
    if isinstance(value, bool):
        return f"是/否值“{value}”"
    return f"“{value}”"
