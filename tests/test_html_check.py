"""Dangerous raw HTML in content and data is an error on its own line; safe HTML passes."""

import pytest

from tests.conftest import SEED_POLICY, paired_site_files, run_gongkai

POLICY = "content/policies/2017/seed.md"
BODY_LINE = SEED_POLICY.count("\n") + 1  # first line after the seed policy's text

ADVICE = "网站不会发布能执行代码或嵌入其他网页的内容。"
CASES = {
    "script": (
        '<script>alert("x")</script>',
        f"unsafe-html-script 这一行有 <script> 脚本。{ADVICE}请删除整个 <script>…</script>。",
    ),
    "event handler": (
        '<img src="a.png" onerror="alert(1)">',
        f"unsafe-html-event 这一行的 HTML 标签带有事件属性“onerror=”，会执行脚本。{ADVICE}"
        "请删除“onerror=…”这一属性。",
    ),
    "javascript url in html": (
        '<a href="javascript:alert(1)">点击</a>',
        f"unsafe-html-url 这一行有“javascript:”链接，点击时会执行脚本。{ADVICE}"
        "请改为以 https:// 开头的网址，或链接到本网站的页面。",
    ),
    "javascript url in markdown": (
        "[点击](javascript:alert(1))",
        f"unsafe-html-url 这一行有“javascript:”链接，点击时会执行脚本。{ADVICE}"
        "请改为以 https:// 开头的网址，或链接到本网站的页面。",
    ),
    "javascript url spelt with entities": (
        "[点击](java&#115;cript&colon;alert(1))",
        f"unsafe-html-url 这一行有“javascript:”链接，点击时会执行脚本。{ADVICE}"
        "请改为以 https:// 开头的网址，或链接到本网站的页面。",
    ),
    "iframe": (
        '<iframe src="https://example.com/"></iframe>',
        f"unsafe-html-embed 这一行有 <iframe>，会把其他网页或插件嵌入本页。{ADVICE}请删除它，改为写一个普通链接。",
    ),
    "object": (
        '<object data="x.swf"></object>',
        f"unsafe-html-embed 这一行有 <object>，会把其他网页或插件嵌入本页。{ADVICE}请删除它，改为写一个普通链接。",
    ),
    "embed": (
        '<embed src="x.swf">',
        f"unsafe-html-embed 这一行有 <embed>，会把其他网页或插件嵌入本页。{ADVICE}请删除它，改为写一个普通链接。",
    ),
}


def _check(make_site, files):
    site = make_site(paired_site_files() | files)
    return run_gongkai(site, "check")


@pytest.mark.parametrize("case", CASES)
def test_dangerous_html_in_a_policy_is_an_error_on_its_line(make_site, case):
    snippet, message = CASES[case]
    code, out, _ = _check(make_site, {POLICY: SEED_POLICY + "\n" + snippet + "\n"})
    assert code == 1
    assert out.splitlines() == [f"{POLICY}:{BODY_LINE + 1}: {message}"]


def test_dangerous_html_in_a_data_value_names_the_yaml_line(make_site):
    fees = (
        "- 执收单位: 通辽市自然资源局\n"
        "  项目名称: 土地复垦费\n"
        "  类别: 行政事业性收费\n"
        "  收费标准: 按规定标准\n"
        "  收费依据: '<a href=\"javascript:alert(1)\">条例</a>'\n"
        "  资金管理方式: 缴入国库\n"
    )
    code, out, _ = _check(make_site, {"data/fees.yml": fees})
    assert code == 1
    assert out.splitlines() == [f"data/fees.yml:5: {CASES['javascript url in html'][1]}"]


def test_dangerous_html_in_a_column_page_is_reported(make_site):
    code, out, _ = _check(make_site, {"content/xxgk/zhinan.md": "# 指南\n\n<iframe src=x></iframe>\n"})
    assert code == 1
    assert out.splitlines() == [f"content/xxgk/zhinan.md:3: {CASES['iframe'][1]}"]


def test_tables_line_breaks_and_code_examples_pass(make_site):
    body = (
        "<table><tr><td>第一行<br>第二行</td></tr></table>\n\n"
        "链接：<https://www.gov.cn/>，[国务院](https://www.gov.cn/)。\n\n"
        "写法示例：`<script>` 不会被执行。\n\n"
        "```html\n<script>alert(1)</script>\n```\n"
    )
    code, out, _ = _check(make_site, {POLICY: SEED_POLICY + "\n" + body})
    assert (code, out) == (0, "")
