"""The organisation that runs the portal (data/organisation.yml): Article 20 item 2, the 依申请公开
guide and the footer all read it, so an address or phone number is written once."""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Field, Kind, Schema, optional

F = Field
D = Kind

DEPARTMENT = Schema("内设机构", (
    F("名称", "name", D.TEXT),
    optional("职责", "duty", D.TEXT),
))

LEADER = Schema("负责人", (
    F("姓名", "name", D.TEXT),
    F("职务", "post", D.TEXT),
    optional("分工", "duty", D.TEXT),
))

ORGANISATION = Schema("机构信息", (
    F("机关名称", "name", D.TEXT),
    F("机关职能", "functions", D.TEXT, help="主要职责，可分段书写"),
    F("内设机构", "departments", D.RECORDS, schema=DEPARTMENT, default=()),
    F("负责人", "leaders", D.RECORDS, schema=LEADER, default=()),
    F("办公地址", "address", D.TEXT),
    F("邮政编码", "postcode", D.TEXT),
    F("办公时间", "hours", D.TEXT),
    F("联系电话", "phone", D.TEXT),
    optional("传真", "fax", D.TEXT),
    optional("电子邮箱", "email", D.TEXT),
    F("依申请公开受理机构", "request_office", D.TEXT, help="受理政府信息公开申请的机构名称"),
    optional("受理地址", "request_address", D.TEXT, help="不写时同办公地址"),
    optional("受理电话", "request_phone", D.TEXT, help="不写时同联系电话"),
    optional("受理电子邮箱", "request_email", D.TEXT, help="不写时同电子邮箱"),
    optional("公报名称", "gazette_name", D.TEXT, help="如 通辽市人民政府公报"),
    optional("示例", "sample", D.BOOL, default=False, help="示例内容，页面上标明“示例”"),
))


@dataclass(frozen=True)
class Department:
    """One 内设机构 and what it does."""

    name: str
    duty: str | None = None


@dataclass(frozen=True)
class Leader:
    """One 负责人: name, post and the work they lead."""

    name: str
    post: str
    duty: str | None = None


@dataclass(frozen=True)
class Organisation:
    """机关职能、机构设置、办公地址、办公时间、联系方式、负责人, and where requests are received."""

    name: str
    functions: str
    departments: tuple[Department, ...]
    leaders: tuple[Leader, ...]
    address: str
    postcode: str
    hours: str
    phone: str
    request_office: str
    fax: str | None = None
    email: str | None = None
    request_address: str | None = None
    request_phone: str | None = None
    request_email: str | None = None
    gazette_name: str | None = None
    sample: bool = False
    path: str = "data/organisation.yml"

    @property
    def request_contact(self) -> tuple[str, str, str | None]:
        """Address, phone and e-mail of the office receiving requests (the organisation's by default)."""
        return (self.request_address or self.address, self.request_phone or self.phone,
                self.request_email or self.email)

    @classmethod
    def from_values(cls, values: dict, path: str) -> Organisation:
        """Build from the reader's {attr: value}, sub-entries included."""
        values = dict(values)
        values["departments"] = tuple(Department(**d) for d in values["departments"] or ())
        values["leaders"] = tuple(Leader(**x) for x in values["leaders"] or ())
        return cls(path=path, **values)
