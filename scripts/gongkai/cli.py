"""The `gongkai` command: check, build, serve, report, publish…"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .check import run_checks
from .check.problem import summarize
from .config import ConfigError, PortalConfig, load_config
from .read.corpus import read_corpus

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that explains usage mistakes in Chinese and exits with 2."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse hook
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"用法错误：{message}\n请运行“gongkai --help”查看可用的命令和选项。\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2024-01-31 这样的格式") from None


def build_parser() -> argparse.ArgumentParser:
    """The command line, one sub-command per step of the pipeline."""
    parser = _Parser(prog="gongkai", description="政府信息公开门户：检查、生成、发布。")
    parser.add_argument("--config", default="mkdocs.yml", help="mkdocs.yml 的路径（默认当前目录下）")
    parser.add_argument("--as-of", type=_date, help="按哪一天发布（YYYY-MM-DD，默认今天）")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser,
                                     metavar="命令")
    # The global options are also accepted after the command (gongkai build --as-of …).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument("--as-of", type=_date, default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    def add(name: str, **kw) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], **kw)

    check = add("check", help="检查全部文件，列出所有问题")
    check.add_argument("--strict", action="store_true", help="有警告也视为不通过")
    check.add_argument("--staged", action="store_true", help="检查 git 暂存区中（即将提交）的内容")
    check.add_argument("--changed", nargs="?", const="main", default=None, metavar="分支",
                       help="只报告与该分支（默认 main）不同的文件及依赖它们的文件")
    build = add("build", help="检查并生成网站到 site/（失败时原网站不变）")
    build.add_argument("--site-dir", default=None, help="输出目录（默认 mkdocs.yml 的 site_dir）")
    build.add_argument("--strict", action="store_true", help="有警告也视为不通过")
    build.add_argument("--clean", action="store_true",
                       help="不沿用上次生成的页面，全部重新生成（默认只重新生成有变化的页面）")
    build.add_argument("--wait", type=float, default=0, metavar="秒数",
                       help="另一次生成正在进行时最多等待多少秒（默认不等，立即退出）")
    add("serve", help="本地预览，修改后自动刷新")
    schema = add("schema", help="输出各类文件字段的 JSON Schema")
    schema.add_argument("--write", metavar="文件夹", default=None,
                        help="每类写成一个文件（供编辑器检查 data/ 中的清单），如 .vscode/schemas")
    hooks = add("hooks", help="安装或卸载提交前检查暂存内容的 git 钩子（没有 pre-commit 时用）")
    hooks.add_argument("action", choices=("install", "uninstall"), help="install 安装，uninstall 卸载")
    hooks.add_argument("--force", action="store_true", help="替换已有的其他 pre-commit 钩子")
    new = add("new", help="新建一份政策文件及其解读（草稿）")
    new.add_argument("slug", help="文件名（英文小写、数字、连字符），决定网址")
    new.add_argument("--title", required=True, help="标题")
    new.add_argument("--issuer", required=True, help="发文机关（也是解读单位）")
    new.add_argument("--number", default=None, help="文号，如 通财规〔2026〕1号")
    pub = add("publish", help="把已生成的 site/ 发布为新版本并原子切换")
    pub.add_argument("--to", required=True, help="发布目录（网站根目录指向其中的 current）")
    pub.add_argument("--from", dest="source", default=None, metavar="网站或发布包",
                     help="要发布的网站文件夹，或 gongkai package 生成的发布包（默认 mkdocs.yml 的 site_dir）")
    pub.add_argument("--keep", type=int, default=10, help="保留最近多少个版本（默认 10）")
    pub.add_argument("--wait", type=float, default=0, metavar="秒数",
                     help="另一次发布正在进行时最多等待多少秒（默认不等，立即退出）")
    pub.add_argument("--allow-removal", action="append", default=[], metavar="网址",
                     help="允许新版本撤下的已发布页面，如 /policies/2017/x/（可写多次）")
    pkg = add("package", help="把已生成的 site/ 打成一个发布包（附清单），供发布机器无法直接写入的服务器使用")
    pkg.add_argument("--output", default=None, metavar="文件",
                     help="发布包文件名（.tar；以 .tar.gz 结尾则压缩；默认 gongkai-时间-提交.tar）")
    back = add("rollback", help="回退到上一个（或指定的）发布版本")
    back.add_argument("--to", required=True, help="发布目录")
    back.add_argument("--release", default=None, help="要回退到的版本名（默认上一个）")
    back.add_argument("--wait", type=float, default=0, metavar="秒数",
                      help="另一次发布正在进行时最多等待多少秒（默认不等，立即退出）")
    rel = add("releases", help="列出发布目录中的版本")
    rel.add_argument("--to", required=True, help="发布目录")
    imp = add("import", help="导入：JSON Lines 法规数据为政策文件；fees/catalog 加 Excel 文件为清单")
    imp.add_argument("file", help="JSON Lines 文件（每行一条记录）；或 fees、catalog")
    imp.add_argument("workbook", nargs="?", help="fees 或 catalog 之后：Excel 文件（.xlsx）")
    imp.add_argument("--into", default="policies/fagui", help="写入 content/ 下的哪个文件夹")
    imp.add_argument("--limit", type=int, default=None, help="只导入前 N 条记录")
    imp.add_argument("--sample", action="store_true", help="把导入的文件标为示例")
    imp.add_argument("--infer-relations", action="store_true",
                     help="由正文“……同时废止”“对《……》作如下修改”等条款推断废止、修改关系")
    imp.add_argument("--report", default="导入报告.md", help="导入报告写到哪个文件（默认 导入报告.md）")
    report = commands.add_parser("report", help="报表：如即将到期的规范性文件").add_subparsers(
        dest="report", required=True, parser_class=_Parser, metavar="报表")
    expiring = report.add_parser("expiring", parents=[common], help="有效期即将届满的行政规范性文件（清理的依据）")
    expiring.add_argument("--within", type=int, default=180, help="多少天内届满（默认 180）")
    expiring.add_argument("--csv", default=None, help="另存为 CSV 文件（UTF-8，带 BOM）")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; never let a traceback reach an editor."""
    args = build_parser().parse_args(argv)
    try:
        # The web server has releases but no portal repository: these commands need no mkdocs.yml.
        needs_config = args.command not in ("rollback", "releases") and getattr(args, "source", None) is None
        config = load_config(args.config, as_of=args.as_of) if needs_config else None
        return COMMANDS[args.command](args, config)
    except ConfigError as exc:
        print(f"配置错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_PROBLEMS


def run_check(args, config: PortalConfig) -> int:
    """gongkai check: report every problem at once."""
    if args.staged or args.changed:
        from .changes import GitError, scoped_problems

        try:
            problems = scoped_problems(config, staged=args.staged, base=args.changed)
        except GitError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_USAGE
    else:
        problems = run_checks(read_corpus(config), config)
    for problem in problems:
        print(problem)
    print(summarize(problems), file=sys.stderr)
    failed = any(p.is_error for p in problems) or (args.strict and problems)
    return EXIT_PROBLEMS if failed else EXIT_OK


def run_build(args, config: PortalConfig) -> int:
    """gongkai build: check, build into a staging folder, then swap it in."""
    from .mkdocs_runner import build_site

    return build_site(config, Path(args.config), site_dir=args.site_dir, strict=args.strict, wait=args.wait,
                      clean=args.clean)


def run_serve(args, config: PortalConfig) -> int:
    """gongkai serve: a live preview that rebuilds only what changed."""
    from .mkdocs_preview import serve_site

    return serve_site(config, Path(args.config))


def run_schema(args, config: PortalConfig) -> int:
    """gongkai schema: JSON Schema of each kind, for editors' tools."""
    import json

    from .model.data_lists import CATALOG_ENTRY, FEE_ITEM
    from .model.documents import INTERPRETATION, POLICY
    from .model.organisation import ORGANISATION

    if args.write:
        from .model.schema_files import write_schema_files

        for path in write_schema_files(Path(args.write)):
            print(f"已写入 {path}", file=sys.stderr)
        return EXIT_OK
    kinds = (POLICY, INTERPRETATION, FEE_ITEM, CATALOG_ENTRY, ORGANISATION)
    schemas = {s.name: s.to_json_schema() for s in kinds}
    print(json.dumps(schemas, ensure_ascii=False, indent=2))
    return EXIT_OK


def run_import(args, config: PortalConfig) -> int:
    """gongkai import: records → content/<folder>/<id>.md; bad input writes nothing."""
    if args.file in ("fees", "catalog"):
        return _import_workbook(args, config)
    from .importers.laws import import_laws

    return import_laws(Path(args.file), config, folder=args.into, limit=args.limit, sample=args.sample,
                       infer=args.infer_relations, report=Path(args.report))


def _import_workbook(args, config: PortalConfig) -> int:
    """gongkai import fees|catalog FILE.xlsx: the good rows replace data/<list>.yml; bad cells are named."""
    from .importers.workbook import WorkbookError, import_list

    if not args.workbook:
        print(f"用法：gongkai import {args.file} 文件.xlsx", file=sys.stderr)
        return EXIT_USAGE
    try:
        result, target = import_list(args.file, Path(args.workbook), config.data_path, config.as_of)
    except WorkbookError as exc:
        print(f"{exc}\n没有改动任何文件。", file=sys.stderr)
        return EXIT_PROBLEMS
    for bad in result.bad:
        print(bad.line(args.workbook))
    shown = f"{config.data_dir}/{target.name}"
    rows = sorted({b.row for b in result.bad})
    if rows:
        print(f"已从工作表“{result.sheet}”导入 {len(result.entries)} 项到 {shown}；{len(rows)} 行未导入"
              "（见上面每一行），改正后重新导入即可。", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已从工作表“{result.sheet}”导入 {len(result.entries)} 项到 {shown}。", file=sys.stderr)
    return EXIT_OK


def run_hooks(args, config: PortalConfig) -> int:
    """gongkai hooks install|uninstall: a plain git hook that checks what is staged."""
    from .changes import GitError
    from .hooks import install_hook, uninstall_hook

    try:
        if args.action == "uninstall":
            path, removed = uninstall_hook(config.root)
            print(f"已删除 {path}。" if removed else f"{path} 不是 gongkai 安装的钩子，没有删除。", file=sys.stderr)
            return EXIT_OK
        path, refused = install_hook(config.root, force=args.force)
    except GitError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    if refused:
        print(refused, file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已安装 {path}：每次 git commit 前都会检查暂存的内容，有错误时不提交。", file=sys.stderr)
    return EXIT_OK


def run_new(args, config: PortalConfig) -> int:
    """gongkai new: a draft policy and its draft interpretation, never overwriting a file."""
    from .scaffold import policy_and_interpretation, slug_problem, value_problem

    typed = [("--title", args.title), ("--issuer", args.issuer)]
    typed += [("--number", args.number)] if args.number is not None else []
    problem = slug_problem(args.slug) or next(filter(None, (value_problem(o, v) for o, v in typed)), None)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    files = policy_and_interpretation(
        args.slug, title=args.title, issuer=args.issuer, number=args.number,
        topic=config.topics[0], day=config.as_of,
    )
    existing = [rel for rel in files if (config.content_path / rel).exists()]
    if existing:
        print(f"文件已存在：{'、'.join(existing)}。没有新建任何文件，请换一个文件名。", file=sys.stderr)
        return EXIT_PROBLEMS
    for rel, text in files.items():
        path = config.content_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"已新建 {config.content_dir}/{rel}")
    print("两份文件都是草稿：填好正文、核对字段后删除“草稿: true”一行，再运行 gongkai check。", file=sys.stderr)
    return EXIT_OK


def run_publish(args, config: PortalConfig | None) -> int:
    """gongkai publish: verify the built site, copy it as a release, switch atomically."""
    from .publish.releases import PublishError, Target, Unchanged, publish

    source = Path(args.source) if args.source else config.root / config.site_dir
    try:
        name = publish(source, Target(Path(args.to)), keep=args.keep,
                       allow_removal=set(args.allow_removal), wait=args.wait)
    except Unchanged as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_OK
    except PublishError as exc:
        print(f"{exc}\n没有发布，正在服务的网站保持不变。", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已发布版本 {name}：{Path(args.to) / 'current'} 现指向它。", file=sys.stderr)
    return EXIT_OK


def run_package(args, config: PortalConfig) -> int:
    """gongkai package: the built site and its manifest in one archive, for another machine."""
    from .publish.archive import package
    from .publish.releases import PublishError

    now = dt.datetime.now(dt.timezone.utc)
    commit = _git_commit(config.root)
    archive = Path(args.output or f"gongkai-{now:%Y%m%dT%H%M%SZ}-{(commit or 'nogit')[:10]}.tar")
    try:
        manifest = package(config.root / config.site_dir, archive, commit=commit, as_of=config.as_of, now=now)
    except PublishError as exc:
        print(f"{exc}\n没有生成发布包。", file=sys.stderr)
        return EXIT_PROBLEMS
    except OSError as exc:
        print(f"{exc.filename or archive}: package-io 无法写入发布包：{exc.strerror}。", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已生成发布包 {archive}：{len(manifest['files'])} 个文件，提交 {commit or '（不在 git 仓库中）'}。"
          f"在服务器上运行“gongkai publish --from {archive.name} --to 发布目录”。", file=sys.stderr)
    return EXIT_OK


def _git_commit(root: Path) -> str | None:
    """The commit the site was built from, marked when the work tree had uncommitted changes."""
    import subprocess

    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "content", "data", "mkdocs.yml"],
                               cwd=root, capture_output=True, text=True)
    except OSError:
        return None
    if head.returncode != 0:
        return None
    return head.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def run_rollback(args, config: PortalConfig) -> int:
    """gongkai rollback: serve the previous (or a named) release again."""
    from .publish.releases import PublishError, Target, rollback

    try:
        name = rollback(Target(Path(args.to)), args.release, wait=args.wait)
    except PublishError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已回退：现在服务的是版本 {name}。", file=sys.stderr)
    return EXIT_OK


def run_releases(args, config: PortalConfig) -> int:
    """gongkai releases: list releases, marking the one being served."""
    from .publish.releases import Target

    target = Target(Path(args.to))
    current = target.current()
    for name in target.names():
        print(f"{'*' if current and current.name == name else ' '} {name}")
    return EXIT_OK


def run_report(args, config: PortalConfig) -> int:
    """gongkai report expiring: normative documents whose 有效期 ends within N days."""
    from .derive.expiring import expiring_within
    from .pages.expiring_report import expiring_csv, expiring_table

    if args.within < 0:
        print("用法错误：--within 应为不小于 0 的天数。", file=sys.stderr)
        return EXIT_USAGE
    items = expiring_within(read_corpus(config), config.as_of, args.within)
    print(expiring_table(items, config.as_of, args.within), end="")
    if args.csv:
        Path(args.csv).write_bytes(expiring_csv(items))
        print(f"已另存为 {args.csv}", file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "check": run_check, "build": run_build, "serve": run_serve, "schema": run_schema,
    "import": run_import, "new": run_new, "publish": run_publish, "package": run_package, "rollback": run_rollback, "releases": run_releases,
    "report": run_report, "hooks": run_hooks,
}

if __name__ == "__main__":
    sys.exit(main())
