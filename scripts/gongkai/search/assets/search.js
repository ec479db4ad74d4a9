/* The search page: literal search over the portal's own static index (see gongkai/search/).
 * A query's terms are cut into the same 1-, 2- and 3-character pieces as the index; the units
 * holding all pieces of a term are its candidates, and each shown result's text is checked.
 * The whole state lives in the address (?q=…&有效性=…&排序=…&页=…), so a search can be linked
 * and the back button restores it. No inline script, no other origin: it runs under the CSP. */
(function () {
  "use strict";
  var root = document.getElementById("gk-search");
  if (!root || !window.fetch || !window.URLSearchParams) return;

  var FACETS = ["类型", "发文机关", "年份", "主题分类", "有效性", "公文种类"];
  var PER_PAGE = 10;
  var SHOWN_VALUES = 8;
  var base = root.getAttribute("data-index");
  var siteRoot = root.getAttribute("data-site-root");
  var form = document.getElementById("gk-search-form");
  var input = document.getElementById("gk-search-q");
  var statusLine = document.getElementById("gk-search-status");
  var resultsBox = document.getElementById("gk-search-results");
  var filtersBox = document.getElementById("gk-search-filters");

  /* ---- text, as gongkai/search/normalize.py defines it ---- */
  var BRACKETS = { "[": "〔", "(": "〔", "【": "〔", "〖": "〔", "]": "〕", ")": "〕", "】": "〕", "〗": "〕" };
  var WITH_DI = /(〔\d{4}〕)第(\d+号)/g;
  var DOC_NUMBER = /^(\S*?[^\d\s〔〕])〔(\d{4})〕第?(\d+)号?$/;
  var DECREE_NUMBER = /^(\S*?令)第?(\d+)号?$/;

  function fold(ch) {
    var s = ch.normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) out += BRACKETS[s[i]] || s[i];
    return out;
  }

  function normalize(text) {
    var out = "";
    for (var ch of text) out += fold(ch);
    return out.replace(WITH_DI, "$1$2");
  }

  /* The normalized text with, for each of its UTF-16 units, the index in the original text. */
  function normalizeMapped(text) {
    var chars = [], map = [];
    var i = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var k = 0; k < f.length; k++) { chars.push(f[k]); map.push(i); }
      i += ch.length;
    }
    var joined = chars.join("");
    var drop = {};
    joined.replace(WITH_DI, function (m, year, rest, offset) { drop[offset + year.length] = true; return m; });
    var outChars = [], outMap = [];
    for (var j = 0; j < chars.length; j++) {
      if (!drop[j]) { outChars.push(chars[j]); outMap.push(map[j]); }
    }
    outMap.push(text.length);
    return { text: outChars.join(""), map: outMap };
  }

  function queryTerms(query) {
    var number = docNumberKey(query);
    if (number) return [number];
    var terms = [];
    normalize(query).split(/\s+/).forEach(function (t) {
      if (t && terms.indexOf(t) < 0) terms.push(t);
    });
    return terms;
  }

  function docNumberKey(query) {
    var text = normalize(query).replace(/\s+/g, "");
    var m = DOC_NUMBER.exec(text);
    if (m) return m[1] + "〔" + m[2] + "〕" + parseInt(m[3], 10) + "号";
    m = DECREE_NUMBER.exec(text);
    return m && m[1].length > 1 ? m[1] + "第" + parseInt(m[2], 10) + "号" : null;
  }

  function queryGrams(term) {
    var cps = Array.from(term);
    if (cps.length <= 3) return [term];
    var grams = [];
    for (var i = 0; i + 3 <= cps.length; i++) {
      var g = cps.slice(i, i + 3).join("");
      if (grams.indexOf(g) < 0) grams.push(g);
    }
    return grams;
  }

  /* FNV-1a over code points, then MurmurHash3's finaliser: gongkai/search/grams.py. */
  function hashGram(gram) {
    var h = 2166136261 >>> 0;
    for (var ch of gram) h = Math.imul((h ^ ch.codePointAt(0)) >>> 0, 16777619) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    h = Math.imul(h, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  }

  /* ---- the index files ---- */
  var table = null, firstUnits = null, shardCache = {}, unitCache = {};

  function url(path) { return base + path + "?v=" + (table ? table.build : ""); }

  function loadTable() {
    if (table) return Promise.resolve(table);
    return fetch(base + "index.json", { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error("index " + r.status);
      return r.json();
    }).then(function (t) {
      table = t;
      firstUnits = new Int32Array(t.first.length);
      var total = 0;
      for (var i = 0; i < t.first.length; i++) { total += t.first[i]; firstUnits[i] = total; }
      return t;
    });
  }

  function readVarint(bytes, state) {
    var value = 0, shift = 0, b;
    do {
      b = bytes[state.pos++];
      value += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b >= 0x80);
    return value;
  }

  function loadShard(shard) {
    if (!shardCache[shard]) {
      shardCache[shard] = fetch(url("p/" + shard + ".bin")).then(function (r) {
        if (!r.ok) throw new Error("shard " + r.status);
        return r.arrayBuffer();
      }).then(function (buffer) {
        var bytes = new Uint8Array(buffer), state = { pos: 0 };
        var count = readVarint(bytes, state), slots = [], codes = [], slot = 0, i;
        for (i = 0; i < count; i++) { slot += readVarint(bytes, state); slots.push(slot); }
        for (i = 0; i < count; i++) codes.push(readVarint(bytes, state));
        return { bytes: bytes, slots: slots, codes: codes, lists: state.pos };
      });
    }
    return shardCache[shard];
  }

  /* The sorted units holding a gram (or a gram with the same hash). */
  function unitsOf(gram) {
    var shards = table.shards, bits = Math.round(Math.log2(shards));
    var h = hashGram(gram), shard = h & (shards - 1), slot = h >>> bits;
    return loadShard(shard).then(function (s) {
      var listPos = s.lists, denseIndex = 0, i;
      var denseStart = s.lists;
      for (i = 0; i < s.codes.length; i++) if (s.codes[i] !== 1) denseStart += s.codes[i] / 2;
      for (i = 0; i < s.slots.length; i++) {
        var code = s.codes[i];
        if (s.slots[i] === slot) {
          var out = [];
          if (code === 1) {
            var start = denseStart + denseIndex * table.bitmap;
            for (var k = 0; k < table.bitmap; k++) {
              var byte = s.bytes[start + k];
              for (var b = 0; byte && b < 8; b++) if (byte & (1 << b)) out.push(k * 8 + b);
            }
          } else {
            var state = { pos: listPos }, end = listPos + code / 2, unit = -1;
            while (state.pos < end) { unit += readVarint(s.bytes, state) + 1; out.push(unit); }
          }
          return out;
        }
        if (code === 1) denseIndex++; else listPos += code / 2;
      }
      return [];
    });
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function recordOf(unit) {
    var lo = 0, hi = firstUnits.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firstUnits[mid] <= unit) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* Candidates: per record, whether every term is in its head, how many units hold the first
   * term, and the first body unit that holds it (where the excerpt is taken from). */
  function findRecords(terms) {
    return Promise.all(terms.map(function (term) {
      return Promise.all(queryGrams(term).map(unitsOf)).then(function (lists) {
        var long = Array.from(term).length > table.overlap + 1;
        var found = {};
        if (!long) {
          var units = lists.reduce(intersect);
          units.forEach(function (u) {
            var r = recordOf(u), hit = found[r] || (found[r] = { head: false, units: 0, body: -1 });
            if (u === firstUnits[r]) hit.head = true;
            else { hit.units++; if (hit.body < 0) hit.body = u; }
          });
        } else {
          var per = lists.map(function (l) {
            var set = {}; l.forEach(function (u) { set[recordOf(u)] = true; }); return set;
          });
          Object.keys(per[0]).forEach(function (r) {
            if (per.every(function (s) { return s[r]; })) found[r] = { head: false, units: 1, body: -1 };
          });
        }
        return found;
      });
    })).then(function (perTerm) {
      var hits = [];
      Object.keys(perTerm[0]).forEach(function (key) {
        if (!perTerm.every(function (f) { return f[key]; })) return;
        var r = +key, first = perTerm[0][key];
        hits.push({
          r: r, head: perTerm.every(function (f) { return f[key].head; }),
          units: perTerm.reduce(function (n, f) { return n + f[key].units; }, 0),
          body: first.body >= 0 ? first.body : firstUnits[r] + 1
        });
      });
      return hits;
    });
  }

  function loadUnit(unit) {
    if (!unitCache[unit]) {
      unitCache[unit] = fetch(url("t/" + Math.floor(unit / table.per_folder) + "/" + unit + ".json"))
        .then(function (r) { if (!r.ok) throw new Error("unit " + r.status); return r.json(); });
    }
    return unitCache[unit];
  }

  /* ---- state in the address ---- */
  function readState() {
    var params = new URLSearchParams(location.search);
    var state = { q: params.get("q") || "", filters: {}, sort: params.get("排序") === "日期" ? "日期" : "相关",
                  page: Math.max(1, parseInt(params.get("页"), 10) || 1) };
    FACETS.forEach(function (f) { var v = params.getAll(f); if (v.length) state.filters[f] = v; });
    return state;
  }

  function stateUrl(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    FACETS.forEach(function (f) { (state.filters[f] || []).forEach(function (v) { params.append(f, v); }); });
    if (state.sort === "日期") params.set("排序", "日期");
    if (state.page > 1) params.set("页", String(state.page));
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function go(state) {
    history.pushState(null, "", stateUrl(state));
    run(state);
  }

  /* ---- facets ---- */
  function valuesOf(facet, r) {
    var v = table.values[facet][r];
    return v === -1 ? [] : (typeof v === "number" ? [v] : v);
  }

  function passes(state, r, except) {
    return FACETS.every(function (f) {
      var wanted = state.filters[f];
      if (!wanted || !wanted.length || f === except) return true;
      var names = valuesOf(f, r).map(function (i) { return table.facets[f][i]; });
      return wanted.some(function (w) { return names.indexOf(w) >= 0; });
    });
  }

  function facetCounts(state, hits) {
    var counts = {};
    FACETS.forEach(function (f) {
      var c = {};
      hits.forEach(function (h) {
        if (!passes(state, h.r, f)) return;
        valuesOf(f, h.r).forEach(function (i) { var name = table.facets[f][i]; c[name] = (c[name] || 0) + 1; });
      });
      (state.filters[f] || []).forEach(function (w) { if (!(w in c)) c[w] = 0; });
      counts[f] = c;
    });
    return counts;
  }

  /* ---- ranking: 文号 first, then title hits, then how often; in force before repealed ---- */
  function rank(state, hits, terms) {
    var number = docNumberKey(state.q);
    hits.forEach(function (h) {
      h.tier = h.head ? (number ? 0 : 1) : 2;
      h.status = table.rank[h.r];
    });
    hits.sort(state.sort === "日期" ? function (a, b) { return a.r - b.r; } : function (a, b) {
      return a.tier - b.tier || b.units - a.units || a.status - b.status || a.r - b.r;
    });
    return terms;
  }

  /* ---- rendering (DOM only: no markup is built from text) ---- */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function excerpt(unit, terms) {
    var text = unit.x, m = normalizeMapped(text), at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = m.text.indexOf(terms[i]);
    var start = 0;
    if (at >= 0) {
      var origin = m.map[at];
      start = origin;
      // Back to the start of the sentence, but never far.
      while (start > 0 && origin - start < 100 && "。！？；;\n".indexOf(text[start - 1]) < 0) start--;
    }
    var end = Math.min(text.length, start + 160);
    var ranges = [];
    terms.forEach(function (t) {
      var from = 0, k;
      while ((k = m.text.indexOf(t, from)) >= 0) {
        var a = m.map[k], b = m.map[k + t.length];
        if (a >= start && b <= end) ranges.push([a, b]);
        from = k + 1;
      }
    });
    ranges.sort(function (x, y) { return x[0] - y[0]; });
    var p = el("p", "gk-result__excerpt"), pos = start;
    ranges.forEach(function (rg) {
      if (rg[0] < pos) return;
      p.appendChild(document.createTextNode(text.slice(pos, rg[0]).replace(/\s+/g, " ")));
      p.appendChild(el("mark", null, text.slice(rg[0], rg[1])));
      pos = rg[1];
    });
    p.appendChild(document.createTextNode(text.slice(pos, end).replace(/\s+/g, " ") + (end < text.length ? "……" : "")));
    return p;
  }

  function resultItem(unit, terms) {
    var h = unit.h; // title, url, kind, 文号, 发文机关, 发布日期, 有效性, 索引号
    var li = el("li", "gk-result");
    var heading = el("h2", "gk-result__title");
    var a = el("a", null, (h[6] && h[6] !== "有效" ? "【" + h[6] + "】" : "") + h[0]);
    a.href = siteRoot + h[1];
    heading.appendChild(a);
    li.appendChild(heading);
    var meta = el("p", "gk-result__meta");
    [h[2], h[3], h[4], h[5] ? h[5].replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日") : ""].forEach(function (v) {
      if (v) meta.appendChild(el("span", null, v));
    });
    if (h[6]) meta.appendChild(el("span", "gk-result__status gk-result__status--" + (h[6] === "有效" ? "ok" : "not"), "有效性：" + h[6]));
    li.appendChild(meta);
    li.appendChild(excerpt(unit, terms));
    return li;
  }

  function verified(unit, terms) {
    var h = unit.h, text = normalize([h[0], h[3], h[7], h[4]].join("\n") + "\n" + unit.x);
    return text.indexOf(terms[0]) >= 0;
  }

  /* The results of one page, each checked against its text; a failed check drops it. */
  function pageResults(hits, from, terms) {
    var shown = [], dropped = 0, i = from;
    function more() {
      if (shown.length >= PER_PAGE || i >= hits.length) return Promise.resolve();
      var batch = hits.slice(i, i + PER_PAGE - shown.length);
      i += batch.length;
      return Promise.all(batch.map(function (h) { return loadUnit(h.body); })).then(function (units) {
        units.forEach(function (u, k) {
          if (verified(u, terms) || Array.from(terms[0]).length > table.overlap + 1) shown.push(u);
          else { dropped++; batch[k].dropped = true; }
        });
        return more();
      });
    }
    return more().then(function () { return { shown: shown, dropped: dropped }; });
  }

  function renderFilters(state, counts, total) {
    filtersBox.textContent = "";
    var heading = el("h2", "gk-filters__title", "筛选");
    heading.id = "gk-filters-title";
    filtersBox.appendChild(heading);
    var sortLabel = el("label", "gk-filters__sort", "排序 ");
    var select = el("select");
    select.name = "排序";
    [["相关", "按相关程度"], ["日期", "按发布日期（新→旧）"]].forEach(function (o) {
      var option = el("option", null, o[1]);
      option.value = o[0];
      option.selected = state.sort === o[0];
      select.appendChild(option);
    });
    select.addEventListener("change", function () { state.sort = select.value; state.page = 1; go(state); });
    sortLabel.appendChild(select);
    filtersBox.appendChild(sortLabel);
    FACETS.forEach(function (facet) {
      var names = Object.keys(counts[facet]);
      if (!names.length) return;
      names.sort(facet === "年份" ? function (a, b) { return b.localeCompare(a); }
        : function (a, b) { return counts[facet][b] - counts[facet][a] || a.localeCompare(b, "zh"); });
      var set = el("fieldset", "gk-facet");
      set.appendChild(el("legend", null, facet));
      var list = el("ul"), extra = null;
      names.forEach(function (name, n) {
        var li = el("li"), label = el("label"), box = el("input");
        box.type = "checkbox";
        box.name = facet;
        box.value = name;
        box.checked = (state.filters[facet] || []).indexOf(name) >= 0;
        box.addEventListener("change", function () {
          var now = (state.filters[facet] || []).filter(function (v) { return v !== name; });
          if (box.checked) now.push(name);
          state.filters[facet] = now;
          state.page = 1;
          go(state);
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + name + " "));
        label.appendChild(el("span", "gk-facet__count", "（" + counts[facet][name] + "）"));
        li.appendChild(label);
        if (n < SHOWN_VALUES || box.checked) list.appendChild(li);
        else {
          if (!extra) extra = el("ul");
          extra.appendChild(li);
        }
      });
      set.appendChild(list);
      if (extra) {
        var details = el("details", "gk-facet__more"), summary = el("summary", null, "更多" + facet + "（" + extra.children.length + "）");
        details.appendChild(summary);
        details.appendChild(extra);
        set.appendChild(details);
      }
      filtersBox.appendChild(set);
    });
    filtersBox.hidden = total === 0 && !Object.keys(state.filters).some(function (f) { return state.filters[f].length; });
  }

  function pager(state, count) {
    var pages = Math.ceil(count / PER_PAGE);
    var nav = el("nav", "gk-pager");
    nav.setAttribute("aria-label", "搜索结果分页");
    if (pages <= 1) return nav;
    [["上一页", state.page - 1], ["下一页", state.page + 1]].forEach(function (p) {
      if (p[1] < 1 || p[1] > pages) return;
      var next = JSON.parse(JSON.stringify(state));
      next.page = p[1];
      var a = el("a", null, p[0]);
      a.href = stateUrl(next);
      a.addEventListener("click", function (e) { e.preventDefault(); go(next); window.scrollTo(0, 0); });
      nav.appendChild(a);
    });
    nav.appendChild(el("span", null, "第 " + state.page + " / " + pages + " 页"));
    return nav;
  }

  function noResults(state, terms) {
    var box = el("div", "gk-search__none");
    box.appendChild(el("p", null, "没有找到包含“" + terms.join(" ") + "”的内容。"));
    var tips = el("ul");
    ["检查有无错别字；关键词越短，找到的越多。", "多个关键词之间用空格分开，结果须同时包含每一个词。",
     "找文件可以输入文号，如“通政办字〔2017〕157号”。"].forEach(function (t) { tips.appendChild(el("li", null, t)); });
    if (Object.keys(state.filters).some(function (f) { return state.filters[f].length; })) {
      tips.appendChild(el("li", null, "取消部分筛选条件。"));
    }
    box.appendChild(tips);
    var more = el("p");
    more.appendChild(document.createTextNode("也可以到"));
    var a = el("a", null, "政策文件库");
    a.href = siteRoot + "zhengce/";
    more.appendChild(a);
    more.appendChild(document.createTextNode("按年份、发文机关、主题分类或有效性查找。"));
    box.appendChild(more);
    return box;
  }

  var generation = 0;

  function run(state) {
    var mine = ++generation;
    input.value = state.q;
    var terms = queryTerms(state.q);
    root.setAttribute("data-state", "busy");
    if (!terms.length) {
      statusLine.textContent = "请输入要查找的词语或文号。";
      resultsBox.textContent = "";
      filtersBox.hidden = true;
      root.setAttribute("data-state", "done");
      return Promise.resolve();
    }
    statusLine.textContent = "正在搜索……";
    document.title = state.q + " - 搜索";
    return loadTable().then(function () { return findRecords(terms); }).then(function (hits) {
      if (mine !== generation) return;
      rank(state, hits, terms);
      var counts = facetCounts(state, hits);
      var kept = hits.filter(function (h) { return passes(state, h.r); });
      root.gkHits = kept;
      var from = (state.page - 1) * PER_PAGE;
      return pageResults(kept, from, terms).then(function (page) {
        if (mine !== generation) return;
        var count = kept.length - page.dropped;
        renderFilters(state, counts, count);
        resultsBox.textContent = "";
        if (!page.shown.length) {
          resultsBox.appendChild(noResults(state, terms));
        } else {
          var list = el("ol", "gk-results");
          list.start = from + 1;
          page.shown.forEach(function (u) { list.appendChild(resultItem(u, terms)); });
          resultsBox.appendChild(list);
          resultsBox.appendChild(pager(state, count));
        }
        statusLine.textContent = count ? "找到 " + count + " 条结果" + (state.sort === "日期" ? "，按发布日期排列" : "，按相关程度排列") + "。"
          : "没有找到结果。";
        root.setAttribute("data-count", String(count));
        root.setAttribute("data-state", "done");
      });
    }).catch(function () {
      if (mine !== generation) return;
      statusLine.textContent = "搜索暂时无法使用。请稍后再试，或到政策文件库按年份、发文机关查找。";
      root.setAttribute("data-state", "error");
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    go({ q: input.value.trim(), filters: {}, sort: readState().sort, page: 1 });
  });
  window.addEventListener("popstate", function () { run(readState()); });

  /* For the benchmark and tests: the record numbers the page's own query path finds. */
  window.gkSearch = {
    /* The records found: every candidate of the index less those the text check dropped. */
    records: function () {
      return (root.gkHits || []).filter(function (h) { return !h.dropped; }).map(function (h) { return h.r; });
    },
    normalize: normalize, hashGram: hashGram, docNumberKey: docNumberKey
  };

  root.hidden = false;
  run(readState());
})();
