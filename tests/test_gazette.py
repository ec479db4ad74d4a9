"""政府公报: issues by year and number, linked to the documents they carried and back."""

from tests.conftest import paired_site_files, run_gongkai

ISSUE = """\
出版日期: 2017-06-30
总期号: 186
PDF: gongbao/2017/6.pdf
文件:
  - 通政办字〔2017〕157号
"""


def gazette_site(make_site, issue=ISSUE, name="2017-6.yml"):
    return make_site(paired_site_files() | {f"data/gongbao/{name}": issue,
                                            "content/gongbao/2017/6.pdf": b"%PDF-1.4\n%%EOF\n"})


def test_an_issue_lists_its_documents_and_the_document_names_its_issue(make_site):
    site = gazette_site(make_site)
    code, out, _ = run_gongkai(site, "build")
    assert code == 0, out
    issue = (site / "site/xxgk/gongbao/2017/6/index.html").read_text(encoding="utf-8")
    assert "<h1>政府公报 2017年第6期（总第186期）</h1>" in issue
    assert '<a href="../../../../policies/2017/seed/">关于印发测试方案的通知</a>' in issue
    assert '<a href="../../../../gongbao/2017/6.pdf" download="">下载本期公报（PDF，15 字节）</a>' in issue
    policy = (site / "site/policies/2017/seed/index.html").read_text(encoding="utf-8")
    assert '<dt>刊登于</dt><dd><a href="../../../xxgk/gongbao/2017/6/">《政府公报》2017年第6期</a></dd>' in policy
    index = (site / "site/xxgk/gongbao/index.html").read_text(encoding="utf-8")
    assert '<h2 id="nian-2017">2017年</h2>' in index and '<a href="2017/6/">第6期</a>' in index


def test_an_unknown_document_and_a_missing_pdf_are_errors(make_site):
    bad = ISSUE.replace("通政办字〔2017〕157号", "通政办字〔2017〕999号").replace("6.pdf", "7.pdf")
    code, out, _ = run_gongkai(gazette_site(make_site, bad), "check")
    assert code == 1
    assert ("data/gongbao/2017-6.yml:3: gazette-pdf 找不到本期公报的 PDF 文件“gongbao/2017/7.pdf”（应在 content/ 下）。"
            "请把文件放到这个位置，或改正路径。") in out.splitlines()
    code, out, _ = run_gongkai(gazette_site(make_site, ISSUE.replace("157号", "999号"), "2017-6.yml"), "check")
    assert ("data/gongbao/2017-6.yml:4: gazette-document 本期公报刊登的文件“通政办字〔2017〕999号”在本网站找不到。"
            "请写文件编号（如 policies/2017/tongzhengbanzi-2017-157）或文号，并确认该文件已在 content/policies/ 下。"
            ) in out.splitlines()


def test_a_document_cannot_appear_in_an_issue_before_it_was_published(make_site):
    code, out, _ = run_gongkai(gazette_site(make_site, ISSUE.replace("2017-06-30", "2017-06-01")), "check")
    assert code == 1
    assert ("data/gongbao/2017-6.yml:4: gazette-date 文件“通政办字〔2017〕157号”的发布日期 2017-06-08 晚于本期公报的"
            "出版日期 2017-06-01。请核对出版日期或刊登的期号。") in out.splitlines()


def test_issue_files_are_named_by_year_and_number(make_site):
    code, out, _ = run_gongkai(gazette_site(make_site, name="june.yml"), "check")
    assert code == 1
    assert ("data/gongbao/june.yml:1: gazette-file-name 政府公报文件应以“年份-期号”命名，如“2017-6.yml”；"
            "“june.yml”不是。请改名。") in out.splitlines()
