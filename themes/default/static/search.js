// Starts Pagefind's search UI; the only script the site needs.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#search",
    baseUrl: element.dataset.baseUrl || "/",
    showSubResults: true,
    showEmptyFilters: false,
    resetStyles: false,
    translations: { placeholder: "Search agendas, minutes and reports" }
  });
  labelSearchBox(element, "Search agendas, minutes and reports");
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});

// Pagefind names its box only by a placeholder, which disappears as the reader
// types and is not a label to speech input or screen magnifier users; give it a
// visible one.
function labelSearchBox(element, text) {
  var input = element.querySelector(".pagefind-ui__search-input");
  if (!input) return;
  input.id = "search-input";
  var label = document.createElement("label");
  label.htmlFor = input.id;
  label.className = "search-label";
  label.textContent = text;
  element.parentNode.insertBefore(label, element);
}
