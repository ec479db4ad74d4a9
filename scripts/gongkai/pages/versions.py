"""The comparison page between consecutive versions: added and removed text marked.

Added text is an <ins>, removed text a <del>, each opening with a visible word (［新增］,
［删除］): underline and strike-through plus words, never colour alone.
"""

from __future__ import annotations

from html import escape

from ..derive.status import chinese_date, cite
from ..derive.versions import DiffLine, diff_counts, diff_texts
from ..model.documents import Policy
from . import urls
from .listing import front_matter
from .status_notice import diff_url

LABELS = {"added": "新增", "removed": "删除"}
TAGS = {"added": "ins", "removed": "del"}


def _esc(text: str) -> str:
    return escape(text, quote=True)


def diff_line_html(line: DiffLine) -> str:
    """One paragraph of the comparison, as a <p> with its changes marked."""
    parts = []
    for segment in line.segments:
        if segment.kind == "same":
            parts.append(_esc(segment.text))
        else:
            tag, label = TAGS[segment.kind], LABELS[segment.kind]
            parts.append(f'<{tag} class="gk-diff-{segment.kind}"><span class="gk-diff-label">［{label}］</span>'
                         f"{_esc(segment.text)}</{tag}>")
    return f'<p class="gk-diff-line gk-diff-line--{line.kind}">{"".join(parts)}</p>'


def diff_page(older: Policy, newer: Policy) -> str:
    """Markdown (with HTML) of the page comparing ``newer`` with ``older``."""
    here = diff_url(newer)
    lines = diff_texts(older.body, newer.body)
    added, removed = diff_counts(lines)
    title = f"{newer.title}：与上一版本的比较"
    changed = [line for line in lines if line.kind != "same"]
    old_link = f'<a href="{_esc(urls.relative(here, older.url))}">{_esc(cite(older.title, older.doc_number))}</a>'
    new_link = f'<a href="{_esc(urls.relative(here, newer.url))}">{_esc(cite(newer.title, newer.doc_number))}</a>'
    parts = [
        front_matter(title),
        f"<h1>{_esc(title)}</h1>",
        f'<p class="gk-diff-intro">上一版本：{old_link}（{chinese_date(older.published)}发布）<br>'
        f"本版本：{new_link}（{chinese_date(newer.published)}发布）</p>",
        '<p class="gk-diff-legend">阅读说明：<ins class="gk-diff-added"><span class="gk-diff-label">［新增］</span>'
        '带下划线的文字</ins>是本版本新增的内容，<del class="gk-diff-removed"><span class="gk-diff-label">［删除］</span>'
        "带删除线的文字</del>是上一版本有、本版本删去的内容。</p>",
        f'<p class="gk-count">共改动 {len(changed)} 段：新增 {added} 字，删除 {removed} 字。</p>',
        '<div class="gk-diff">' + "".join(diff_line_html(line) for line in lines) + "</div>",
    ]
    return "\n\n".join(parts) + "\n"


def version_pages(chains: dict[str, tuple[Policy, ...]], shown: set[str]) -> dict[str, str]:
    """{virtual src_uri: Markdown} of the comparison with its predecessor, for each shown version."""
    pages = {}
    for chain in {id(c): c for c in chains.values()}.values():
        visible = [p for p in chain if p.id in shown]
        for older, newer in zip(visible, visible[1:], strict=False):
            pages[urls.src_uri(diff_url(newer))] = diff_page(older, newer)
    return pages
