"""The build renders each document from the body the check read, not from a second read of its file."""

from __future__ import annotations

from tests.conftest import SEED_POLICY, paired_site_files, run_gongkai, write_site


def build(tmp_path, policy: str) -> str:
    root = write_site(tmp_path / "portal", paired_site_files() | {"content/policies/2017/seed.md": policy})
    code, out, err = run_gongkai(root, "build")
    assert code == 0, out + err
    return (root / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")


def test_a_first_body_line_like_metadata_is_text_and_the_title_is_the_documents(tmp_path):
    page = build(tmp_path, SEED_POLICY.replace("## 正文\n", "Note: 本通知自发布之日起施行。\nAuthor: 办公厅\n\n## 正文\n"))
    assert "<p>Note: 本通知自发布之日起施行。\nAuthor: 办公厅</p>" in page
    assert "<title>关于印发测试方案的通知 - " in page


def test_the_page_shows_the_body_as_the_file_holds_it_when_read(tmp_path):
    # The file changes on disk after the check read it: the page is built from what was checked.
    from gongkai.mkdocs_plugin import GongkaiPlugin

    original = GongkaiPlugin.on_pre_build

    def then_edit(self, config):
        original(self, config)
        path = self.portal.content_path / "policies/2017/seed.md"
        path.write_text(SEED_POLICY.replace("测试正文。", "<script>alert(1)</script>未经检查的正文。"),
                        encoding="utf-8")

    GongkaiPlugin.on_pre_build = then_edit
    try:
        page = build(tmp_path, SEED_POLICY)
    finally:
        GongkaiPlugin.on_pre_build = original
    assert "测试正文。" in page and "未经检查" not in page
