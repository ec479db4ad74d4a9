"""Generate a large valid portal (policies with their interpretations) for scale tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import AS_OF, write_site

ISSUERS = ("通辽市财政局", "通辽市教育局", "通辽市民政局", "通辽市生态环境局", "通辽市住房和城乡建设局")
TOPICS = ("财政、金融、审计", "科技、教育", "民政、扶贫、救灾", "城乡建设、环境保护")
PARAGRAPH = (
    "为进一步做好政务公开工作，推进决策、执行、管理、服务、结果公开，加强政策解读和回应关切，"
    "结合本市实际，现就有关事项通知如下。各地区、各部门要高度重视，认真组织实施，确保取得实效。"
)


def generate_portal(root: Path, documents: int = 2000) -> Path:
    """Write ``documents`` files: half policies, half their same-day interpretations."""
    files: dict[str, str] = {}
    start = dt.date(2015, 1, 1)
    # Days past the build date would leave documents silently unpublished: wrap round instead.
    span = (dt.date.fromisoformat(AS_OF) - start).days
    for n in range(documents // 2):
        day = start + dt.timedelta(days=(n * 2) % span)
        issuer = ISSUERS[n % len(ISSUERS)]
        number = f"通测发〔{day.year}〕{n + 1}号"
        files[f"content/policies/{day.year}/p{n:05d}.md"] = (
            f"---\n标题: 关于第{n + 1}项政务公开工作的通知\n文号: {number}\n"
            f"索引号: 115223000115559370/{day.year}-{n + 1:05d}\n发文机关: {issuer}\n公文种类: 通知\n"
            f"主题分类: {TOPICS[n % len(TOPICS)]}\n成文日期: {day - dt.timedelta(days=1)}\n"
            f"发布日期: {day}\n示例: true\n---\n## 一、总体要求\n\n{PARAGRAPH * 3}\n\n"
            f"## 二、主要任务\n\n{PARAGRAPH * 4}\n"
        )
        files[f"content/interpretations/{day.year}/j{n:05d}.md"] = (
            f"---\n标题: 《关于第{n + 1}项政务公开工作的通知》解读\n解读对象: {number}\n"
            f"解读形式: 文字\n解读单位: {issuer}\n发布日期: {day}\n示例: true\n---\n"
            f"## 背景\n\n{PARAGRAPH * 2}\n"
        )
    return write_site(root, files)
