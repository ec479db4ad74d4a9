"""依申请公开: the guide from the organisation data, the form as a page and as a Word file."""

import io
import re
import zipfile

import pytest

from tests.conftest import paired_site_files, run_gongkai
from tests.test_statutory import ORGANISATION


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from tests.conftest import write_site

    root = write_site(tmp_path_factory.mktemp("requests") / "portal",
                      paired_site_files() | {"data/organisation.yml": ORGANISATION})
    code, out, _ = run_gongkai(root, "build")
    assert code == 0, out
    return root / "site"


def text_of(html):
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def test_guide_names_the_office_and_its_contacts_from_the_organisation_data(site):
    page = (site / "xxgk/yishenqing/index.html").read_text(encoding="utf-8")
    assert "<dt>受理机构</dt><dd>政务公开办公室</dd>" in page
    assert "<dt>受理地址</dt><dd>通辽市示例大街1号</dd>" in page
    assert "<dt>邮政编码</dt><dd>028000</dd>" in page and "<dt>联系电话</dt><dd>0475-0000000</dd>" in page


def test_guide_states_time_limits_fees_and_remedies(site):
    text = text_of((site / "xxgk/yishenqing/index.html").read_text(encoding="utf-8"))
    assert "自收到申请之日起20个工作日内予以答复" in text and "延长的期限最长不超过20个工作日" in text
    assert "国办函〔2020〕109号" in text
    assert "10件以下（含10件）不收费" in text and "31—100页（含100页）的部分10元/页" in text
    assert "依法申请行政复议或者提起行政诉讼" in text


def test_guide_links_the_form_page_and_the_word_file(site):
    page = (site / "xxgk/yishenqing/index.html").read_text(encoding="utf-8")
    assert '<a href="shenqingbiao/">政府信息公开申请表</a>' in page
    assert '<a href="zhengfu-xinxi-gongkai-shenqingbiao.docx" download="">下载申请表（Word 文档）</a>' in page


def test_form_page_has_a_blank_cell_for_every_particular(site):
    page = (site / "xxgk/yishenqing/shenqingbiao/index.html").read_text(encoding="utf-8")
    for field in ("姓名", "证件号码", "统一社会信用代码", "联系电话", "邮政编码",
                  "所需政府信息的名称、文号或者便于查询的其他特征性描述", "申请人签名或者盖章"):
        assert f">{field}</th>" in page, field
    assert "受理机构：政务公开办公室" in page


def test_word_file_holds_the_same_form(site):
    data = (site / "xxgk/yishenqing/zhengfu-xinxi-gongkai-shenqingbiao.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    for field in ("政府信息公开申请表", "统一社会信用代码", "申请人签名或者盖章", "政务公开办公室"):
        assert field in xml
    # A4 in twentieths of a point: 210 mm × 297 mm.
    assert re.search(r'<w:pgSz w:w="1190[0-9]" w:h="168[0-9]{2}"', xml)


def test_without_organisation_data_there_is_no_guide_to_link(make_site):
    root = make_site(paired_site_files())
    assert run_gongkai(root, "build")[0] == 0
    assert not (root / "site/xxgk/yishenqing").exists()


@pytest.mark.parametrize("key", ["电子邮箱", "受理电子邮箱"])
def test_an_email_that_is_not_an_address_is_refused_with_its_line(tmp_path, key):
    from tests.conftest import write_site

    organisation = ORGANISATION + f"{key}: 请拨打 0475-0000000\n"
    root = write_site(tmp_path / "portal", paired_site_files() | {"data/organisation.yml": organisation})
    line = organisation.splitlines().index(f"{key}: 请拨打 0475-0000000") + 1
    code, out, _ = run_gongkai(root, "check")
    assert code == 1, out
    assert (f"data/organisation.yml:{line}: bad-email “{key}”的值“请拨打 0475-0000000”不是电子邮箱地址。"
            "页面会把它做成发邮件的链接，请写成 zwgk@example.gov.cn 这样的地址（不含空格和其他文字），或删去这一行。") in out


def test_an_email_address_becomes_a_mail_link(tmp_path):
    from tests.conftest import write_site

    root = write_site(tmp_path / "portal", paired_site_files()
                      | {"data/organisation.yml": ORGANISATION + "电子邮箱: zwgk@example.gov.cn\n"})
    code, out, _ = run_gongkai(root, "build")
    assert code == 0, out
    assert 'href="mailto:zwgk@example.gov.cn"' in (root / "site/xxgk/yishenqing/index.html").read_text(encoding="utf-8")
