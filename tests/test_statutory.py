"""法定主动公开内容: every item of Articles 20 and 21 filled from content, and the empty-item rule."""


from tests.conftest import ROOT, paired_site_files, run_gongkai
from tests.e2e.harness import copy_sample_portal

ORGANISATION = """\
机关名称: 通辽市人民政府办公厅
机关职能: 负责市政府会议的准备和组织工作。
内设机构:
  - 名称: 秘书科
    职责: 公文处理。
负责人:
  - 姓名: 王某
    职务: 秘书长
办公地址: 通辽市示例大街1号
邮政编码: "028000"
办公时间: 工作日 8:30—17:30
联系电话: 0475-0000000
依申请公开受理机构: 政务公开办公室
"""

ITEM_2 = ("data/organisation.yml:1: statutory-empty 警告：法定主动公开内容第二十条第（二）项"
          "“机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名”没有内容。请在 data/organisation.yml 中"
          "填写机关名称、机关职能、内设机构、负责人、办公地址、办公时间、联系电话和邮政编码。")
ITEM_4 = ("content/policies/:1: statutory-empty 警告：法定主动公开内容第二十条第（四）项“国民经济和社会发展统计信息”"
          "没有内容。请发布标题或“主题词”含“统计公报”“统计信息”“统计数据”的政策文件。")


def lines(text):
    return text.strip().splitlines()


def test_the_sample_portal_fills_every_item(tmp_path):
    code, out, _ = run_gongkai(copy_sample_portal(tmp_path / "portal"), "check")
    assert code == 0 and "statutory-empty" not in out


def test_emptying_an_item_of_the_sample_names_it(tmp_path):
    portal = copy_sample_portal(tmp_path / "portal")
    (portal / "content/policies/2026/tongtongji-2026-1.md").unlink()
    code, out, _ = run_gongkai(portal, "check")
    assert code == 0
    assert [line for line in lines(out) if "statutory-empty" in line] == [ITEM_4]


def test_a_bare_portal_is_told_each_empty_item(make_site):
    code, out, _ = run_gongkai(make_site(paired_site_files(), plugin={"statutory_rule": "warning"}), "check")
    assert code == 0
    empty = [line for line in lines(out) if "statutory-empty" in line]
    assert ITEM_2 in empty and ITEM_4 in empty
    # A city portal also answers Article 21; only item 1 is filled, by the policy library.
    assert len(empty) == 15 + 7 - 1
    assert any("第二十一条第（七）项“社会救助”" in line for line in empty)


def test_a_department_portal_is_not_asked_for_article_21(make_site):
    _, out, _ = run_gongkai(make_site(paired_site_files(), plugin={"level": "department", "statutory_rule": "warning"}),
                            "check")
    assert "第二十条第（二）项" in out and "第二十一条" not in out


def test_release_configuration_makes_an_empty_item_an_error(make_site):
    code, out, _ = run_gongkai(make_site(paired_site_files(), plugin={"statutory_rule": "error"}), "check")
    assert code == 1
    assert ITEM_2.replace("警告：", "") in lines(out)


def test_organisation_data_fills_item_2_and_its_pages(make_site):
    site = make_site(paired_site_files() | {"data/organisation.yml": ORGANISATION},
                     plugin={"statutory_rule": "warning"})
    code, out, _ = run_gongkai(site, "build")
    assert code == 0 and ITEM_2 not in out
    page = (site / "site/xxgk/fading/jigou/index.html").read_text(encoding="utf-8")
    assert "<h2>内设机构</h2>" in page and '<th scope="row">秘书科</th><td>公文处理。</td>' in page
    assert "<dt>邮政编码</dt><dd>028000</dd>" in page
    fading = (site / "site/xxgk/fading/index.html").read_text(encoding="utf-8")
    assert '<a href="jigou/">机关职能、机构设置和联系方式</a>' in fading
    contact = (site / "site/lianxi/index.html").read_text(encoding="utf-8")
    assert "<dt>联系电话</dt><dd>0475-0000000</dd>" in contact


def test_organisation_data_problems_name_line_and_field(make_site):
    bad = ORGANISATION.replace("机关职能: 负责市政府会议的准备和组织工作。\n", "").replace(
        "负责人:\n  - 姓名: 王某\n", "负责人:\n  - 名字: 王某\n")
    code, out, _ = run_gongkai(make_site(paired_site_files() | {"data/organisation.yml": bad}), "check")
    assert code == 1
    assert ("data/organisation.yml:1: missing-field 缺少必填字段“机关职能”。请在这个文件中加上一行“机关职能: ……”。"
            "（主要职责，可分段书写）") in lines(out)
    assert "data/organisation.yml:6: unknown-field 负责人没有字段“名字”。是否想写“姓名”？如果不需要，请删除这一行。" in lines(out)
    assert "data/organisation.yml:6: missing-field 缺少必填字段“姓名”。请在“负责人”的这一项中加上一行“姓名: ……”。" in lines(out)


def test_sample_organisation_is_marked_as_sample():
    text = (ROOT / "data/organisation.yml").read_text(encoding="utf-8")
    assert "示例: true" in text
