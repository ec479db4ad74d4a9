"""The portal's settings: the `gongkai` entry under `plugins:` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import yaml

# Larger than any real document (the longest law in the sample corpus is about 300 KB), small
# enough that reading it stays well under a second.
DEFAULT_MAX_FILE_KB = 1024
DEFAULT_INDEX_NUMBER_PATTERN = r"^[0-9A-Z]{9,18}/\d{4}-\d{5}$"
DEFAULT_TOPICS = (
    "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
    "农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管",
    "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
    "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "其他",
)


class ConfigError(ValueError):
    """mkdocs.yml cannot be used; the message says what to change."""


@dataclass(frozen=True)
class SiteInfo:
    """What every government site shows in its footer and meta tags."""

    sponsor: str = ""
    organizer: str = ""
    contact: str = ""
    site_id_code: str = ""
    icp: str = ""
    police_record: str = ""
    error_report_url: str = ""
    # 党政机关网站标识: the link its issuer gives, and the image file in the site (e.g. biaoshi.png).
    mark_url: str = ""
    mark_image: str = ""

    @property
    def icp_url(self) -> str:
        """Where an ICP 备案 number is looked up (工业和信息化部 ICP/IP地址/域名信息备案管理系统)."""
        return "https://beian.miit.gov.cn/" if self.icp else ""

    @property
    def police_url(self) -> str:
        """Where a 公安机关备案 number is looked up, by its digits (全国互联网安全管理服务平台)."""
        digits = re.sub(r"\D", "", self.police_record)
        return f"https://beian.mps.gov.cn/#/query/webSearch?code={digits}" if digits else ""


@dataclass(frozen=True)
class PortalConfig:
    """Settings of one portal; defaults suit a city government's portal."""

    root: Path = Path(".")
    content_dir: str = "content"
    data_dir: str = "data"
    site_dir: str = "site"
    site_name: str = "政府信息公开"
    site_url: str = ""
    index_number_pattern: str = DEFAULT_INDEX_NUMBER_PATTERN
    topics: tuple[str, ...] = DEFAULT_TOPICS
    pairing_tolerance_days: int = 0
    drafter_rule: str = "warning"
    clause_rule: str = "error"
    # The data lists in data/ are sample data: their pages say so, like 示例 documents.
    sample_data: bool = False
    # city / county / department: city and county portals also answer Article 21.
    level: str = "city"
    # An empty item of 法定主动公开内容: warning while the portal is filled, error for release,
    # off for a portal that is not a 政府信息公开 column.
    statutory_rule: str = "warning"
    # A content or data file above this size is refused rather than read.
    max_file_kb: int = DEFAULT_MAX_FILE_KB
    as_of: dt.date = field(default_factory=dt.date.today)
    site: SiteInfo = SiteInfo()

    @property
    def content_path(self) -> Path:
        return self.root / self.content_dir

    @property
    def data_path(self) -> Path:
        return self.root / self.data_dir

    def index_number_regex(self) -> re.Pattern:
        return re.compile(self.index_number_pattern)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: unknown tags such as !ENV become None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(config_file: str | Path = "mkdocs.yml", as_of: dt.date | None = None) -> PortalConfig:
    """Read the portal's settings from mkdocs.yml."""
    path = Path(config_file)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"找不到配置文件 {path}。请在门户仓库的根目录运行，或用 --config 指定 mkdocs.yml。") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: 配置文件不是合法的 YAML：{exc}") from exc
    options = {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and "gongkai" in entry:
            options = entry["gongkai"] or {}
    return from_options(
        options,
        root=path.parent,
        content_dir=raw.get("docs_dir", "content"),
        site_dir=raw.get("site_dir", "site"),
        site_name=raw.get("site_name", "政府信息公开"),
        site_url=raw.get("site_url") or "",
        as_of=as_of,
    )


def from_options(options: dict, *, root: Path, content_dir: str = "content", site_dir: str = "site",
                 site_name: str = "政府信息公开", site_url: str = "",
                 as_of: dt.date | None = None) -> PortalConfig:
    """Build settings from the plugin's options, as MkDocs or the CLI read them."""
    known = {f.name for f in fields(PortalConfig)}
    unknown = set(options) - known - {"site"}
    if unknown:
        raise ConfigError(f"mkdocs.yml 中 gongkai 插件没有设置项：{'、'.join(sorted(unknown))}。")
    values = {k: v for k, v in options.items() if k in known and k != "site" and v is not None}
    if "topics" in values:
        values["topics"] = tuple(values["topics"])
    if values.get("drafter_rule", "warning") not in ("warning", "error"):
        raise ConfigError("mkdocs.yml 中 drafter_rule 只能是 warning 或 error。")
    if values.get("clause_rule", "error") not in ("warning", "error"):
        raise ConfigError("mkdocs.yml 中 clause_rule 只能是 warning 或 error。")
    if values.get("statutory_rule", "warning") not in ("warning", "error", "off"):
        raise ConfigError("mkdocs.yml 中 statutory_rule 只能是 warning、error 或 off。")
    if values.get("level", "city") not in ("city", "county", "department"):
        raise ConfigError("mkdocs.yml 中 level 只能是 city（市）、county（县）或 department（部门）。")
    max_kb = values.get("max_file_kb", DEFAULT_MAX_FILE_KB)
    if isinstance(max_kb, bool) or not isinstance(max_kb, int) or max_kb < 1:
        raise ConfigError("mkdocs.yml 中 max_file_kb 应为一个正整数（单位 KB），如 1024。")
    try:
        re.compile(values.get("index_number_pattern", DEFAULT_INDEX_NUMBER_PATTERN))
    except re.error as exc:
        raise ConfigError(f"mkdocs.yml 中 index_number_pattern 不是合法的正则表达式：{exc}") from exc
    site = SiteInfo(**{k: str(v) for k, v in (options.get("site") or {}).items()
                       if k in SiteInfo.__dataclass_fields__})
    return PortalConfig(
        root=root, content_dir=content_dir, site_dir=site_dir, site_name=site_name, site_url=site_url,
        as_of=as_of or build_date(), site=site, **values,
    )


def build_date() -> dt.date:
    """The date the build publishes as of: SOURCE_DATE_EPOCH or GONGKAI_AS_OF, else today."""
    as_of = os.environ.get("GONGKAI_AS_OF")
    if as_of:
        return dt.date.fromisoformat(as_of)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()
