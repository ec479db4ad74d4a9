"""机构信息 (Article 20 item 2) from data/organisation.yml, and the 联系我们 page from the same data."""

from __future__ import annotations

from ..model.organisation import Organisation
from . import urls
from .html import esc, link
from .listing import front_matter

TITLE = "机关职能、机构设置和联系方式"
CONTACT_TITLE = "联系我们"


def paragraphs(text: str) -> str:
    """Each line of an editor's text as its own paragraph."""
    return "".join(f"<p>{esc(line.strip())}</p>" for line in text.splitlines() if line.strip())


def contact_rows(org: Organisation, here: str) -> list[tuple[str, str]]:
    """(label, HTML) of the organisation's address, hours and ways to reach it."""
    rows = [("办公地址", esc(org.address)), ("邮政编码", esc(org.postcode)), ("办公时间", esc(org.hours)),
            ("联系电话", esc(org.phone))]
    if org.fax:
        rows.append(("传真", esc(org.fax)))
    if org.email:
        rows.append(("电子邮箱", link(f"mailto:{org.email}", org.email)))
    return rows


def summary_list(rows: list[tuple[str, str]], label: str) -> str:
    """A label/value list (values already HTML), the shape the document metadata uses."""
    items = "".join(f'<div class="gk-meta__row"><dt>{esc(k)}</dt><dd>{v}</dd></div>' for k, v in rows)
    return f'<dl class="gk-meta gk-meta--single" aria-label="{esc(label)}">{items}</dl>'


def organisation_page(org: Organisation) -> str:
    """机关职能、内设机构、负责人、办公地址、办公时间、联系方式 on one page."""
    here = urls.ORGANISATION
    departments = "".join(
        f"<tr><th scope=\"row\">{esc(d.name)}</th><td>{esc(d.duty or '')}</td></tr>" for d in org.departments)
    leaders = "".join(
        f"<tr><th scope=\"row\">{esc(x.name)}</th><td>{esc(x.post)}</td><td>{esc(x.duty or '')}</td></tr>"
        for x in org.leaders)
    meta = {"示例": True} if org.sample else {}
    return (front_matter(TITLE, **meta) + f"<h1>{TITLE}</h1>\n\n"
            + f'<p class="gk-intro">按《中华人民共和国政府信息公开条例》第二十条第（二）项公开{esc(org.name)}的'
              "机关职能、机构设置、办公地址、办公时间、联系方式和负责人姓名。</p>\n"
            + f"<h2>机关职能</h2>{paragraphs(org.functions)}\n"
            + "<h2>内设机构</h2>"
            + f'<table class="gk-table"><caption>{esc(org.name)}内设机构</caption>'
              f'<thead><tr><th scope="col">名称</th><th scope="col">职责</th></tr></thead><tbody>{departments}</tbody></table>\n'
            + "<h2>负责人</h2>"
            + f'<table class="gk-table"><caption>{esc(org.name)}负责人</caption><thead><tr><th scope="col">姓名</th>'
              f'<th scope="col">职务</th><th scope="col">分工</th></tr></thead><tbody>{leaders}</tbody></table>\n'
            + "<h2>办公地址和联系方式</h2>" + summary_list(contact_rows(org, here), "办公地址和联系方式") + "\n"
            + f'<p>{link(urls.relative(here, urls.REQUESTS), "依申请公开政府信息")}：受理机构、申请方式和申请表。</p>\n')


def contact_page(org: Organisation | None, sponsor: str) -> str:
    """联系我们: who runs the site and how to reach them."""
    here = urls.CONTACT
    if org is None:
        who = f"<p>主办单位：{esc(sponsor)}</p>\n" if sponsor else ""
        return front_matter(CONTACT_TITLE) + f"<h1>{CONTACT_TITLE}</h1>\n\n" + who
    meta = {"示例": True} if org.sample else {}
    return (front_matter(CONTACT_TITLE, **meta) + f"<h1>{CONTACT_TITLE}</h1>\n\n"
            + f'<p class="gk-intro">本网站由{esc(org.name)}主办。对网站内容有疑问或发现错误，请通过以下方式联系我们。</p>\n'
            + summary_list(contact_rows(org, here), "联系方式") + "\n"
            + f'<p>申请获取政府信息，请见{link(urls.relative(here, urls.REQUESTS), "依申请公开")}。</p>\n')
