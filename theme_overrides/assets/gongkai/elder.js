/* The one script that runs before the first paint. It marks that script runs (the search page
   keeps its results' room from the start, so nothing moves when they arrive) and applies the
   remembered 大字·高对比 mode, so it never flickers. */
document.documentElement.classList.replace("no-js", "gk-js");
try { if (localStorage.getItem("gk-elder")) document.documentElement.classList.add("gk-elder"); } catch (e) { /* storage disabled */ }
