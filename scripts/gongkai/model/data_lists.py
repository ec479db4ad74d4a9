"""The data lists in data/: the fee list and the proactive-disclosure catalog."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Field, Kind, Schema, optional
from .status import FEE_CATEGORIES, FIVE_OPENNESS

F = Field
D = Kind

# 行政事业性收费和政府性基金目录清单 (data/fees.yml)
FEE_ITEM = Schema("收费目录清单项目", (
    F("执收单位", "collector", D.TEXT),
    F("项目名称", "name", D.TEXT),
    F("类别", "category", D.CHOICE, choices=FEE_CATEGORIES),
    F("收费标准", "standard", D.TEXT),
    F("收费依据", "basis", D.TEXT, help="文件名称与文号；文号在门户中时自动链接"),
    F("资金管理方式", "fund_management", D.TEXT),
    optional("备注", "note", D.TEXT),
))

# 政府信息主动公开目录清单 (data/catalog.yml)
CATALOG_ENTRY = Schema("主动公开目录清单条目", (
    F("公开主体", "body", D.TEXT),
    F("公开事项", "item", D.TEXT),
    F("公开内容", "content", D.TEXT),
    F("公开依据", "basis", D.TEXT),
    F("公开时限", "time_limit", D.TEXT),
    F("公开方式", "channels", D.TEXTS),
    F("公开对象", "audience", D.TEXT),
    F("五公开类别", "category", D.CHOICE, choices=FIVE_OPENNESS),
))


@dataclass(frozen=True)
class FeeItem:
    """One item of the fee list."""

    collector: str
    name: str
    category: str
    standard: str
    basis: str
    fund_management: str
    note: str | None = None
    line: int = 0


@dataclass(frozen=True)
class CatalogEntry:
    """One entry of a department's proactive-disclosure catalog."""

    body: str
    item: str
    content: str
    basis: str
    time_limit: str
    channels: tuple[str, ...]
    audience: str
    category: str
    line: int = 0


# A list file may open with the date the office last reviewed it, its entries under 条目:
#   审核日期: 2026-10-15
#   条目:
#   - 执收单位: …
LIST_HEAD = Schema("目录清单", (
    optional("审核日期", "reviewed", D.DATE, help="清单最近一次审核（更新）的日期"),
))

DATA_LISTS = {
    "fees.yml": (FEE_ITEM, FeeItem),
    "catalog.yml": (CATALOG_ENTRY, CatalogEntry),
}
