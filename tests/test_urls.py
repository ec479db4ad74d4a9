"""Links between the portal's pages: the same as posixpath.relpath gives, under any base path."""

import posixpath
import random

from gongkai.pages.urls import relative

SEGMENTS = ["zhengce", "policies", "2017", "seed", "nianfen", "2", "index.html", "jiedu", "a.pdf"]


def url(rng: random.Random) -> str:
    parts = [rng.choice(SEGMENTS) for _ in range(rng.randint(0, 4))]
    text = "/".join(parts)
    return text + "/" if parts and rng.random() < 0.7 else text


def test_relative_links_match_relpath_for_thousands_of_address_pairs():
    rng = random.Random(5)
    for _ in range(5000):
        here, there = url(rng), url(rng)
        expected = posixpath.relpath(there or ".", here or ".")
        expected = "./" if expected == "." else expected + ("/" if there.endswith("/") or there == "" else "")
        assert relative(here, there) == expected, (here, there)


def test_relative_links_of_the_usual_kinds():
    assert relative("policies/2017/seed/", "zhengce/") == "../../../zhengce/"
    assert relative("zhengce/", "zhengce/") == "./"
    assert relative("", "zhengce/nianfen/2017/") == "zhengce/nianfen/2017/"
    assert relative("zhengce/nianfen/2017/", "") == "../../../"
    assert relative("qingdan/shoufei/", "qingdan/shoufei/shoufei.xlsx") == "shoufei.xlsx"
