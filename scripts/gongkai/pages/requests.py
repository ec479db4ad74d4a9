"""依申请公开: the guide (from the organisation data), the printable application form and its file.

The time limits are those of 《政府信息公开条例》(2019) 第三十三条, the fees those of
《政府信息公开信息处理费管理办法》(国办函〔2020〕109号), the remedies those of 第五十一条.
"""

from __future__ import annotations

from ..model.organisation import Organisation
from . import urls
from .html import esc, link
from .listing import front_matter
from .organisation import summary_list

TITLE = "依申请公开"
FORM_TITLE = "政府信息公开申请表"
FORM_FILE = "zhengfu-xinxi-gongkai-shenqingbiao.docx"

# (group, rows): the applicant's particulars, as the form asks them; blank cells are filled by hand.
APPLICANT = (
    ("公民", ("姓名", "工作单位", "证件名称", "证件号码")),
    ("法人或者其他组织", ("名称", "统一社会信用代码", "法定代表人或者负责人", "联系人姓名")),
    ("联系方式", ("联系电话", "联系地址", "邮政编码", "电子邮箱")),
)
WANTED = ("所需政府信息的名称、文号或者便于查询的其他特征性描述", "所需政府信息的用途（选填）")
DELIVERY = ("纸质文本", "电子邮件", "光盘", "其他：")
RECEIVE = ("邮寄", "电子邮件", "自行领取", "当场阅读、抄录")


def _office_rows(org: Organisation) -> list[tuple[str, str]]:
    address, phone, email = org.request_contact
    rows = [("受理机构", esc(org.request_office)), ("受理地址", esc(address)), ("邮政编码", esc(org.postcode)),
            ("受理时间", esc(org.hours)), ("联系电话", esc(phone))]
    if org.fax:
        rows.append(("传真", esc(org.fax)))
    if email:
        rows.append(("电子邮箱", link(f"mailto:{email}", email)))
    return rows


def guide_page(org: Organisation) -> str:
    """How to ask for information the portal does not publish: where, how, how long, what it costs."""
    here = urls.REQUESTS
    form = link(urls.relative(here, urls.REQUEST_FORM), FORM_TITLE)
    download = link(FORM_FILE, "下载申请表（Word 文档）", download="")
    meta = {"示例": True} if org.sample else {}
    return (
        front_matter(TITLE, **meta) + f"<h1>{TITLE}</h1>\n\n"
        + '<p class="gk-intro">除本机关主动公开的政府信息外，公民、法人或者其他组织可以向本机关申请获取政府信息'
          "（《中华人民共和国政府信息公开条例》第二十七条）。</p>\n"
        + f'<p class="gk-actions">{form}（可在线查看、打印）　{download}</p>\n'
        + "<h2>一、受理机构</h2>\n" + summary_list(_office_rows(org), "受理机构和联系方式") + "\n"
        + "<h2>二、申请方式</h2>\n<ol>"
          f"<li>当面提交：在受理时间内到受理地址填写{form}。</li>"
          "<li>邮寄或传真：填写申请表后邮寄到受理地址（请在信封上注明“政府信息公开申请”），或传真到受理机构。</li>"
          "<li>电子邮件：填写申请表后作为附件发送到受理机构的电子邮箱。</li>"
          "<li>采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请（条例第二十九条）。</li></ol>\n"
          "<p>申请应当包括：申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的"
          "其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。</p>\n"
        + "<h2>三、答复时限</h2>\n"
          "<p>能够当场答复的，当场予以答复。不能当场答复的，自收到申请之日起 <strong>20 个工作日</strong>内予以答复；"
          "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 "
          "<strong>20 个工作日</strong>（条例第三十三条）。申请内容不明确的，本机关在收到申请之日起 7 个工作日内"
          "一次性告知申请人补正，答复期限自收到补正的申请之日起计算。</p>\n"
        + "<h2>四、信息处理费</h2>\n"
          "<p>依申请提供政府信息，一般不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照"
          "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费，按件或者按量计收，二者选其一：</p>\n"
        + _fee_tables()
        + "<p>需要收费的，本机关出具收费通知，说明收费依据、标准、数额和缴纳方式；申请人自收到通知之日起 20 个工作日内"
          "缴纳，逾期未缴纳的视为放弃申请。</p>\n"
        + "<h2>五、监督和救济</h2>\n"
          "<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
          "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。</p>\n"
    )


def _fee_tables() -> str:
    by_count = (("10 件以下（含 10 件）", "不收费"), ("11—30 件（含 30 件）的部分", "100 元/件"),
                ("31 件以上的部分", "以 10 件为一档，每增加一档，收费标准提高 100 元/件"))
    by_volume = (("30 页以下（含 30 页）", "不收费"), ("31—100 页（含 100 页）的部分", "10 元/页"),
                 ("101—200 页（含 200 页）的部分", "20 元/页"), ("201 页以上的部分", "40 元/页"))

    def table(caption: str, head: str, rows) -> str:
        body = "".join(f'<tr><th scope="row">{esc(a)}</th><td>{esc(b)}</td></tr>' for a, b in rows)
        return (f'<table class="gk-fees"><caption>{esc(caption)}</caption><thead><tr><th scope="col">{esc(head)}'
                f'</th><th scope="col">收费标准</th></tr></thead><tbody>{body}</tbody></table>\n')
    return (table("按件计收：同一申请人一个自然月内累计申请的件数", "申请件数", by_count)
            + table("按量计收：同一申请中要求公开的政府信息的页数", "页数", by_volume))


def _boxes(options: tuple[str, ...]) -> str:
    return "　".join(f"□ {esc(o)}" for o in options)


def form_page(org: Organisation) -> str:
    """The application form as a page: blank cells to fill in by hand, one or two A4 sheets printed."""
    rows = []
    for group, fields in APPLICANT:
        for index, name in enumerate(fields):
            head = (f'<th scope="rowgroup" rowspan="{len(fields)}" class="gk-form__group">{esc(group)}</th>'
                    if index == 0 else "")
            rows.append(f'<tr>{head}<th scope="row">{esc(name)}</th><td class="gk-form__blank"></td></tr>')
    applicant = "".join(rows)
    wanted = "".join(f'<tr><th scope="row">{esc(w)}</th><td class="gk-form__blank gk-form__blank--tall">'
                     "</td></tr>" for w in WANTED)
    address, phone, _ = org.request_contact
    meta = {"示例": True} if org.sample else {}
    return (
        front_matter(FORM_TITLE, **meta) + f"<h1>{FORM_TITLE}</h1>\n\n"
        + f'<p class="gk-form__to">受理机构：{esc(org.request_office)}</p>\n'
        + '<table class="gk-form"><caption>申请人信息</caption><tbody>' + applicant + "</tbody></table>\n"
        + '<table class="gk-form"><caption>所需政府信息</caption><tbody>' + wanted
        + f'<tr><th scope="row">获取信息的形式</th><td>{_boxes(DELIVERY)}</td></tr>'
        + f'<tr><th scope="row">获取信息的方式</th><td>{_boxes(RECEIVE)}</td></tr>'
        + "</tbody></table>\n"
        + '<table class="gk-form"><caption>申请人签名</caption><tbody>'
          '<tr><th scope="row">申请人签名或者盖章</th><td class="gk-form__blank"></td>'
          '<th scope="row">申请日期</th><td class="gk-form__date">　　年　　月　　日</td></tr></tbody></table>\n'
        + f'<p class="gk-form__note">填写后请当面提交、邮寄或传真至{esc(org.request_office)}（{esc(address)}，'
          f"邮编 {esc(org.postcode)}，电话 {esc(phone)}），或作为电子邮件附件发送。"
          "本机关自收到申请之日起 20 个工作日内答复。</p>\n"
        + f'<p class="gk-form__download">{link(urls.relative(urls.REQUEST_FORM, urls.REQUESTS + FORM_FILE), "下载申请表（Word 文档）", download="")}</p>\n'
    )
