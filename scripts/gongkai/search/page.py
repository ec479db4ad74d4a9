"""The search page: Pagefind's own UI, loaded from the site itself, nothing from outside."""

from __future__ import annotations

SEARCH_PAGE = """\
---
title: "搜索"
---

<h1>搜索</h1>

<p class="gk-intro">搜索本网站发布的政策文件和政策解读。输入关键词后按回车键，结果按相关程度排列。</p>

<div id="gk-search" class="gk-search"></div>

<noscript><p class="gk-empty">搜索需要浏览器启用 JavaScript。也可以在<a href="../zhengce/">政策文件库</a>按年份、发文机关、主题分类或有效性查找。</p></noscript>

<link rel="stylesheet" href="../pagefind/pagefind-ui.css">
<script src="../pagefind/pagefind-ui.js"></script>
<script src="../assets/gongkai/search.js"></script>
"""


def search_page() -> str:
    """Markdown of the search page at sousuo/."""
    return SEARCH_PAGE
