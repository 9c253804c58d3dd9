// Search on demand: Material starts its search worker and requests the whole search index (search_index.json) as
// soon as a page loads, which is most of what a text page transfers. This script, loaded before Material's bundle,
// holds both until the reader starts to search: focuses or clicks the search box, presses a search shortcut, or
// opens a shared search link (?q=). Material shows "Initializing search" in the meantime, as on a slow network.
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

  // Readers type questions ("how do I detect data drift"). Material adds a trailing wildcard to every word, which
  // bypasses lunr's stop-word filter, so "how*" and "i*" match title words and outrank the page asked for. Stop words
  // are dropped from the query before it reaches the worker (lunr's own list); a query of stop words only is kept.
  // Measured on tests/search_queries.yml: hit@3 from 91 to 106 of 137 queries.
  var STOP = {};
  ("a able about across after all almost also am among an and any are as at be because been but by can cannot could " +
   "dear did do does either else ever every for from get got had has have he her hers him his how however i if in " +
   "into is it its just least let like likely may me might most must my neither no nor not of off often on only or " +
   "other our own rather said say says she should since so some than that the their them then there these they this " +
   "tis to too twas us wants was we were what when where which while who whom why will with would yet you your")
    .split(" ").forEach(function (word) { STOP[word] = true; });

  function withoutStopWords(message) {
    // Material's worker messages: {type: 2, data: "the query"} is a search.
    if (!message || message.type !== 2 || typeof message.data !== "string") return message;
    var kept = message.data.split(/\s+/).filter(function (word) { return word && !STOP[word.toLowerCase()]; });
    return kept.length ? { type: message.type, data: kept.join(" ") } : message;
  }

  // The worker: Material creates it at load and talks to it only through postMessage and "message" listeners, so a
  // stand-in that queues both until release is enough.
  var RealWorker = window.Worker;
  var waiting = [];
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (released || !/\/workers\/search\./.test(String(url))) return new RealWorker(url, options);
      var stub = { messages: [], listeners: [], real: null };
      var proxy = {
        postMessage: function (message) {
          message = withoutStopWords(message);
          if (stub.real) stub.real.postMessage(message); else stub.messages.push(message);
        },
        addEventListener: function (type, listener, opts) {
          if (stub.real) stub.real.addEventListener(type, listener, opts); else stub.listeners.push([type, listener, opts]);
        },
        removeEventListener: function (type, listener, opts) {
          if (stub.real) stub.real.removeEventListener(type, listener, opts);
          else stub.listeners = stub.listeners.filter(function (entry) { return entry[1] !== listener; });
        },
        terminate: function () { if (stub.real) stub.real.terminate(); }
      };
      waiting.push(function () {
        stub.real = new RealWorker(url, options);
        stub.listeners.forEach(function (entry) { stub.real.addEventListener(entry[0], entry[1], entry[2]); });
        stub.messages.splice(0).forEach(function (message) { stub.real.postMessage(message); });
      });
      return proxy;
    };
  }

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (start) { start(); });
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
