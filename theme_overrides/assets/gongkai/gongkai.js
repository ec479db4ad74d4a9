/* 大字·高对比 (适老化) mode: one button, remembered across pages in localStorage. */
(function () {
  var KEY = "gk-elder";
  var root = document.documentElement;
  var button = document.getElementById("gk-elder-toggle");
  if (!button) return;
  function show(on) {
    root.classList.toggle("gk-elder", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }
  button.hidden = false;
  show(root.classList.contains("gk-elder"));
  button.addEventListener("click", function () {
    var on = !root.classList.contains("gk-elder");
    show(on);
    try {
      if (on) localStorage.setItem(KEY, "1"); else localStorage.removeItem(KEY);
    } catch (e) { /* private browsing: the mode lasts for this page only */ }
  });
})();

/* The print date on the paper, written as the page is printed. */
(function () {
  var slot = document.getElementById("gk-print-date");
  if (!slot) return;
  function stamp() {
    var d = new Date();
    slot.textContent = d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }
  stamp();
  window.addEventListener("beforeprint", stamp);
})();
