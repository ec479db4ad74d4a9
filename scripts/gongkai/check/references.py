"""Every reference (by id or 文号) resolves to exactly one policy of the portal."""

from __future__ import annotations

from ..model.documents import Interpretation, Policy
from ..read.corpus import Corpus
from .problem import Problem, error

# The reference fields of each kind, with their YAML key.
REFERENCE_FIELDS = {
    Policy: (("修改", "amends"), ("废止", "repeals"), ("替代", "replaces")),
    Interpretation: (("解读对象", "interprets"),),
}


def check_references(corpus: Corpus) -> list[Problem]:
    """Report references that name no policy, or more than one."""
    problems = []
    for doc in corpus.documents():
        for key, attr in REFERENCE_FIELDS[type(doc)]:
            for ref in getattr(doc, attr):
                found = corpus.resolve(ref)
                line = doc.source.line_of(key)
                if not found and corpus.is_unreadable(ref):
                    continue
                if not found:
                    problems.append(error(
                        doc.source.path, line, "unresolved-reference",
                        f"字段“{key}”中的“{ref}”在门户中找不到对应的政策文件。"
                        "请写该文件的文号（如 通政办字〔2017〕157号）或文件编号"
                        "（content/ 下的路径，不带 .md），并确认该文件已放入 content/policies/。",
                    ))
                elif len(found) > 1:
                    names = "、".join(d.source.path for d in found)
                    problems.append(error(
                        doc.source.path, line, "ambiguous-reference",
                        f"字段“{key}”中的“{ref}”同时对应多个文件（{names}）。请改用文件编号指明是哪一个。",
                    ))
                elif found[0].id == doc.id:
                    problems.append(error(
                        doc.source.path, line, "self-reference",
                        f"字段“{key}”引用了本文件自己（“{ref}”）。请改为所指的另一个文件。",
                    ))
    return problems
