// Search on demand: Material requests the whole search index (search/search_index.json) as soon as a page loads,
// which is most of what a text page transfers. This script, loaded before Material's bundle, holds that one
// request until the reader starts to search: focuses or clicks the search box, presses a search shortcut, or opens
// a shared search link (?q=). Material shows "Initializing search" in the meantime, as on a slow network.
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndexRequest = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.searchIndexRequest && !released) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
  }

  function startsSearch(target) {
    return Boolean(target && target.closest &&
      target.closest("label[for='__search'], .md-search, [data-md-component='search-query']"));
  }

  document.addEventListener("click", function (event) { if (startsSearch(event.target)) release(); }, true);
  document.addEventListener("focusin", function (event) { if (startsSearch(event.target)) release(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release();
  }, true);
  // Material's shortcuts that open search: "f", "s" and "/".
  document.addEventListener("keydown", function (event) {
    if (["f", "s", "/"].indexOf(String(event.key).toLowerCase()) >= 0) release();
  }, true);
  if (/[?&]q=/.test(location.search)) release();
})();
