/* The search page: Pagefind's UI from this site, started with ?q= from the home page form. */
window.addEventListener("DOMContentLoaded", function () {
  if (typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({ element: "#gk-search", showImages: false, showSubResults: true, resetStyles: false });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
});
