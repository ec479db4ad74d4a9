"""robots.txt and the sitemap: each page's lastmod is its own date, the same in every build."""

from __future__ import annotations

import datetime as dt
import re

from gongkai.derive.status import ChangeKind, Event, StatusRecord
from gongkai.model.documents import Policy, Source
from gongkai.model.status import Status
from gongkai.pages.last_modified import event_day, page_dates, policy_date
from gongkai.pages.robots import robots_txt

from .conftest import SEED_INTERPRETATION, SEED_POLICY, paired_site_files, run_gongkai

AMENDING = """\
---
标题: 关于修改测试方案的决定
文号: 通政发〔2021〕3号
发文机关: 通辽市人民政府
公文种类: 决定
主题分类: 综合政务
成文日期: 2021-03-01
发布日期: 2021-03-05
施行日期: 2021-04-01
修改: 通政办字〔2017〕157号
需要解读: false
免于解读理由: 仅作文字修改。
---
正文。
"""

EXPIRING = AMENDING.replace("关于修改测试方案的决定", "测试试行办法").replace("通政发〔2021〕3号", "通政发〔2021〕4号").replace(
    "修改: 通政办字〔2017〕157号", "有效期至: 2022-12-31")

LATE_INTERPRETATION = SEED_INTERPRETATION.replace("标题: 《", "标题: 再谈《").replace(
    "发布日期: 2017-06-08", "发布日期: 2017-06-20")


def lastmods(site) -> dict[str, str | None]:
    """{page address below the site: its lastmod or None} from the built sitemap.xml."""
    text = (site / "site/sitemap.xml").read_text(encoding="utf-8")
    return {m[0].removeprefix("https://test.example.gov.cn/"): m[2] or None
            for m in re.findall(r"<loc>(.*?)</loc>\s*(<lastmod>(.*?)</lastmod>)?", text)}


def test_robots_txt_points_to_the_sitemap():
    assert robots_txt("https://www.example.gov.cn/") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://www.example.gov.cn/sitemap.xml\n")
    assert robots_txt("") == "User-agent: *\nAllow: /\n"


def test_an_expiry_changes_the_page_the_day_after_its_last_day_in_force():
    assert event_day(Event(dt.date(2021, 12, 31), ChangeKind.EXPIRED)) == dt.date(2022, 1, 1)
    assert event_day(Event(dt.date(2021, 12, 31), ChangeKind.REPEALED, by_id="x")) == dt.date(2021, 12, 31)


def test_a_policy_dates_from_its_latest_event_up_to_the_build_day():
    policy = Policy(id="policies/2019/p", source=Source("p.md"), title="t", issuer="i", doc_type="通知",
                    topics=("综合政务",), written=dt.date(2019, 1, 1), published=dt.date(2019, 1, 2),
                    effective=dt.date(2019, 3, 1))
    record = StatusRecord(Status.AMENDED, dt.date(2020, 5, 1),
                          history=(Event(dt.date(2020, 5, 1), ChangeKind.AMENDED, by_id="x"),))
    as_of = dt.date(2026, 1, 1)
    assert policy_date(policy, None, [], dt.date(2019, 2, 1)) == dt.date(2019, 1, 2)
    assert policy_date(policy, None, [], as_of) == dt.date(2019, 3, 1)
    assert policy_date(policy, record, [], as_of) == dt.date(2020, 5, 1)
    assert policy_date(policy, record, [dt.date(2021, 1, 1), dt.date(2027, 1, 1)], as_of) == dt.date(2021, 1, 1)


def test_each_page_of_a_built_site_carries_its_own_date_the_same_in_two_builds(make_site):
    site = make_site(paired_site_files() | {
        "content/policies/2021/amend.md": AMENDING,
        "content/policies/2021/trial.md": EXPIRING,
        "content/interpretations/2017/seed-jiedu-2.md": LATE_INTERPRETATION,
    })
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    first = {name: (site / "site" / name).read_bytes() for name in ("sitemap.xml", "sitemap.xml.gz")}
    dates = lastmods(site)
    # Published 2017-06-08; a second interpretation on 06-20; amended from 2021-04-01.
    assert dates["policies/2017/seed/"] == "2021-04-01"
    # The interpretation's notice follows its policy's validity.
    assert dates["interpretations/2017/seed-jiedu/"] == "2021-04-01"
    # Published 2021-03-05, not yet in force until 04-01: the notice went that day.
    assert dates["policies/2021/amend/"] == "2021-04-01"
    # In force until 2022-12-31: listed as 已失效, with its badge, from the next day.
    assert dates["policies/2021/trial/"] == "2023-01-01"
    assert dates[""] == dates["zhengce/"] == dates["zhengce/nian/2017/"] == dates["jiedu/"] == "2023-01-01"
    assert dates["zhengce/biangeng/"] == dates["zhengce/biangeng/yishixiao/"] == "2023-01-01"
    assert dates["xxgk/zhinan/"] is None
    assert (site / "site/robots.txt").read_text(encoding="utf-8").endswith(
        "Sitemap: https://test.example.gov.cn/sitemap.xml\n")

    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    assert {name: (site / "site" / name).read_bytes() for name in first} == first


def test_a_policy_with_nothing_after_its_publication_dates_from_it(make_site):
    site = make_site({"content/policies/2017/seed.md": SEED_POLICY,
                      "content/interpretations/2017/seed-jiedu.md": SEED_INTERPRETATION})
    code, out, err = run_gongkai(site, "build")
    assert code == 0, out + err
    assert lastmods(site)["policies/2017/seed/"] == "2017-06-08"


def test_the_home_page_dates_from_the_newest_document_else_a_list_else_the_build_day():
    as_of, reviewed = dt.date(2026, 11, 29), {"qingdan/shoufei/": dt.date(2026, 10, 15)}
    assert page_dates({"policies/p/": dt.date(2020, 1, 2)}, [], reviewed, as_of)[""] == dt.date(2020, 1, 2)
    assert page_dates({}, [], reviewed, as_of)[""] == dt.date(2026, 10, 15)
    assert page_dates({}, [], {"qingdan/shoufei/": None}, as_of) == {"": as_of, "kaifang/": as_of}
