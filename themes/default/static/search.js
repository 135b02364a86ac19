// Starts Pagefind's search UI; the only script the site needs.
// The site is indexed as a few Pagefind bundles (shards: runs of committees, and one of the
// people, committees and decisions registers), so
// an edit re-indexes one shard; the first bundle is the primary and the others are
// merged into its results in the browser.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var base = element.dataset.baseUrl || "/";
  var bundles = (element.dataset.bundles || "").split(" ").filter(Boolean).map(function (path) {
    return base + path;
  });
  if (!bundles.length) return;
  // The search page of a language copy of the site ("cy/") searches the site's one index and
  // opens each result in that copy; its box is named in the page's language.
  var tree = element.dataset.tree || "";
  var label = element.dataset.label || "Search agendas, minutes, reports, people and decisions";
  // In `minutes serve` the preview names a module standing in for the first bundle's Pagefind: it
  // also searches the pages edited since their shard was indexed, and leaves out their older copies.
  // A built site has no such module and asks for nothing more than the bundles.
  var options = {
    element: "#search",
    baseUrl: base,
    bundlePath: element.dataset.freshSearch || bundles[0],
    mergeIndex: bundles.slice(1).map(function (path) { return { bundlePath: path }; }),
    showSubResults: true,
    showEmptyFilters: false,
    resetStyles: false,
    translations: Object.assign(JSON.parse(element.dataset.translations || "{}"), { placeholder: label })
  };
  if (tree) options.processResult = function (result) { return inTree(result, base, tree); };
  var ui = new PagefindUI(options);
  labelSearchBox(element, label);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});

// A result's address, and its sub-results', in the language copy under `tree` ("cy/").
function inTree(result, base, tree) {
  var move = function (url) {
    return url && url.indexOf(base) === 0 && url.indexOf(base + tree) !== 0 ? base + tree + url.slice(base.length) : url;
  };
  result.url = move(result.url);
  (result.sub_results || []).forEach(function (sub) { sub.url = move(sub.url); });
  return result;
}

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
