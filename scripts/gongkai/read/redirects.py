"""Read data/redirects.yml: published addresses that moved, each to its new address."""

from __future__ import annotations

import re
from pathlib import Path

from ..problem import Problem, error
from . import yaml_lines
from .text import decode

FILE = "redirects.yml"
# An address of this site: starts with /, no spaces, nothing nginx's map would need escaped.
_ADDRESS = re.compile(r"^/[^\s\"'\\;{}#?]*$")


def read_redirects(data_path: Path, root: Path) -> tuple[dict[str, str], list[Problem]]:
    """Old address → new address, as data/redirects.yml lists them (one “旧网址: 新网址” a line)."""
    file = data_path / FILE
    if not file.is_file() or file.is_symlink():
        return {}, []
    rel = file.relative_to(root).as_posix()
    text, problems = decode(file.read_bytes(), rel)
    if text is None:
        return {}, problems
    data, lines, found = yaml_lines.load(text, 1, rel)
    problems += found
    if lines is None or data is None:
        return {}, problems
    if not isinstance(data, dict):
        return {}, problems + [error(rel, 1, "redirect-shape",
                                     "重定向文件每行写一条“旧网址: 新网址”，如“/policies/2017/a/: /policies/2017/b/”。")]
    redirects = {}
    for old, new in data.items():
        line = lines.of(str(old))
        bad = [str(a) for a in (old, new) if not isinstance(a, str) or not _ADDRESS.match(a)]
        if bad:
            problems.append(error(rel, line, "redirect-address",
                                  f"“{bad[0]}”不是本站的网址。网址以“/”开头，不含空格、引号、分号、“#”和“?”，"
                                  "如 /policies/2017/a/ 或 /gongbao/2017/6.pdf。"))
        elif old == new:
            problems.append(error(rel, line, "redirect-loop", f"{old} 重定向到它自己。请删除这一行。"))
        else:
            redirects[old] = new
    for old, new in redirects.items():
        if new in redirects:
            problems.append(error(rel, lines.of(old), "redirect-chain",
                                  f"{old} 重定向到的 {new} 本身也被重定向到 {redirects[new]}。"
                                  f"请直接写“{old}: {redirects[new]}”，读者只跳转一次。"))
    return redirects, problems
