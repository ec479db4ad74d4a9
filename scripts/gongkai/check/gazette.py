"""Every document a gazette issue lists must be on the portal, in the issue's year or before it."""

from __future__ import annotations

from ..read.corpus import Corpus
from .problem import Problem, error


def check_gazette(corpus: Corpus, config) -> list[Problem]:
    """Unresolved documents and documents published after the issue that carries them."""
    problems = []
    for issue in corpus.gazette:
        for ref in issue.documents:
            found = corpus.resolve(ref)
            if len(found) != 1:
                problems.append(error(
                    issue.path, issue.line_of("文件"), "gazette-document",
                    f"本期公报刊登的文件“{ref}”在本网站找不到。请写文件编号（如 policies/2017/tongzhengbanzi-2017-157）"
                    "或文号，并确认该文件已在 content/policies/ 下。"))
            elif found[0].published > issue.date:
                problems.append(error(
                    issue.path, issue.line_of("文件"), "gazette-date",
                    f"文件“{ref}”的发布日期 {found[0].published} 晚于本期公报的出版日期 {issue.date}。"
                    "请核对出版日期或刊登的期号。"))
    return problems
