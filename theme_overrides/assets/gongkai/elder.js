/* Applies the remembered 大字·高对比 mode before the first paint, so it never flickers. */
try { if (localStorage.getItem("gk-elder")) document.documentElement.classList.add("gk-elder"); } catch (e) { /* storage disabled */ }
