"""政府公报: an index by year, a page per issue listing its documents and PDF, and the mark on a
document's page saying which issue published it."""

from __future__ import annotations

from itertools import groupby

from ..model.documents import Policy
from ..model.gazette import GazetteIssue
from . import urls
from .html import date_text, esc, link, size_text
from .listing import front_matter


def cite_issue(name: str, issue: GazetteIssue) -> str:
    """《通辽市人民政府公报》2017年第6期."""
    return f"《{name}》{issue.year}年第{issue.number}期"


def issue_page(name: str, issue: GazetteIssue, documents: list[Policy]) -> str:
    """One issue: when it came out, its PDF, and each document it carried, linked to its page."""
    here = issue.url
    items = "".join(
        f'<li>{link(urls.relative(here, p.url), p.title)}'
        + (f' <span class="gk-item__number">{esc(p.doc_number)}</span>' if p.doc_number else "") + "</li>"
        for p in documents)
    pdf = link(urls.relative(here, issue.pdf), f"下载本期公报（PDF，{size_text(issue.pdf_size)}）", download="")
    meta = {"示例": True} if issue.sample else {}
    return (
        front_matter(f"{issue.year}年第{issue.number}期", **meta)
        + f"<h1>{esc(name)} {esc(issue.label)}</h1>\n\n"
        + f'<p class="gk-gazette__date">出版日期：{esc(date_text(issue.date))}</p>\n'
        + f'<p class="gk-downloads">{pdf}</p>\n'
        + f"<h2>本期目录</h2>\n<ol class=\"gk-gazette__contents\">{items}</ol>\n"
        + f'<p class="gk-back">{link(urls.relative(here, urls.GAZETTE), "返回政府公报各期")}</p>\n'
    )


def index_page(name: str, issues: list[GazetteIssue]) -> str:
    """Every issue, grouped by year, newest year first."""
    here = urls.GAZETTE
    blocks = []
    ordered = sorted(issues, key=lambda i: (-i.year, i.number))
    for year, group in groupby(ordered, key=lambda i: i.year):
        links = "".join(
            f'<li>{link(urls.relative(here, i.url), f"第{i.number}期")} '
            f'<span class="gk-article__date">{esc(date_text(i.date))}</span></li>' for i in group)
        blocks.append(f'<section class="gk-gazette__year"><h2 id="nian-{year}">{year}年</h2>'
                      f'<ul class="gk-gazette__issues">{links}</ul></section>')
    body = "".join(blocks) or '<p class="gk-empty">尚未登记政府公报。</p>'
    return (front_matter("政府公报") + "<h1>政府公报</h1>\n\n"
            + f'<p class="gk-intro">《{esc(name)}》各期目录和全文（PDF）。公报刊登的政策文件可点击查看网页版，'
              "两者不一致时以公报文本为准。</p>\n" + body + "\n")
