"""Refuse to publish a half-built site, or one that drops a page readers already have."""

from __future__ import annotations

from pathlib import Path

from ..reuse.apply import pending
from .links import broken_links

REQUIRED = ("index.html", "404.html", "sitemap.xml")


def verify_site(site: Path) -> list[str]:
    """Problems that make a built site unfit to publish, in plain Chinese."""
    if not site.is_dir():
        return [f"找不到生成的网站 {site}/。请先运行“gongkai build”。"]
    if pending(site):
        return [f"上次生成在更新 {site}/ 时中断，网站只更新了一部分。请重新运行“gongkai build”。"]
    problems = [f"网站缺少 {name}，可能没有生成完整。请重新运行“gongkai build”。"
                for name in REQUIRED if not (site / name).is_file()]
    problems += [f"链接指向不存在的文件：{link}。请改正链接后重新运行“gongkai build”。"
                 for link in broken_links(site)]
    for page in site.rglob("*.html"):
        tail = page.read_bytes()[-512:].lower()
        if b"</html>" not in tail:
            rel = page.relative_to(site).as_posix()
            problems.append(f"页面 {rel} 不完整（没有以 </html> 结束）。请重新运行“gongkai build”。")
    return problems
