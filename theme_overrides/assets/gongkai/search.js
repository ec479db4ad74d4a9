/* The search page: Pagefind's UI from this site, started with ?q= from the home page form. */
window.addEventListener("DOMContentLoaded", function () {
  if (typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#gk-search", showImages: false, showSubResults: true, resetStyles: false,
    // A result whose document (or interpreted policy) is not in force says so in its title;
    // the same status is then not repeated as a tag under the index's English key "Status".
    processResult: function (result) {
      if (result.meta && result.meta.status) {
        result.meta.title = "【" + result.meta.status + "】" + result.meta.title;
        delete result.meta.status;
      }
      return result;
    }
  });
  // Pagefind names its input only by a title; screen readers need a real label.
  var input = document.querySelector("#gk-search input");
  if (input) input.setAttribute("aria-label", "搜索关键词");
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
});
