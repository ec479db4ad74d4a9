"""Page weight: a document page's first view and its HTML stay small, at any portal size.

Bytes are deterministic for a given build, so these are fair assertions; time is not, and is
measured by the benchmark tests/bench_network.py instead.
"""

from __future__ import annotations

import statistics

import pytest

from tests.generate import generate_portal

from .harness import PHONE, SEED_ID, build_portal, first_view

pytestmark = pytest.mark.browser

FIRST_VIEW_LIMIT = 60_000  # bytes on the wire, compressed, headers included
HTML_LIMIT = 40_000  # bytes of one document page's index.html at 2,000 documents
DOCUMENTS = 2000

DOCUMENT_PAGES = [
    SEED_ID,
    "interpretations/2017/jiedu-tongzhengbanzi-2017-157",
    "policies/2017/tongminfa-2017-45",
]


@pytest.mark.parametrize("doc_id", DOCUMENT_PAGES)
def test_first_view_of_a_document_page_transfers_at_most_60_kb(open_page, base_url, doc_id):
    page = open_page(viewport=PHONE)
    view = first_view(page.context, f"{base_url}{doc_id}/")
    listing = "\n".join(f"  {size:>7,} B  {url}" for url, size in view["resources"])
    print(f"{doc_id}: {view['bytes']:,} bytes in {len(view['resources'])} requests\n{listing}")
    assert view["bytes"] <= FIRST_VIEW_LIMIT, (
        f"{doc_id}/ first view transfers {view['bytes']:,} bytes (limit {FIRST_VIEW_LIMIT:,}):\n"
        + listing)


@pytest.fixture(scope="module")
def large_site(tmp_path_factory):
    """A generated portal of 2,000 documents (1,000 policies, each with its interpretation)."""
    root = generate_portal(tmp_path_factory.mktemp("large-portal"), DOCUMENTS)
    return build_portal(root)


def test_document_page_html_is_under_40_kb_at_2000_documents(large_site):
    pages = sorted((large_site / "policies").glob("*/*/index.html")) + sorted(
        (large_site / "interpretations").glob("*/*/index.html"))
    assert len(pages) == DOCUMENTS, f"{len(pages)} document pages built for {DOCUMENTS} documents"
    sizes = {page.parent.relative_to(large_site).as_posix(): page.stat().st_size for page in pages}
    largest = max(sizes, key=sizes.get)
    print(f"document pages at {DOCUMENTS} documents: median {statistics.median(sizes.values()):,.0f}"
          f" B, largest {sizes[largest]:,} B ({largest}/)")
    assert sizes[largest] < HTML_LIMIT, (
        f"{largest}/index.html is {sizes[largest]:,} bytes at {DOCUMENTS} documents "
        f"(limit {HTML_LIMIT:,})")
