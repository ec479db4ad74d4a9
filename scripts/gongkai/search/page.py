"""The search page /sousuo/: a plain GET form that works without script, and the places the
script fills in, each with its room reserved so nothing on screen moves when results arrive."""

from __future__ import annotations

from ..pages.listing import front_matter

SEARCH_PAGE_BODY = """\
<link rel="stylesheet" href="../assets/search/search.css">
<h1>搜索</h1>

<form id="gk-search-form" class="gk-search-form gk-search-form--page" role="search" action="./" method="get">
<label for="gk-search-q">搜索政策文件、解读、收费项目和公开目录</label>
<input id="gk-search-q" name="q" type="search" autocomplete="off" placeholder="输入词语或文号，如：通政办字〔2017〕157号">
<button type="submit">搜索</button>
</form>

<p class="gk-search__help">查找包含所输入文字的全部内容；多个词语用空格分开。输入文号或索引号可直接找到该文件，括号写法不限。</p>

<noscript><p class="gk-search__noscript">搜索需要浏览器启用 JavaScript。也可以到<a href="../zhengce/">政策文件库</a>按年份、发文机关、主题分类或有效性查找政策文件，或查看<a href="../jiedu/">政策解读</a>、<a href="../qingdan/shoufei/">收费目录清单</a>和<a href="../qingdan/mulu/">主动公开目录清单</a>。</p></noscript>

<div id="gk-search" class="gk-search" data-index="idx/" data-site-root="../" hidden>
<p id="gk-search-status" class="gk-search__status" role="status" aria-live="polite" aria-atomic="true"></p>
<p class="gk-search__jump"><a href="#gk-search-filters">跳到筛选和排序</a></p>
<div class="gk-search__layout">
<section id="gk-search-results" class="gk-search__results" aria-label="搜索结果"></section>
<section id="gk-search-filters" class="gk-search__filters" aria-labelledby="gk-filters-title" hidden></section>
</div>
</div>

<script src="../assets/search/search.js" defer></script>
"""


def search_page() -> str:
    """Markdown of the search page at sousuo/."""
    return front_matter("搜索") + SEARCH_PAGE_BODY
