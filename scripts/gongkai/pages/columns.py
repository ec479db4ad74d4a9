"""The column (栏目) each page belongs to, for the government page meta tags."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from . import urls


@dataclass(frozen=True)
class Column:
    """ColumnName, ColumnDescription, ColumnKeywords and ColumnType of one column."""

    name: str
    description: str
    keywords: str
    type: str


HOME = Column("首页", "政府信息公开门户首页", "政府信息公开,政策文件,政策解读", "首页")
DISCLOSURE = Column("政府信息公开", "政府信息公开指南、制度、法定主动公开内容和年度报告",
                    "政府信息公开,指南,制度,年度报告", "政府信息公开")
POLICIES = Column("政策文件", "本级政府及其部门发布的政策文件", "政策文件,规范性文件", "政策文件")
INTERPRETATIONS = Column("政策解读", "与政策文件同步发布的解读材料", "政策解读", "政策解读")
LISTS = Column("目录清单", "收费目录清单和主动公开目录清单", "收费目录清单,主动公开目录清单", "目录清单")
SEARCH = Column("搜索", "站内搜索", "搜索", "搜索")
OPEN_DATA = Column("开放数据", "本站数据文件的目录、格式和数据说明", "开放数据,JSON,CSV,数据说明", "开放数据")

# Longest prefix first: a page belongs to the column whose address starts its own.
_PREFIXES = (
    ("policies/", POLICIES), (urls.POLICIES, POLICIES),
    ("interpretations/", INTERPRETATIONS), (urls.INTERPRETATIONS, INTERPRETATIONS),
    ("qingdan/", LISTS), (urls.COLUMN, DISCLOSURE), (urls.SEARCH, SEARCH),
    (urls.OPEN_DATA, OPEN_DATA),
)


def column_of(url: str) -> Column:
    """The column of the page at ``url`` (site-relative, e.g. ``policies/2017/x/``)."""
    for prefix, column in _PREFIXES:
        if url.startswith(prefix):
            return column
    return HOME


def site_domain(site_url: str) -> str:
    """SiteDomain: the host name of the site's address."""
    return urlsplit(site_url).hostname or ""
