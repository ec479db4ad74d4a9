"""The application form as a Word document an applicant fills in on a computer or prints.

python-docx writes the .docx (Office Open XML): a well-kept library rather than hand-zipped XML.
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.shared import Mm, Pt

from ..model.organisation import Organisation
from .requests import APPLICANT, DELIVERY, FORM_TITLE, RECEIVE, WANTED
from .zip_stamp import same_bytes_zip


def form_docx(org: Organisation, as_of: dt.date) -> bytes:
    """政府信息公开申请表.docx: the same rows as the form page, on A4."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    doc.styles["Normal"].font.size = Pt(11)
    heading = doc.add_heading(FORM_TITLE, level=1)
    heading.alignment = 1
    doc.add_paragraph(f"受理机构：{org.request_office}")
    rows = [(group if i == 0 else "", name) for group, names in APPLICANT for i, name in enumerate(names)]
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for group, name in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = group, name
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in [(w, "\n\n") for w in WANTED] + [
            ("获取信息的形式", "　".join(f"□ {o}" for o in DELIVERY)),
            ("获取信息的方式", "　".join(f"□ {o}" for o in RECEIVE)),
            ("申请人签名或者盖章", ""), ("申请日期", "　　年　　月　　日")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    address, phone, email = org.request_contact
    doc.add_paragraph(f"填写后请提交至{org.request_office}（{address}，邮编 {org.postcode}，电话 {phone}"
                      + (f"，电子邮箱 {email}" if email else "") + "）。本机关自收到申请之日起 20 个工作日内答复。")
    stamp = dt.datetime.combine(as_of, dt.time())
    doc.core_properties.title = FORM_TITLE
    doc.core_properties.author = org.name
    doc.core_properties.created = doc.core_properties.modified = stamp
    out = io.BytesIO()
    doc.save(out)
    return same_bytes_zip(out.getvalue(), stamp)
