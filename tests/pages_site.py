"""One small portal built once for the page tests: shown, exempt, draft and future documents."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import paired_site_files, run_gongkai, write_site

EXEMPT_POLICY = """\
---
标题: 通辽市财政局关于调整办公时间的通知
文号: 通财发〔2019〕7号
发文机关: 通辽市财政局
公文种类: 通知
主题分类: 财政、金融、审计
成文日期: 2019-03-01
发布日期: 2019-03-04
需要解读: false
免于解读理由: 仅涉及办公时间调整，内容简单明了。
附件:
  - 名称: 作息时间表
    文件: zuoxi.csv
示例: true
---
办公时间调整如下。

| 时段 | 时间 |
| --- | --- |
| 上午 | 8:30—12:00 |
"""

DRAFT_POLICY = EXEMPT_POLICY.replace("通财发〔2019〕7号", "通财发〔2019〕8号").replace(
    "调整办公时间", "草稿中的办法").replace("附件:\n  - 名称: 作息时间表\n    文件: zuoxi.csv\n", "草稿: true\n")

FUTURE_POLICY = EXEMPT_POLICY.replace("通财发〔2019〕7号", "通财发〔2027〕1号").replace(
    "调整办公时间", "将来发布的办法").replace("2019-03-0", "2027-01-0").replace(
    "附件:\n  - 名称: 作息时间表\n    文件: zuoxi.csv\n", "")

REPEALING_POLICY = """\
---
标题: 通辽市财政局关于恢复原办公时间的通知
文号: 通财发〔2020〕3号
发文机关: 通辽市财政局
公文种类: 通知
主题分类: 财政、金融、审计
成文日期: 2020-05-06
发布日期: 2020-05-08
需要解读: false
免于解读理由: 仅涉及办公时间调整。
废止: 通财发〔2019〕7号
---
本通知自发布之日起施行，《通辽市财政局关于调整办公时间的通知》（通财发〔2019〕7号）同时废止。
"""

FEES = """\
- 执收单位: 通辽市自然资源局
  项目名称: 不动产登记费（住宅类）
  类别: 行政事业性收费
  收费标准: 每件80元
  收费依据: 《通知》（发改价格规〔2016〕2559号）；《实施方案》（通政办字〔2017〕157号）
  资金管理方式: 缴入国库
  备注: 按件收取，含“引号”与逗号,
- 执收单位: 通辽市财政局
  项目名称: 草稿依据的收费
  类别: 政府性基金
  收费标准: 按规定
  收费依据: 通财发〔2019〕8号；通财发〔2019〕7号
  资金管理方式: 缴入国库
"""

CATALOG = """\
- 公开主体: 通辽市财政局
  公开事项: 财政政策文件
  公开内容: 本部门制发的行政规范性文件
  公开依据: 《通知》（通政办字〔2017〕157号）
  公开时限: 20个工作日内
  公开方式: [政府网站, 政府公报]
  公开对象: 社会公众
  五公开类别: 决策
"""


def build_pages_site(root: Path) -> Path:
    """Write and build the portal; return its site/ folder."""
    files = paired_site_files() | {
        "content/policies/2019/exempt.md": EXEMPT_POLICY,
        "content/policies/2019/zuoxi.csv": "时段,时间\n上午,8:30\n",
        "content/policies/2019/draft.md": DRAFT_POLICY,
        "content/policies/2020/repeal.md": REPEALING_POLICY,
        "content/policies/2027/future.md": FUTURE_POLICY,
        "data/fees.yml": FEES,
        "data/catalog.yml": CATALOG,
    }
    site = write_site(root, files)
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    return site / "site"
