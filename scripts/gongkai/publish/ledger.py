"""Every address ever published to a target, kept beside its releases: none may silently vanish."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .disk import fsync_folder
from .errors import PublishError
from .manifest import page_url

LEDGER = "ledger.json"
# Written by the build into the site: old address → new address, from data/redirects.yml.
REDIRECTS = ".gongkai-redirects.json"
# The search index's internals (gongkai.search.layout.INDEX_DIR): only the search page of the
# same release reads them, nobody links to them, and every content change renames them.
UNLISTED = ("sousuo/idx/",)


def addresses(manifest: dict) -> set[str]:
    """The addresses readers can reach in a release: pages, attachments, data, feeds, assets."""
    return {page_url(rel) if rel.endswith(".html") else "/" + rel
            for rel in manifest["files"]
            if not rel.startswith(UNLISTED) and not any(part.startswith(".") for part in rel.split("/"))}


@dataclass
class Ledger:
    """Addresses with the release that first published them; withdrawn ones; what happened when."""

    path: Path
    published: dict[str, str] = field(default_factory=dict)
    withdrawn: dict[str, str] = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, root: Path, releases: dict[str, dict]) -> Ledger:
        """The ledger of ``root``, completed with the addresses of the releases still kept."""
        path = root / LEDGER
        ledger = cls(path)
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                ledger.published, ledger.withdrawn = dict(data["published"]), dict(data["withdrawn"])
                ledger.history = list(data["history"])
            except (ValueError, KeyError, TypeError):
                raise PublishError(
                    f"{path}: ledger-unreadable 已发布网址的台账无法读取（被手工改动或损坏）。"
                    "请从备份恢复该文件后重试；台账不可删除，否则无法保证已发布的网址不会消失。") from None
        # Releases published before the ledger existed, or a run killed before it saved: their
        # addresses count as published too, so nothing served escapes the check.
        for name, manifest in sorted(releases.items()):
            for address in addresses(manifest):
                ledger.published.setdefault(address, name)
        return ledger

    def lost(self, candidate: set[str], redirects: dict[str, str], allowed: set[str]) -> list[str]:
        """Published addresses the candidate would drop without a redirect or a permitted removal."""
        return sorted(set(self.published) - candidate - set(redirects) - set(self.withdrawn) - set(allowed))

    def record_publish(self, name: str, candidate: set[str], allowed: set[str], now: dt.datetime) -> None:
        for address in sorted(candidate):
            self.published.setdefault(address, name)
            self.withdrawn.pop(address, None)
        for address in sorted(allowed & (set(self.published) - candidate)):
            self.withdrawn[address] = name
        self.history.append({"action": "publish", "release": name, "at": _stamp(now),
                             **({"withdrawn": sorted(allowed)} if allowed else {})})

    def record_rollback(self, name: str, now: dt.datetime) -> None:
        self.history.append({"action": "rollback", "release": name, "at": _stamp(now)})

    def save(self) -> None:
        """Write the ledger whole or not at all: a new file flushed, then renamed over the old."""
        data = {"published": dict(sorted(self.published.items())),
                "withdrawn": dict(sorted(self.withdrawn.items())), "history": self.history}
        temporary = self.path.with_name(f".{LEDGER}.{os.getpid()}")
        with temporary.open("w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, self.path)
        fsync_folder(self.path.parent)


def lost_message(lost: list[str]) -> str:
    return ("新版本会让以下已发布的网址消失：\n" + "\n".join(f"  {url}" for url in lost)
            + "\n已发布的网址必须一直可以访问（废止、失效的文件也保留原页面并标注）。"
            "网址改了的，请在 data/redirects.yml 中写明“旧网址: 新网址”后重新生成；"
            "确需撤下的，请用 --allow-removal 网址 逐个写明。")


def redirect_problems(redirects: dict[str, str], candidate: set[str]) -> list[str]:
    """Redirects that lead nowhere in the candidate release."""
    return [f"{REDIRECTS}: redirect-target 重定向 {old} → {new} 的新网址不在新版本中。"
            "请改正 data/redirects.yml 后重新运行“gongkai build”。"
            for old, new in sorted(redirects.items()) if new not in candidate]


def _stamp(now: dt.datetime) -> str:
    return now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
