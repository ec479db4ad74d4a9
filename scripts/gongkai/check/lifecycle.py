"""The relations 修改 / 废止 / 替代 / 外部变更 tell one consistent story.

check_references already reports references that resolve to no policy, to several, or to
the document itself; here every relation is taken as resolved and the story is checked:
no cycles, the newer document acts on the older, nothing is repealed before it was published,
and nothing is both ended and still changed.
"""

from __future__ import annotations

from ..model.documents import Policy
from ..model.status import Status
from .problem import Problem, error, warning

# (YAML key, attribute, what the relation does, in words for messages)
RELATIONS = (("修改", "amends", "修改"), ("废止", "repeals", "废止"), ("替代", "replaces", "替代"))


def _edges(corpus):
    """(cause, key, ref, target) for every relation that resolves to exactly one other policy."""
    for cause in corpus.policies.values():
        for key, attr, _ in RELATIONS:
            for ref in getattr(cause, attr):
                found = corpus.resolve(ref)
                if len(found) == 1 and found[0].id != cause.id:
                    yield cause, key, ref, found[0]


def _change_date(policy: Policy):
    return policy.effective or policy.published


def check_lifecycle(corpus) -> list[Problem]:
    """Report cycles, backwards relations, early repeals and contradicting declarations."""
    edges = list(_edges(corpus))
    return (_cycles(edges) + _direction(edges) + _repeals_twice(corpus, edges)
            + _changed_after_end(corpus, edges) + _external_dates(corpus))


def _cycles(edges) -> list[Problem]:
    graph: dict[str, list[tuple]] = {}
    for edge in edges:
        graph.setdefault(edge[0].id, []).append(edge)
    problems, reported = [], set()
    for start in sorted(graph):
        for cycle in _cycles_from(start, graph):
            members = frozenset(edge[0].id for edge in cycle)
            if members in reported:
                continue
            reported.add(members)
            # The oldest document naming a newer one is the likeliest mistake.
            cause, key, ref, _ = min(cycle, key=lambda e: (e[0].written, e[0].published, e[0].id))
            path = " → ".join([e[0].source.path for e in cycle] + [cycle[0][0].source.path])
            problems.append(error(
                cause.source.path, cause.source.line_of(key), "relation-cycle",
                f"字段“{key}”中的“{ref}”使文件之间的修改、废止、替代关系构成循环：{path}。"
                "只有较新的文件才能修改、废止或替代较旧的文件；请删去写反的那一条。",
            ))
    return problems


def _cycles_from(start: str, graph) -> list[list[tuple]]:
    """Each simple cycle through ``start`` whose other members sort after it."""
    found, stack = [], [(start, [])]
    while stack:
        node, trail = stack.pop()
        for edge in graph.get(node, ()):
            nxt = edge[3].id
            if nxt == start:
                found.append(trail + [edge])
            elif nxt > start and nxt not in {e[0].id for e in trail} and len(trail) < 50:
                stack.append((nxt, trail + [edge]))
    return found


def _direction(edges) -> list[Problem]:
    problems = []
    for cause, key, ref, target in edges:
        line = cause.source.line_of(key)
        if (target.written, target.published) > (cause.written, cause.published):
            newer = "成文日期" if target.written > cause.written else "发布日期"
            problems.append(error(
                cause.source.path, line, "relation-to-newer",
                f"字段“{key}”中的“{ref}”{newer}为 {getattr(target, _ATTR[newer])}，"
                f"晚于本文件的{newer} {getattr(cause, _ATTR[newer])}。"
                f"文件只能{key}在它之前的文件；如果是那个较新的文件{key}了本文件，"
                f"请把“{key}”写在那个文件中，并从本文件删去。",
            ))
        elif _change_date(cause) < target.published:
            since = "施行日期" if cause.effective else "发布日期"
            problems.append(error(
                cause.source.path, line, "relation-before-publication",
                f"字段“{key}”中的“{ref}”：本文件的{since} {_change_date(cause)} 早于该文件的发布日期 "
                f"{target.published}，一个文件不能在发布之前就被{key}。请核对本文件的{since}和所引文件。",
            ))
    return problems


_ATTR = {"成文日期": "written", "发布日期": "published"}


def _repeals_twice(corpus, edges) -> list[Problem]:
    repeals: dict[str, list[tuple]] = {}
    for edge in edges:
        if edge[1] == "废止":
            repeals.setdefault(edge[3].id, []).append(edge)
    problems = []
    for target_id, found in sorted(repeals.items()):
        target = corpus.policies[target_id]
        found.sort(key=lambda e: (_change_date(e[0]), e[0].id))
        first = found[0][0]
        for cause, key, ref, _ in found[1:]:
            if _change_date(cause) != _change_date(first):
                problems.append(warning(
                    cause.source.path, cause.source.line_of(key), "repealed-twice",
                    f"字段“{key}”中的“{ref}”已由 {first.source.path} 于 {_change_date(first)} 废止，"
                    f"本文件又于 {_change_date(cause)} 废止它，两个日期不一致。"
                    "以较早的日期为准；如果本文件只是重申，可从“废止”中删去该文件。",
                ))
        change = target.external_change
        if change and change.status == Status.REPEALED.value and change.date != _change_date(first):
            problems.append(warning(
                target.source.path, target.source.line_of("外部变更"), "repealed-twice",
                f"字段“外部变更”声明本文件于 {change.date} 被{change.authority}废止，"
                f"但 {first.source.path} 已于 {_change_date(first)} 废止本文件。"
                "请核对日期，只保留实际的那一次。",
            ))
    return problems


def _end_of(corpus, edges, policy: Policy):
    """(date, what) of the earliest repeal or expiry of ``policy``, or None."""
    ends = [(_change_date(c), f"已被 {c.source.path} 废止") for c, k, _, t in edges
            if k == "废止" and t.id == policy.id]
    change = policy.external_change
    if change and change.status in (Status.REPEALED.value, Status.EXPIRED.value):
        ends.append((change.date, f"已由{change.authority}宣布{change.status[1:]}"))
    return min(ends) if ends else None


def _changed_after_end(corpus, edges) -> list[Problem]:
    problems = []
    for cause, key, ref, target in edges:
        if key == "废止":
            continue
        end = _end_of(corpus, edges, target)
        if end and _change_date(cause) > end[0]:
            problems.append(error(
                cause.source.path, cause.source.line_of(key), "changed-after-end",
                f"字段“{key}”中的“{ref}”于 {end[0]} {end[1]}，本文件却于 {_change_date(cause)} "
                f"{key}它：已废止的文件不能再被{key}。请核对所引的文件是否写错，或改为引用现行的文件。",
            ))
    for policy in corpus.policies.values():
        change = policy.external_change
        if not change or change.status != Status.AMENDED.value:
            continue
        end = _end_of(corpus, edges, policy)
        if end and change.date > end[0]:
            problems.append(error(
                policy.source.path, policy.source.line_of("外部变更"), "changed-after-end",
                f"字段“外部变更”声明本文件于 {change.date} 被{change.authority}修改，"
                f"但本文件于 {end[0]} {end[1]}，已不再有效。请核对外部变更的状态和日期。",
            ))
    return problems


def _external_dates(corpus) -> list[Problem]:
    problems = []
    for policy in corpus.policies.values():
        change = policy.external_change
        if change and change.date < policy.published:
            problems.append(error(
                policy.source.path, policy.source.line_of("外部变更"), "relation-before-publication",
                f"字段“外部变更”的日期 {change.date} 早于本文件的发布日期 {policy.published}，"
                f"文件不能在发布之前就{change.status}。请核对外部变更的日期。",
            ))
    return problems
