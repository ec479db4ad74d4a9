"""Rules on single fields that need more than their type: patterns and pairs of fields."""

from __future__ import annotations

import re

from ..config import PortalConfig
from ..model.documents import Interpretation, Policy
from .problem import Problem, error, warning

# A document's id becomes its permanent URL: plain lowercase ASCII survives every server,
# link checker and copy-and-paste; Chinese, spaces and capitals do not.
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_/-]*$")


def check_fields(docs, config: PortalConfig) -> list[Problem]:
    """索引号 pattern, exemption reasons, and who interprets."""
    problems = []
    pattern = config.index_number_regex()
    for doc in docs:
        path, line = doc.source.path, doc.source.line_of
        if not _SAFE_ID.match(doc.id):
            problems.append(warning(
                path, 1, "file-name",
                f"文件名“{doc.id.rsplit('/', 1)[-1]}.md”含有英文小写字母、数字、连字符以外的字符。"
                "文件名决定网址，发布后不能再改：请在首次发布前改为如 tongcaigui-2026-1.md 的名称。",
            ))
        if isinstance(doc, Policy):
            if doc.index_number and not pattern.match(doc.index_number):
                problems.append(error(
                    path, line("索引号"), "bad-index-number",
                    f"索引号“{doc.index_number}”不符合本门户规定的格式"
                    f"（{config.index_number_pattern}，例如 000014349/2018-00222）。请按格式改正。",
                ))
            if not doc.needs_interpretation and not (doc.exemption_reason or "").strip():
                problems.append(error(
                    path, line("需要解读"), "exemption-without-reason",
                    "本文件写了“需要解读: false”，但没有写“免于解读理由”。"
                    "请加上一行“免于解读理由: ……”，说明为什么不需要解读。",
                ))
        if isinstance(doc, Interpretation) and not (doc.interpreter or doc.interpreting_body):
            problems.append(error(
                path, 1, "missing-interpreter",
                "政策解读须写明“解读人”或“解读单位”（至少一项）。请加上其中一行。",
            ))
    return problems
