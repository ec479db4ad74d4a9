"""YAML with line numbers, without surprises: dates stay text, errors become Problems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..problem import Problem, error

# libyaml's parser when PyYAML was built with it: about five times faster on 2,000 files.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    """SafeLoader that leaves dates as text: a bad date must not raise."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Lines:
    """The file line of a YAML node, and of its keys or items."""

    line: int
    keys: dict[str, Lines] = field(default_factory=dict)
    items: list[Lines] = field(default_factory=list)

    def of(self, key: str) -> int:
        """Line of ``key``, or of this node when the key is absent."""
        return self.keys[key].line if key in self.keys else self.line


_FULLWIDTH_COLON = re.compile(r"^\s*(?:-\s+)?([^\s:：#\-][^:：]{0,20})：")

# PyYAML's English messages, said in plain Chinese with what to do.
_YAML_HINTS = (
    ("mapping values are not allowed", "这一行出现了多余的冒号“:”。如果值里本来就有冒号，请用英文引号把整个值括起来。"),
    ("could not find expected ':'", "这一行应写成“字段: 值”，冒号是英文冒号，冒号后面要有一个空格。"),
    ("found unexpected end of stream", "引号没有配对：请检查这一行开头的引号是否有对应的结束引号。"),
    ("found unknown escape character", "双引号里的反斜杠“\\”有特殊含义：请改用单引号，或把“\\”写成“\\\\”。"),
    ("expected <block end>", "缩进不一致：同一层的字段要对齐，列表项“- ”前的空格数要相同。"),
    ("did not find expected key", "缩进不一致：同一层的字段要对齐，列表项“- ”前的空格数要相同。"),
    ("did not find expected '-' indicator", "列表的缩进不一致：每个列表项都以同样缩进的“- ”开头。"),
    ("found character '\\t'", "这一行含有制表符（Tab）。请改用空格缩进。"),
    ("while scanning a tag", "“!”在 YAML 中表示类型标记：如果值本来就以“!”开头，请用英文引号把整个值括起来。"),
    ("exceeded maximum nesting depth", "方括号、花括号或缩进嵌套得太深（超过 1000 层）。字段的值最多是一个列表或一组子字段，请改正。"),
    ("found undefined alias", "“*”在 YAML 中有特殊含义：请用英文引号把整个值括起来。"),
    ("found character '@'", "“@”或“`”不能作为值的开头：请用英文引号把整个值括起来。"),
    ("found character '`'", "“@”或“`”不能作为值的开头：请用英文引号把整个值括起来。"),
)


def check_layout(text: str, first_line: int, path: str) -> list[Problem]:
    """Find tabs and full-width colons, which editors type and YAML rejects."""
    problems = []
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        if "\t" in line:
            problems.append(error(
                path, number, "tab",
                "这一行含有制表符（Tab）。YAML 只能用空格缩进：请把 Tab 换成空格。",
            ))
        match = _FULLWIDTH_COLON.match(line)
        if match and ":" not in line[: match.end()]:
            problems.append(error(
                path, number, "fullwidth-colon",
                f"“{match.group(1)}”后面是中文冒号“：”。字段名后面要用英文冒号加空格，"
                f"请改成“{match.group(1)}: ”。",
            ))
    return problems


def load(text: str, first_line: int, path: str) -> tuple[object, Lines | None, list[Problem]]:
    """Parse YAML text that starts at ``first_line`` of ``path``."""
    problems = check_layout(text, first_line, path) or check_aliases_and_tags(text, first_line, path)
    if problems:
        return None, None, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, Lines(first_line), []
        problems = _duplicate_keys(node, first_line, path)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        return None, None, [error(path, line, "yaml", "YAML 格式错误：" + _hint(exc))]
    except yaml.YAMLError as exc:
        return None, None, [error(path, first_line, "yaml", "YAML 格式错误：" + _hint(exc))]
    finally:
        loader.dispose()
    return data, _lines(node, first_line), problems


def check_aliases_and_tags(text: str, first_line: int, path: str) -> list[Problem]:
    """Refuse aliases, which can expand a few lines into billions of values, and explicit tags."""
    # Only text with "*" or "!" can hold either; most files skip the second pass over the events.
    if "*" not in text and "!" not in text:
        return []
    problems, alias_lines = [], set()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            line = first_line + event.start_mark.line
            # One line per alias line: a bomb's hundreds of aliases would bury the message.
            if isinstance(event, yaml.AliasEvent) and line not in alias_lines:
                alias_lines.add(line)
                problems.append(error(
                    path, line, "yaml-alias",
                    f"这一行用了 YAML 别名“*{event.anchor}”（引用前面用“&”标记的内容）。"
                    "别名能让几行文字展开成海量数据，门户不接受：请把内容直接写出来。"
                    "如果值本来就以“*”开头，请用英文引号把整个值括起来。",
                ))
            elif getattr(event, "tag", None) not in (None, "!") and not _implicit(event):
                problems.append(error(path, line, "yaml-tag", _tag_message(event.tag)))
    except yaml.YAMLError:
        # The full parse below reports the syntax error with its hint.
        return []
    return problems


def _implicit(event: yaml.Event) -> bool:
    implicit = getattr(event, "implicit", False)
    return any(implicit) if isinstance(implicit, tuple) else bool(implicit)


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    if shown.startswith("!!python/"):
        what = "要求把值读成 Python 程序里的对象，可被用来在服务器上执行命令"
    else:
        what = "要求把值读成某种特定的数据类型"
    return (f"“{shown}”是 YAML 的类型标记，{what}；门户的字段只接受文字、日期、数字、列表，不接受任何类型标记。"
            f"请删去“{shown}”，只写值本身。如果值本来就以“!”开头，请用英文引号把整个值括起来。")


def _hint(exc: yaml.YAMLError) -> str:
    said = str(exc)
    for english, chinese in _YAML_HINTS:
        if english in said:
            return chinese
    return "请检查这一行的缩进、冒号（英文冒号加空格）和引号。"


def _lines(node: yaml.Node, first_line: int) -> Lines:
    here = Lines(first_line + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                child = _lines(value, first_line)
                child.line = first_line + key.start_mark.line
                here.keys[str(key.value)] = child
    elif isinstance(node, yaml.SequenceNode):
        here.items = [_lines(item, first_line) for item in node.value]
    return here


def _duplicate_keys(node: yaml.Node, first_line: int, path: str) -> list[Problem]:
    problems = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            name = str(key.value)
            line = first_line + key.start_mark.line
            if name in seen:
                problems.append(error(
                    path, line, "duplicate-field",
                    f"字段“{name}”写了两次（第 {seen[name]} 行已有）。请删去其中一个。",
                ))
            seen.setdefault(name, line)
            problems += _duplicate_keys(value, first_line, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, first_line, path)
    return problems
