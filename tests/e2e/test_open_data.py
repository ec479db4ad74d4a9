"""The sample portal's open data: every published JSON file valid against its published schema,
every data file listed in the open-data index, and the schemas linked from the download pages."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from .test_page_meta import document_pages

SITE_URL = "https://www.example.gov.cn/"
# The search index's own files are the search page's, not open data.
NOT_OPEN_DATA = ("sousuo/",)


def load(site: Path, address: str):
    """The JSON file the site publishes at ``address``."""
    return json.loads((site / address.removeprefix(SITE_URL)).read_bytes())


def errors(schema: dict, data) -> list[str]:
    """Every way ``data`` breaks ``schema``, one line each (dates are checked as dates)."""
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_every_published_json_file_is_valid_against_its_schema(sample_site):
    index = load(sample_site, "kaifang/index.json")
    assert errors(load(sample_site, "kaifang/schema/index.schema.json"), index) == []
    checked = 0
    for entry in index["文件"]:
        assert (sample_site / entry["网址"].removeprefix(SITE_URL)).is_file(), entry
        if entry["格式"] == "JSON":
            schema = load(sample_site, entry["Schema"])
            assert schema["$id"] == entry["Schema"]
            assert errors(schema, load(sample_site, entry["网址"])) == [], entry["网址"]
            checked += 1
    assert checked == 2 + len(document_pages(sample_site)) >= 27


def test_every_data_file_of_the_site_is_in_the_index(sample_site):
    index = load(sample_site, "kaifang/index.json")
    listed = {entry["网址"].removeprefix(SITE_URL) for entry in index["文件"]}
    # Dot-files (the release's manifests) are never served, so they are no open data.
    published = {str(p.relative_to(sample_site)) for ext in ("json", "csv", "xlsx")
                 for p in sample_site.rglob(f"*.{ext}") if not p.name.startswith(".")}
    data = {p for p in published if not p.startswith(NOT_OPEN_DATA) and not p.startswith("kaifang/")}
    # Attachments are the documents' own files; their metadata lists them.
    attachments = {a["网址"].removeprefix(SITE_URL) for page in document_pages(sample_site)
                   for a in json.loads((page.parent / "yuanshuju.json").read_bytes())["附件"]}
    assert data - attachments == listed - {e for e in listed if e.endswith(".xml")}
    assert index["文件数"] == len(index["文件"])


def test_sample_lists_are_marked_and_their_schemas_linked(sample_site):
    for stem in ("qingdan/shoufei/shoufei", "qingdan/mulu/mulu"):
        assert json.loads((sample_site / f"{stem}.json").read_bytes())["示例"] is True
        assert (sample_site / f"{stem}.csv").read_bytes().startswith("\ufeff示例,".encode())
    html = (sample_site / "qingdan/shoufei/index.html").read_text(encoding="utf-8")
    assert '<a href="../../kaifang/schema/shoufei.schema.json" type="application/schema+json">' in html
    assert ('本站全部数据文件见<a href="../../kaifang/">开放数据</a>'
            '（机器可读的目录：<a href="../../kaifang/index.json" type="application/json">index.json</a>）。') in html


def test_every_document_page_links_its_metadata_and_schema(sample_site):
    for page in document_pages(sample_site):
        html = page.read_text(encoding="utf-8")
        assert '<a href="yuanshuju.json" type="application/json" download>JSON</a>' in html, page
        assert ('<a href="../../../kaifang/schema/yuanshuju.schema.json" type="application/schema+json">'
                in html), page
        data = json.loads((page.parent / "yuanshuju.json").read_bytes())
        assert data["网址"] == SITE_URL + str(page.parent.relative_to(sample_site)) + "/"


def test_the_open_data_page_links_every_list_file_feed_and_the_index(sample_site):
    html = (sample_site / "kaifang/index.html").read_text(encoding="utf-8")
    index = load(sample_site, "kaifang/index.json")
    for entry in index["文件"]:
        path = entry["网址"].removeprefix(SITE_URL)
        if entry.get("Schema", "").endswith("yuanshuju.schema.json"):
            assert path not in html
        else:
            assert f'<a href="../{path}">{entry["格式"]}</a>' in html, path
    assert '<a href="index.json" type="application/json">index.json</a>' in html
    assert f"（共 {len(document_pages(sample_site))} 份）的信息公开元数据" in html
    assert '<a href="../kaifang/">开放数据</a>' in (sample_site / "wangzhanditu/index.html").read_text(encoding="utf-8")
