// Diagrams on demand: Material renders every Mermaid diagram of a page as soon as it loads, and loads the library
// itself (from a CDN) when `window.mermaid` is undefined. This script, loaded before Material's bundle on every
// page, gives Material a stand-in `mermaid` on pages that have diagrams: calls are queued, and the vendored library
// (about 0.75 MB gzipped) is fetched only when a diagram comes within a quarter screen of the viewport. Pages without
// diagrams load nothing; a reader who never scrolls to a diagram never pays for it.
(function () {
  "use strict";
  var library = document.currentScript && document.currentScript.dataset.library;
  if (!library || !document.querySelector("pre.mermaid, div.mermaid")) return;

  var settings = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = library;
        script.onload = function () {
          var real = window.mermaid;
          real.initialize(settings || { startOnLoad: false });
          resolve(real);
        };
        script.onerror = function () { reject(new Error("could not load " + library)); };
        document.head.appendChild(script);
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
