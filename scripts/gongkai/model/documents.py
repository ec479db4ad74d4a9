"""Policy documents (政策文件) and interpretations (政策解读): declarations and data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .fields import Field, Kind, Schema, optional
from .status import DOCUMENT_TYPES, INTERPRETATION_FORMS

F = Field
D = Kind

POLICY = Schema("政策文件", (
    F("标题", "title", D.TEXT),
    optional("文号", "doc_number", D.TEXT, help="发文字号，如 通政办字〔2017〕157号"),
    optional("索引号", "index_number", D.TEXT, help="格式在 mkdocs.yml 的 index_number_pattern 中设定"),
    F("发文机关", "issuer", D.TEXT),
    optional("起草部门", "drafter", D.TEXT, help="不写时视为发文机关"),
    F("公文种类", "doc_type", D.CHOICE, choices=DOCUMENT_TYPES),
    optional("是否行政规范性文件", "normative", D.BOOL, default=False),
    F("主题分类", "topics", D.CHOICES, help="一个或多个，取自 mkdocs.yml 的 topics"),
    F("成文日期", "written", D.DATE),
    F("发布日期", "published", D.DATE),
    optional("施行日期", "effective", D.DATE),
    optional("有效期至", "expires", D.DATE),
    optional("主题词", "keywords", D.TEXTS, default=()),
    optional("摘要", "summary", D.TEXT),
    optional("附件", "attachments", D.ATTACHMENTS, default=()),
    optional("草稿", "draft", D.BOOL, default=False),
    optional("需要解读", "needs_interpretation", D.BOOL, default=True),
    optional("免于解读理由", "exemption_reason", D.TEXT),
    optional("修改", "amends", D.REFS, default=(), help="本文件修改的文件：文件编号或文号"),
    optional("废止", "repeals", D.REFS, default=(), help="本文件废止的文件：文件编号或文号"),
    optional("替代", "replaces", D.REFS, default=(), help="本文件是其新版本、整体取代的文件"),
    optional("外部变更", "external_change", D.CHANGE, help="门户外机关作出的修改、废止或失效"),
    optional("待核对", "to_verify", D.TEXT, help="导入时无法确定、需要编辑核对原件的事项；核对后删除"),
    optional("示例", "sample", D.BOOL, default=False, help="示例内容，页面上标明“示例”"),
))

INTERPRETATION = Schema("政策解读", (
    F("标题", "title", D.TEXT),
    F("解读对象", "interprets", D.REFS, help="所解读的政策：文件编号或文号，可多个"),
    F("解读形式", "form", D.CHOICE, choices=INTERPRETATION_FORMS),
    optional("解读人", "interpreter", D.TEXT),
    optional("解读单位", "interpreting_body", D.TEXT),
    F("发布日期", "published", D.DATE),
    optional("主题词", "keywords", D.TEXTS, default=(), help="不写时用所解读政策的主题词"),
    optional("摘要", "summary", D.TEXT),
    optional("附件", "attachments", D.ATTACHMENTS, default=()),
    optional("草稿", "draft", D.BOOL, default=False),
    optional("示例", "sample", D.BOOL, default=False),
))

# Keys of an external change (外部变更) declared on the affected document.
EXTERNAL_CHANGE = Schema("外部变更", (
    F("状态", "status", D.CHOICE),
    F("日期", "date", D.DATE),
    F("机关", "authority", D.TEXT),
    optional("依据", "basis", D.TEXT),
    optional("说明", "note", D.TEXT),
))

ATTACHMENT = Schema("附件", (
    F("名称", "name", D.TEXT),
    F("文件", "file", D.TEXT),
))


# What a reader can open without running anything: documents, sheets, archives, images.
ATTACHMENT_TYPES = frozenset({
    "pdf", "ofd", "doc", "docx", "wps", "xls", "xlsx", "et", "csv", "txt", "ppt", "pptx", "dps",
    "odt", "ods", "odp", "rtf", "zip", "rar", "7z", "jpg", "jpeg", "png", "gif", "webp",
})
# Images a page body may show; they are published without being declared as attachments.
IMAGE_TYPES = frozenset({"jpg", "jpeg", "png", "gif", "webp"})


@dataclass(frozen=True)
class Attachment:
    """A file published with a document; ``path`` is relative to content/."""

    name: str
    path: str
    size: int = 0

    @property
    def extension(self) -> str:
        return self.path.rsplit(".", 1)[-1].upper() if "." in self.path else ""


@dataclass(frozen=True)
class ExternalChange:
    """A change made by a body whose documents are not in the portal."""

    status: str
    date: dt.date
    authority: str
    basis: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Source:
    """Where a document came from, so every problem can name file and line."""

    path: str
    lines: dict[str, int] = field(default_factory=dict, hash=False, compare=False)
    body_line: int = 1

    def line_of(self, key: str | None = None) -> int:
        """Line of ``key`` in the front matter, or of the front matter's start."""
        return self.lines.get(key, 1) if key else 1


@dataclass(frozen=True)
class Policy:
    """政策文件: a policy document as published."""

    id: str
    source: Source
    title: str
    issuer: str
    doc_type: str
    topics: tuple[str, ...]
    written: dt.date
    published: dt.date
    body: str = ""
    doc_number: str | None = None
    index_number: str | None = None
    drafter: str | None = None
    normative: bool = False
    effective: dt.date | None = None
    expires: dt.date | None = None
    keywords: tuple[str, ...] = ()
    summary: str | None = None
    attachments: tuple[Attachment, ...] = ()
    draft: bool = False
    needs_interpretation: bool = True
    exemption_reason: str | None = None
    amends: tuple[str, ...] = ()
    repeals: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    external_change: ExternalChange | None = None
    to_verify: str | None = None
    sample: bool = False

    kind = "policy"

    @property
    def drafting_body(self) -> str:
        """起草部门, which defaults to the issuing body."""
        return self.drafter or self.issuer

    @property
    def url(self) -> str:
        return url_of(self.id)


@dataclass(frozen=True)
class Interpretation:
    """政策解读: an interpretation of one or more policies."""

    id: str
    source: Source
    title: str
    interprets: tuple[str, ...]
    form: str
    published: dt.date
    body: str = ""
    interpreter: str | None = None
    interpreting_body: str | None = None
    keywords: tuple[str, ...] = ()
    summary: str | None = None
    attachments: tuple[Attachment, ...] = ()
    draft: bool = False
    sample: bool = False

    kind = "interpretation"
    doc_number = None

    @property
    def url(self) -> str:
        return url_of(self.id)



def url_of(doc_id: str) -> str:
    """A document's permanent URL, derived from its id only."""
    return f"{doc_id}/"
