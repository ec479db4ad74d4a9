"""Over 200 hostile inputs: each is refused by check with a path:line line, or published inert."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import run_gongkai
from tests.dom_safety import unsafe_constructs, unsafe_pages
from tests.hostile_corpus import BODIES, STRUCTURED, VALUES, hostile_files, settle


@pytest.fixture(scope="module")
def settled(tmp_path_factory):
    result = settle(tmp_path_factory.mktemp("hostile") / "portal")
    code, out, err = run_gongkai(result.root, "build")
    assert code == 0, out + err
    return result


def test_the_corpus_covers_fields_lists_and_bodies():
    _, inputs = hostile_files()
    assert len(inputs) >= 80
    assert len(VALUES) >= 20 and len(BODIES) >= 50 and len(STRUCTURED) >= 18
    kinds = {hostile.name.split(" ")[0] for hostile in inputs}
    assert kinds == {"政策文件各字段", "政策解读各字段", "页面", "字段", "正文", "政策文件正文",
                     "收费目录清单条目", "主动公开目录清单条目", "机构信息"}


def test_every_problem_of_check_names_a_hostile_input(settled):
    assert settled.stray == []
    assert all(line.startswith(f"{hostile.path}:") for hostile, lines in settled.refused.items() for line in lines)


def test_every_structured_field_is_refused(settled):
    refused = {hostile.name for hostile in settled.refused}
    assert {f"字段 {key}" for key in STRUCTURED} <= refused


def test_what_check_let_through_builds_and_nothing_on_any_page_can_run_or_load(settled):
    assert len(settled.published) >= 40
    site = settled.root / "site"
    for hostile in settled.published:
        assert (site / hostile.page / "index.html").is_file(), hostile
    assert unsafe_pages(site) == {}


def test_escaped_front_matter_is_shown_as_text(settled):
    script = (settled.root / "site/policies/2017/h01e/index.html").read_text(encoding="utf-8")
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in script
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; - 测试门户</title>" in script
    page = (settled.root / "site/policies/2017/h06e/index.html").read_text(encoding="utf-8")
    assert "<h1>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;</h1>" in page
    guide = (settled.root / "site/xxgk/t10/index.html").read_text(encoding="utf-8")
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;点击&lt;/a&gt;" in guide or \
           "&lt;a href=&quot;javascript:alert(1)&quot;&gt;点击&lt;/a&gt;" in guide
    assert unsafe_constructs(script) == unsafe_constructs(page) == unsafe_constructs(guide) == []


def test_feeds_sitemaps_and_data_files_stay_well_formed(settled):
    site = settled.root / "site"
    for xml in site.rglob("*.xml"):
        ET.parse(xml)
    for data in site.rglob("*.json"):
        json.loads(data.read_text(encoding="utf-8"))
    for table in site.rglob("*.csv"):
        rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"), newline="")))
        assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "@")], table


def test_organisation_values_are_text_in_the_footer_and_its_pages(settled):
    published = [hostile for hostile in settled.published if hostile.path == "data/organisation.yml"]
    assert len(published) >= 10
    site = settled.root / "site"
    for address in ("", "xxgk/fading/jigou/", "xxgk/yishenqing/", "lianxi/"):
        page = (site / address / "index.html").read_text(encoding="utf-8")
        assert unsafe_constructs(page) == [], address
    jigou = (site / "xxgk/fading/jigou/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in jigou
    assert 'href="javascript:' not in jigou and 'href="mailto:javascript' not in jigou
    refused = {hostile.name.split(" ")[1] for hostile in settled.refused if hostile.path == "data/organisation.yml"}
    assert {"电子邮箱", "受理电子邮箱"} <= refused


def test_each_organisation_value_reads_on_the_pages_exactly_as_written(settled):
    """Escaped exactly once: the text a browser shows is the value itself, not "&lt;" for "<"."""
    import yaml

    from tests.dom_safety import page_text

    data = yaml.safe_load((settled.root / "data/organisation.yml").read_text(encoding="utf-8"))
    # 公报名称 heads the 政府公报 page, which the hostile portal has no issues to build.
    values = [v for k, v in data.items() if isinstance(v, str) and k not in ("示例", "公报名称")]
    values += [v for item in data["内设机构"] + data["负责人"] for v in item.values()]
    values = [" ".join(v.split()) for v in values if v != "已删除" and "@example.gov.cn" not in v]
    assert len(values) >= 10
    shown = " ".join(" ".join(page_text((settled.root / "site" / address / "index.html")
                                        .read_text(encoding="utf-8")).split())
                     for address in ("", "xxgk/fading/jigou/", "xxgk/yishenqing/", "lianxi/"))
    assert [v for v in values if v not in shown] == []
