"""收费目录清单 and 主动公开目录清单: pages grouped by department, with CSV and JSON beside them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict

from ..model.data_lists import CATALOG_ENTRY, FEE_ITEM, CatalogEntry, FeeItem
from ..model.documents import Policy
from ..model.fields import Schema
from . import open_data, urls
from .cells import inert_csv_cell
from .html import date_text, esc, link
from .index_offer import catalog_anchors, fee_anchors
from .listing import front_matter
from .spreadsheet import list_workbook

FEES_STEM = "shoufei"
CATALOG_STEM = "mulu"
FEES_TITLE = "行政事业性收费和政府性基金目录清单"
CATALOG_TITLE = "政府信息主动公开目录清单"
# A downloaded copy of sample data carries the mark itself: a 示例 column, a 示例 field.
SAMPLE_COLUMN = "示例"
SAMPLE_VALUE = "是"

# The year-and-number tail of a 文号; the issuer's code before it is matched exactly.
_NUMBER_TAIL = re.compile(r"〔\d{4}〕\d+号")


def link_doc_numbers(text: str, policies: list[Policy], here: str) -> str:
    """``text`` as HTML, each 文号 of a shown policy linked to its page."""
    by_tail: dict[str, list[Policy]] = defaultdict(list)
    for p in policies:
        tail = _NUMBER_TAIL.search(p.doc_number or "")
        if tail and p.doc_number.endswith(tail.group(0)):
            by_tail[tail.group(0)].append(p)
    out, done = [], 0
    for match in _NUMBER_TAIL.finditer(text):
        for policy in sorted(by_tail.get(match.group(0), ()), key=lambda p: -len(p.doc_number)):
            start = match.end() - len(policy.doc_number)
            if start >= done and text[start:match.end()] == policy.doc_number:
                out.append(esc(text[done:start]))
                out.append(link(urls.relative(here, policy.url), policy.doc_number,
                                title=policy.title))
                done = match.end()
                break
    out.append(esc(text[done:]))
    return "".join(out)


def fee_page(items: list[FeeItem], policies: list[Policy], as_of: dt.date | None, sample: bool = False) -> str:
    """The 收费目录清单 page, one table per 执收单位."""
    here = urls.FEES
    columns = ("项目名称", "类别", "收费标准", "收费依据", "资金管理方式", "备注")
    sections = []
    for collector, group in _grouped(list(zip(items, fee_anchors(items), strict=True)),
                                     lambda pair: pair[0].collector):
        rows = [(esc(i.name), esc(i.category), esc(i.standard),
                 link_doc_numbers(i.basis, policies, here), esc(i.fund_management), esc(i.note or ""))
                for i, _ in group]
        sections.append(_section(collector, f"{collector}收费项目（{len(group)} 项）", columns, rows,
                                 [anchor for _, anchor in group]))
    intro = ('<p class="gk-intro">行政事业性收费和政府性基金目录清单，按执收单位分列。清单之外的收费项目，'
             "公民、法人和其他组织有权拒绝缴纳。收费依据中的文号如在本网站发布，可点击查看原文。</p>\n")
    return _page(FEES_TITLE, intro, FEES_STEM, len(items), as_of, sections, sample, here, open_data.FEES_SCHEMA)


def catalog_page(entries: list[CatalogEntry], policies: list[Policy], as_of: dt.date | None,
                 sample: bool = False) -> str:
    """The 主动公开目录清单 page, one table per 公开主体."""
    here = urls.CATALOG
    columns = ("公开事项", "五公开类别", "公开内容", "公开依据", "公开时限", "公开方式", "公开对象")
    sections = []
    for body, group in _grouped(list(zip(entries, catalog_anchors(entries), strict=True)),
                                lambda pair: pair[0].body):
        rows = [(esc(e.item), esc(e.category), esc(e.content), link_doc_numbers(e.basis, policies, here),
                 esc(e.time_limit), esc("、".join(e.channels)), esc(e.audience)) for e, _ in group]
        sections.append(_section(body, f"{body}主动公开事项（{len(group)} 项）", columns, rows,
                                 [anchor for _, anchor in group]))
    intro = ('<p class="gk-intro">各部门政府信息主动公开目录清单：公开主体、事项、内容、依据、时限和方式，'
             "覆盖决策、执行、管理、服务、结果“五公开”。</p>\n")
    return _page(CATALOG_TITLE, intro, CATALOG_STEM, len(entries), as_of, sections, sample, here,
                 open_data.CATALOG_SCHEMA)


def fees_csv(items: list[FeeItem], sample: bool = False) -> bytes:
    """The fee list as CSV that Excel opens with Chinese intact: UTF-8 with BOM, CRLF rows."""
    return _csv(FEE_ITEM, items, sample)


def catalog_csv(entries: list[CatalogEntry], sample: bool = False) -> bytes:
    """The catalog as CSV for Excel."""
    return _csv(CATALOG_ENTRY, entries, sample)


def fees_xlsx(items: list[FeeItem], as_of: dt.date | None, sample: bool = False) -> bytes:
    """The fee list as an Excel workbook, the same columns as data/fees.yml (and `gongkai import fees`)."""
    return _xlsx(FEES_TITLE, FEE_ITEM, items, as_of, sample)


def catalog_xlsx(entries: list[CatalogEntry], as_of: dt.date | None, sample: bool = False) -> bytes:
    """The catalog as an Excel workbook, the same columns as data/catalog.yml."""
    return _xlsx(CATALOG_TITLE, CATALOG_ENTRY, entries, as_of, sample)


def fees_json(items: list[FeeItem], as_of: dt.date | None, sample: bool = False) -> bytes:
    """The fee list as JSON, keyed by the same Chinese field names as data/fees.yml."""
    return _json(FEES_TITLE, FEE_ITEM, items, as_of, sample)


def catalog_json(entries: list[CatalogEntry], as_of: dt.date | None, sample: bool = False) -> bytes:
    """The catalog as JSON, keyed as data/catalog.yml."""
    return _json(CATALOG_TITLE, CATALOG_ENTRY, entries, as_of, sample)


def _grouped(items, key):
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups.items()


# Columns of long text get room to read on a wide screen, where the table scrolls sideways.
_WIDE = {"收费依据", "收费标准", "公开内容", "公开依据", "公开时限", "备注"}


def _section(heading: str, caption: str, columns: tuple[str, ...], rows: list[tuple[str, ...]],
             anchors: list[str]) -> str:
    # data-label repeats the column header in each cell: on a phone each row is shown as a card
    # of label and value (CSS), while the markup stays a real table with its header row.
    wide = [' class="gk-wide"' if c in _WIDE else "" for c in columns]
    head = "".join(f'<th scope="col"{w}>{esc(c)}</th>' for c, w in zip(columns, wide, strict=True))
    attrs = [f' data-label="{esc(c)}"{w}' for c, w in zip(columns, wide, strict=True)]
    # Each row has an anchor: a search result for one item lands on its row.
    body = "".join(f'<tr id="{esc(anchor)}">'
                   + "".join(f"<td{a}>{cell}</td>" for cell, a in zip(row, attrs, strict=True)) + "</tr>"
                   for row, anchor in zip(rows, anchors, strict=True))
    return (f'<section class="gk-datalist__group"><h2>{esc(heading)}</h2>'
            f'<table class="gk-table"><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></section>\n")


def _page(title: str, intro: str, stem: str, count: int, as_of: dt.date | None, sections: list[str],
          sample: bool, here: str, schema: str) -> str:
    # The list's own review date, never the build date: a list not reviewed says nothing.
    when = f"，{date_text(as_of)}审核更新" if as_of else ""
    marked = "（示例数据，文件中标有“示例”）" if sample else ""
    downloads = (f'<p class="gk-downloads">共 {count} 项{when}。下载{marked}：'
                 f'{link(f"{stem}.xlsx", "Excel 表格", download="")} · '
                 f'{link(f"{stem}.csv", "CSV 表格", download="")} · '
                 f'{link(f"{stem}.json", "JSON 数据", download="")}。'
                 f'JSON 的数据说明：{link(urls.relative(here, schema), "JSON Schema", type="application/schema+json")}；'
                 f'本站全部数据文件见{link(urls.relative(here, urls.OPEN_DATA), "开放数据")}'
                 f'（机器可读的目录：{link(urls.relative(here, open_data.INDEX), "index.json", type="application/json")}）。</p>\n')
    body = "".join(sections) or '<p class="gk-empty">暂无条目。</p>\n'
    meta = {"示例": True} if sample else {}
    return front_matter(title, **meta) + f"<h1>{esc(title)}</h1>\n\n" + intro + "\n" + downloads + "\n" + body


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "、".join(str(v) for v in value)
    return str(value)


def _table(schema: Schema, items, sample: bool) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a download; sample data leads with a 示例 column."""
    mark = [SAMPLE_COLUMN] if sample else []
    rows = [[SAMPLE_VALUE] * sample + [_cell(getattr(item, f.attr)) for f in schema.fields] for item in items]
    return mark + [f.key for f in schema.fields], rows


def _csv(schema: Schema, items, sample: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    header, rows = _table(schema, items, sample)
    writer.writerow(header)
    writer.writerows([inert_csv_cell(cell) for cell in row] for row in rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _xlsx(title: str, schema: Schema, items, as_of: dt.date | None, sample: bool) -> bytes:
    header, rows = _table(schema, items, sample)
    return list_workbook(title, schema.name, header, rows, as_of)


def _json(title: str, schema: Schema, items, as_of: dt.date | None, sample: bool) -> bytes:
    rows = [{f.key: (list(v) if isinstance(v := getattr(item, f.attr), tuple) else v)
             for f in schema.fields} for item in items]
    data = {"名称": title, "审核日期": as_of.isoformat() if as_of else None, "示例": sample,
            "条目数": len(rows), "条目": rows}
    return open_data.to_json(data)
