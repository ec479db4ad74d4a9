"""Each lifecycle mark of the sample portal, as a reader sees it on the real page."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from .harness import PHONE, ROOT, link_to

pytestmark = pytest.mark.browser

# (document, its status as of the build date, the document that caused it or None when a date did)
MARKS = [
    ("policies/2022/tongjiangui-2022-1", "已修改", "policies/2024/tongjiangui-2024-2"),
    ("policies/2017/tongminfa-2017-45", "已废止", "policies/2020/tongmingui-2020-3"),
    ("policies/2019/tongrenshegui-2019-3", "已失效", None),
    ("policies/2026/tonghuangui-2026-1", "尚未生效", None),
]


def front_matter(doc_id: str) -> dict:
    """The YAML front matter of content/DOC_ID.md."""
    text = (ROOT / "content" / f"{doc_id}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def first_body_line(doc_id: str) -> str:
    """The first line of the document's text (after the front matter), as the reader sees it."""
    text = (ROOT / "content" / f"{doc_id}.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    line = next(line.strip() for line in body.splitlines() if line.strip())
    return re.sub(r"^#+\s*|[*_`]", "", line)


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(("doc_id", "status", "cause"), MARKS, ids=[m[1] for m in MARKS])
def test_status_notice_is_shown_above_the_text_and_links_its_cause(open_page, doc_id, status,
                                                                   cause, viewport):
    page = open_page(viewport=viewport)
    page.goto(f"{doc_id}/")
    notice = page.locator("#gk-status-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(status)

    text = page.locator("article").get_by_text(first_body_line(doc_id)).first
    expect(text).to_be_visible()
    notice_box, text_box = notice.bounding_box(), text.bounding_box()
    assert notice_box["y"] + notice_box["height"] <= text_box["y"], (
        f"{doc_id}: the notice (y {notice_box['y']:.0f}–{notice_box['y'] + notice_box['height']:.0f})"
        f" is not above the text (y {text_box['y']:.0f})")

    if cause is None:
        # A date, not a document, set this status: the notice says which date.
        expect(notice).to_contain_text(re.compile(r"\d{4}年\d{1,2}月\d{1,2}日"))
        return
    link = link_to(notice, cause)
    expect(link).to_have_count(1)
    link.click()
    expect(page).to_have_url(re.compile(re.escape(cause) + "/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(front_matter(cause)["标题"])
