"""Only the repository's own files, each at an address of its own.

Symbolic links under content/ and data/ are never followed; a file nobody declared is not
published; two files (or a file and a page the portal generates) never share an address.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..config import PortalConfig
from ..model.documents import IMAGE_TYPES
from ..read.corpus import Corpus
from ..read.files import files_under, shown_path, symlinks_under
from .problem import Problem, error, warning

# Addresses the portal generates (pages.urls); an editor's page there would replace or hide it.
GENERATED = {
    "xxgk/": "政府信息公开",
}
GENERATED_UNDER = {
    "zhengce/": "政策文件库",
    "jiedu/": "政策解读",
    "qingdan/shoufei/": "收费目录清单",
    "qingdan/mulu/": "主动公开目录清单",
    "sousuo/": "搜索",
    "kaifang/": "开放数据",
    "xxgk/fading/": "法定主动公开内容",
    "xxgk/nianbao/": "政府信息公开工作年度报告",
    "xxgk/yishenqing/": "依申请公开",
    "xxgk/gongbao/": "政府公报",
    "lianxi/": "联系我们",
    "wangzhanditu/": "网站地图",
    "assets/gongkai/": "网站的样式、脚本和图标",
    "assets/search/": "搜索的脚本和样式",
}
# Files the portal writes at the site's root of a type an editor could publish (an image or a
# declared attachment); pages, feeds and data files are of types that are never published.
GENERATED_FILES = {"robots.txt": "搜索引擎抓取规则"}
# Characters that end or change an address in a browser, so the page could not be reached.
_BAD_NAME_CHARS = set("#?% \t\\\"'<>")


def check_files(corpus: Corpus, config: PortalConfig) -> list[Problem]:
    """Links, undeclared files, unreachable names and shared addresses under content/ and data/."""
    problems = [_symlink(link, config) for base in (config.content_path, config.data_path)
                for link in symlinks_under(base)]
    files = files_under(config.content_path)
    declared = declared_files(corpus)
    by_url: dict[str, list[str]] = defaultdict(list)
    for file in files:
        rel = file.relative_to(config.content_path).as_posix()
        shown = shown_path(file, config.root)
        bad = sorted(set(file.name) & _BAD_NAME_CHARS)
        if bad:
            problems.append(error(
                shown, 1, "bad-file-name",
                f"文件名“{file.name}”含有{'、'.join(_char_name(c) for c in bad)}，浏览器会把网址在那里截断或改读，"
                "链接会打不开。文件名请只用英文小写字母、数字和连字符。",
            ))
        if rel.endswith(".md"):
            by_url[page_url(rel)].append(shown)
        elif not is_published(rel, declared):
            problems.append(warning(
                shown, 1, "undeclared-file",
                f"文件“{shown}”没有列在任何文件的“附件”中，不会发布。"
                "如需发布，请在相应文件的前置信息“附件”下列出它；不需要的话请删除它。",
            ))
        else:
            problems += _file_collision(rel, shown)
    for url, paths in sorted(by_url.items()):
        problems += _collisions(url, paths)
    return problems


def page_url(rel: str) -> str:
    """The address MkDocs gives a Markdown file (``a/b.md`` and ``a/b/index.md`` are both ``a/b/``)."""
    stem = rel.removesuffix(".md")
    folder, _, name = stem.rpartition("/")
    if name.lower() in ("index", "readme"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def declared_files(corpus: Corpus) -> set[str]:
    """Paths (relative to content/) that a document lists as an attachment or a gazette issue as its PDF."""
    return ({a.path for doc in corpus.documents() for a in doc.attachments}
            | {issue.pdf for issue in corpus.gazette})


def is_published(rel: str, declared: set[str]) -> bool:
    """Whether a non-Markdown file under content/ goes into the site: declared, or an image."""
    return rel in declared or rel.rsplit(".", 1)[-1].lower() in IMAGE_TYPES


def _collisions(url: str, paths: list[str]) -> list[Problem]:
    shown_url = "/" + url
    problems = []
    if url in GENERATED or any(url.startswith(p) for p in GENERATED_UNDER):
        name = GENERATED.get(url) or next(v for k, v in GENERATED_UNDER.items() if url.startswith(k))
        problems += [error(
            path, 1, "page-collision",
            f"文件“{path}”的网址 {shown_url} 属于网站自动生成的“{name}”栏目，两者会互相覆盖。"
            "请把这个文件移到其他文件夹或改名。",
        ) for path in paths]
    if len(paths) > 1:
        first, *others = sorted(paths)
        problems += [error(
            path, 1, "page-collision",
            f"文件“{path}”与“{first}”都会生成网址 {shown_url}，其中一个会覆盖另一个。请改名其中一个。",
        ) for path in others]
    return problems


def _file_collision(rel: str, shown: str) -> list[Problem]:
    """A published file at an address the portal writes itself (its styles and scripts, robots.txt)."""
    owner = (GENERATED_FILES.get(rel) or next((v for k, v in GENERATED_UNDER.items() if rel.startswith(k)), None))
    if owner is None:
        return []
    return [error(
        shown, 1, "page-collision",
        f"文件“{shown}”会发布到 /{rel}，那里是网站自动生成的“{owner}”，两者会互相覆盖。"
        "请把这个文件移到其他文件夹或改名。",
    )]


def _symlink(link: Path, config: PortalConfig) -> Problem:
    try:
        target = str(link.readlink())
    except OSError:
        target = "未知位置"
    kind = "文件夹" if link.is_dir() else "文件"
    return error(
        shown_path(link, config.root), 1, "symlink",
        f"“{shown_path(link, config.root)}”是一个符号链接（指向 {target}），不是真实的{kind}。网站只发布仓库中的文件，"
        "不跟随符号链接，以免把服务器上的其他文件公开。请删除这个链接，把要发布的文件本身放进来。",
    )


def _char_name(char: str) -> str:
    return {" ": "空格", "\t": "制表符"}.get(char, f"“{char}”")
