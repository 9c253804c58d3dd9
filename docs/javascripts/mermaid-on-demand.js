// Diagrams on demand: Material renders every Mermaid diagram of a page as soon as it loads, and loads the library
// itself (from a CDN) when `window.mermaid` is undefined. This script, loaded before Material's bundle on every
// page, gives Material a stand-in `mermaid` on pages that have diagrams: calls are queued, and the vendored library
// is imported only when a diagram comes within a quarter screen of the viewport. It is Mermaid's ES module build,
// split in chunks: the core and the chunks for a page's diagram types, 235 KB gzipped for flowcharts and sequence
// diagrams (the single-file build was 788 KB). Pages without diagrams load nothing; a reader who never scrolls to a
// diagram never pays for it.
(function () {
  "use strict";
  var library = document.currentScript && document.currentScript.dataset.library;
  if (!library || !document.querySelector("pre.mermaid, div.mermaid")) return;

  var settings = null;
  var loading = null;

  function load() {
    if (!loading) {
      // A relative URL in import() resolves against this script, so the library's address is made absolute first.
      loading = import(new URL(library, document.baseURI).href).then(function (module) {
        var real = module.default;
        real.initialize(settings || { startOnLoad: false });
        return real;
      }, function (error) {
        throw new Error("could not load " + library + ": " + error);
      });
    }
    return loading;
  }

  var near = new Promise(function (resolve) {
    if (!("IntersectionObserver" in window)) { resolve(); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) { observer.disconnect(); resolve(); }
    }, { rootMargin: "25% 0px" });
    document.querySelectorAll("pre.mermaid, div.mermaid").forEach(function (element) { observer.observe(element); });
  });

  window.mermaid = {
    initialize: function (options) { settings = options; },
    render: function (id, text) {
      return near.then(load).then(function (real) { return real.render(id, text); });
    }
  };
})();
