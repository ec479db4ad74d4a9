"""Policy and interpretation go together: 同步发布, and 谁起草、谁解读."""

from __future__ import annotations

from ..config import PortalConfig
from ..read.corpus import Corpus
from .problem import Problem, error, warning


def check_pairing(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Each policy that needs one has a synchronous interpretation; each interpretation a live policy."""
    problems = []
    tolerance = config.pairing_tolerance_days
    for policy in corpus.policies.values():
        if policy.draft or not policy.needs_interpretation:
            continue
        partners = [i for i in corpus.interpretations_of(policy.id) if not i.draft]
        where = policy.source.path
        if not partners and corpus.unreadably_interpreted(policy):
            continue
        if not partners:
            name = f"文号“{policy.doc_number}”" if policy.doc_number else f"文件编号“{policy.id}”"
            problems.append(error(
                where, policy.source.line_of("标题"), "missing-interpretation",
                "本政策文件没有政策解读。政策文件须与解读同步发布：请在 content/interpretations/ "
                f"中加上它的解读，“解读对象”写{name}；如确实不需解读，"
                "请写“需要解读: false”并写明“免于解读理由”。",
            ))
        elif all(abs((i.published - policy.published).days) > tolerance for i in partners):
            dates = "、".join(sorted({str(i.published) for i in partners}))
            allowed = "同一天" if tolerance == 0 else f"相差不超过 {tolerance} 天"
            problems.append(error(
                where, policy.source.line_of("发布日期"), "interpretation-not-synchronous",
                f"发布日期 {policy.published} 与其解读的发布日期（{dates}）不同步。"
                f"政策文件与解读应同步发布（{allowed}）：请核对并改正日期。",
            ))
    for interpretation in corpus.interpretations.values():
        if interpretation.draft:
            continue
        line = interpretation.source.line_of("解读对象")
        for ref in interpretation.interprets:
            found = corpus.resolve(ref)
            if len(found) != 1:
                continue
            policy = found[0]
            if policy.draft:
                problems.append(error(
                    interpretation.source.path, line, "interpretation-of-draft",
                    f"所解读的政策“{ref}”（{policy.source.path}）还是草稿，解读却不是草稿。"
                    "解读不能先于政策发布：请把本解读也标为“草稿: true”，或先定稿该政策。",
                ))
            body = interpretation.interpreting_body
            if body and body != policy.drafting_body:
                report = error if config.drafter_rule == "error" else warning
                problems.append(report(
                    interpretation.source.path, interpretation.source.line_of("解读单位"),
                    "interpreter-not-drafter",
                    f"解读单位“{body}”不是所解读政策“{ref}”的起草部门“{policy.drafting_body}”。"
                    "按“谁起草、谁解读”，应由起草部门解读：请核对“解读单位”，"
                    "或在政策文件中写明“起草部门”。",
                ))
    return problems
