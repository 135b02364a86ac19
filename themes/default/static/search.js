// Starts Pagefind's search UI; the only script the site needs.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#search",
    baseUrl: element.dataset.baseUrl || "/",
    showSubResults: true,
    resetStyles: false,
    translations: { placeholder: "Search agendas, minutes and reports" }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
