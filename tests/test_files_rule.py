"""Only the repository's files: links are refused, stray files stay out, addresses are unique."""

import os

import pytest

from tests.conftest import SEED_POLICY, paired_site_files, run_gongkai

LINK_ADVICE = ("网站只发布仓库中的文件，不跟随符号链接，以免把服务器上的其他文件公开。"
               "请删除这个链接，把要发布的文件本身放进来。")


def test_a_link_to_a_system_file_is_an_error_naming_it_and_nothing_is_built(make_site, tmp_path):
    site = make_site(paired_site_files())
    (site / "site").mkdir()
    (site / "site/old.html").write_text("旧网站", encoding="utf-8")
    os.symlink("/etc/passwd", site / "content/policies/2017/mima.txt")
    code, out, err = run_gongkai(site, "build")
    assert code == 1
    assert out.splitlines() == [
        f"content/policies/2017/mima.txt:1: symlink “content/policies/2017/mima.txt”是一个符号链接"
        f"（指向 /etc/passwd），不是真实的文件。{LINK_ADVICE}",
        "错误：共发现 1 个错误、0 个警告。请按上面每一行的提示修改后重新检查。网站没有生成，原有的 site/ 保持不变。",
    ]
    assert [p.name for p in (site / "site").iterdir()] == ["old.html"]


def test_a_linked_folder_is_refused_and_its_documents_are_not_read(make_site, tmp_path):
    outside = tmp_path / "outside"
    (outside / "2017").mkdir(parents=True)
    (outside / "2017/x.md").write_text(SEED_POLICY, encoding="utf-8")
    site = make_site(paired_site_files())
    os.symlink(outside, site / "content/policies/wailai")
    (site / "data").mkdir()
    os.symlink(outside, site / "data/wailai")
    code, out, _ = run_gongkai(site, "check")
    assert code == 1
    assert out.splitlines() == [
        f"content/policies/wailai:1: symlink “content/policies/wailai”是一个符号链接（指向 {outside}），"
        f"不是真实的文件夹。{LINK_ADVICE}",
        f"data/wailai:1: symlink “data/wailai”是一个符号链接（指向 {outside}），不是真实的文件夹。{LINK_ADVICE}",
    ]


def test_an_undeclared_file_is_a_warning_and_is_not_published(make_site):
    files = paired_site_files()
    files["content/policies/2017/neibu.docx"] = b"PK\x03\x04"
    files["content/policies/2017/tu.png"] = b"\x89PNG\r\n"
    site = make_site(files)
    code, out, _ = run_gongkai(site, "build")
    assert code == 0
    assert out.splitlines() == [
        "content/policies/2017/neibu.docx:1: undeclared-file 警告：文件“content/policies/2017/neibu.docx”"
        "没有列在任何文件的“附件”中，不会发布。如需发布，请在相应文件的前置信息“附件”下列出它；不需要的话请删除它。",
    ]
    assert not (site / "site/policies/2017/neibu.docx").exists()
    assert (site / "site/policies/2017/tu.png").exists()


COLLISIONS = {
    "a page at a generated address": (
        {"content/zhengce/index.md": "# 我的文件库\n"},
        "content/zhengce/index.md:1: page-collision 文件“content/zhengce/index.md”的网址 /zhengce/ "
        "属于网站自动生成的“政策文件库”栏目，两者会互相覆盖。请把这个文件移到其他文件夹或改名。",
    ),
    "two files with one address": (
        {"content/xxgk/guize.md": "# 甲\n", "content/xxgk/guize/index.md": "# 乙\n"},
        "content/xxgk/guize/index.md:1: page-collision 文件“content/xxgk/guize/index.md”与"
        "“content/xxgk/guize.md”都会生成网址 /xxgk/guize/，其中一个会覆盖另一个。请改名其中一个。",
    ),
    "a file name a browser would cut": (
        {"content/xxgk/a#b.md": "# 甲\n"},
        "content/xxgk/a#b.md:1: bad-file-name 文件名“a#b.md”含有“#”，浏览器会把网址在那里截断或改读，"
        "链接会打不开。文件名请只用英文小写字母、数字和连字符。",
    ),
    "spaces and percent signs": (
        {"content/xxgk/c d%.md": "# 乙\n"},
        "content/xxgk/c d%.md:1: bad-file-name 文件名“c d%.md”含有空格、“%”，浏览器会把网址在那里截断或改读，"
        "链接会打不开。文件名请只用英文小写字母、数字和连字符。",
    ),
}


@pytest.mark.parametrize("case", COLLISIONS)
def test_addresses_are_unique_and_reachable(make_site, case):
    files, message = COLLISIONS[case]
    code, out, _ = run_gongkai(make_site(paired_site_files() | files), "check")
    assert (code, out.splitlines()) == (1, [message])


ATTACHMENT_TYPES = ("7z、csv、doc、docx、dps、et、gif、jpeg、jpg、odp、ods、odt、ofd、pdf、png、ppt、pptx、"
                    "rar、rtf、txt、webp、wps、xls、xlsx、zip")


@pytest.mark.parametrize("name, kind", [
    ("yemian.html", " .html "), ("tu.svg", " .svg "), ("jiaoben.js", " .js "), ("anzhuang.exe", " .exe "),
    ("qita.md", " .md "), ("README", "没有扩展名的"),
])
def test_a_declared_attachment_of_a_type_that_runs_is_an_error(make_site, name, kind):
    files = paired_site_files()
    files["content/policies/2017/seed.md"] = SEED_POLICY.replace(
        "---\n## 正文", f"附件:\n  - 名称: 附件一\n    文件: {name}\n---\n## 正文")
    files[f"content/policies/2017/{name}"] = "<script>alert(1)</script>\n"
    code, out, _ = run_gongkai(make_site(files), "check")
    assert code == 1
    assert f"content/policies/2017/seed.md:12: attachment-type 附件“附件一”的文件“{name}”是{kind}文件，" \
           "门户不发布这种类型：网页、脚本和程序会在读者的浏览器或电脑上运行。" \
           f"请转换为 PDF 等格式后再列出。可发布的类型：{ATTACHMENT_TYPES}。" in out.splitlines()


@pytest.mark.parametrize("path, owner", [
    ("content/zhengce/tu.png", "政策文件库"),
    ("content/sousuo/idx/tu.png", "搜索"),
    ("content/assets/gongkai/tu.png", "网站的样式、脚本和图标"),
])
def test_a_published_file_in_a_generated_folder_is_a_collision(make_site, path, owner):
    files = paired_site_files()
    files[path] = b"\x89PNG\r\n"
    code, out, _ = run_gongkai(make_site(files), "check")
    address = path.removeprefix("content/")
    assert (code, out.splitlines()) == (1, [
        f"{path}:1: page-collision 文件“{path}”会发布到 /{address}，那里是网站自动生成的“{owner}”，"
        "两者会互相覆盖。请把这个文件移到其他文件夹或改名。"])


def test_an_image_beside_the_portal_s_own_assets_is_published(make_site):
    files = paired_site_files()
    files["content/assets/biaozhi.png"] = b"\x89PNG\r\n"
    site = make_site(files)
    assert run_gongkai(site, "build")[0] == 0
    assert (site / "site/assets/biaozhi.png").exists()
