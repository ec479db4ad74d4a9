"""data/organisation.yml → Organisation, with e-mail addresses that can be mailto: links."""

from __future__ import annotations

import re

from ..config import PortalConfig
from ..model.organisation import ORGANISATION, Organisation
from ..problem import Problem, error
from .data_record import read_record
from .yaml_lines import Lines

# An e-mail address becomes a mailto: link: it must look like one (name@host.domain, no spaces).
_MAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def read_organisation(config: PortalConfig) -> tuple[Organisation | None, list[Problem]]:
    """The organisation (None when the file is absent or has errors) and the file's problems."""
    file = config.data_path / "organisation.yml"
    if not file.is_file():
        return None, []
    rel = file.relative_to(config.root).as_posix()
    values, lines, problems = read_record(file, rel, ORGANISATION, config.max_file_kb)
    if values is None:
        return None, problems
    mail_problems = _mail_addresses(values, lines, rel)
    if mail_problems:
        return None, problems + mail_problems
    return Organisation.from_values(values, rel), problems


def _mail_addresses(values: dict, lines: Lines, rel: str) -> list[Problem]:
    problems = []
    for key, attr in (("电子邮箱", "email"), ("受理电子邮箱", "request_email")):
        value = values.get(attr)
        if value is not None and not _MAIL.fullmatch(value):
            problems.append(error(
                rel, lines.of(key), "bad-email",
                f"“{key}”的值“{value}”不是电子邮箱地址。页面会把它做成发邮件的链接，"
                "请写成 zwgk@example.gov.cn 这样的地址（不含空格和其他文字），或删去这一行。",
            ))
    return problems
