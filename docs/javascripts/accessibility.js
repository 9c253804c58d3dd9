// Accessibility fixes Material leaves to the site (issue 18, item 4), checked by tests/test_accessibility.py with
// axe-core. One pass when the page has loaded (the width checks in idle slices), and the width checks again when the
// width changes:
// - every diagram gets a title for screen readers, and the full-screen viewer (diagram-viewer.js) is loaded;
// - the search dialog gets a name;
// - the read-only task-list checkboxes get their item's text as a label;
// - a navigation landmark labelled by an empty element (the active section of a lifted nav) gets the section name;
// - a formula written inline that is wider than the column becomes a block of its own that scrolls, so it does not
//   widen the page on a phone;
// - a table, code block, formula or notebook cell that scrolls sideways becomes a named group a keyboard can focus
//   (tabindex=0), so it can be scrolled without a mouse; the attributes go again when it no longer scrolls. A group,
//   not a region: a notebook has dozens, and regions are landmarks, which must be few and uniquely named.
(function () {
  "use strict";

  var SCROLLERS = [
    ".md-typeset__scrollwrap",
    ".md-typeset pre > code",
    ".md-typeset div.arithmatex",
    ".md-typeset .katex-display",
    ".md-typeset .hb-math-wide",
    ".jupyter-wrapper .highlight-ipynb",
    ".jupyter-wrapper .jp-OutputArea-output",
    ".jupyter-wrapper .jp-RenderedHTMLCommon table"
  ].join(", ");

  function text(element) {
    return (element && element.textContent || "").replace(/\s+/g, " ").trim();
  }

  function nameDialogs() {
    document.querySelectorAll('[role="dialog"]:not([aria-label]):not([aria-labelledby])').forEach(function (dialog) {
      if (dialog.classList.contains("md-search")) dialog.setAttribute("aria-label", "Search");
    });
  }

  function labelTaskCheckboxes() {
    document.querySelectorAll(".task-list-item input[type=checkbox]").forEach(function (box) {
      if (box.hasAttribute("aria-label") || box.labels && text(box.labels[0])) return;
      var item = box.closest(".task-list-item");
      var copy = item.cloneNode(true);
      copy.querySelectorAll("ul, ol").forEach(function (list) { list.remove(); });
      var label = text(copy);
      if (label) box.setAttribute("aria-label", label.length > 150 ? label.slice(0, 147) + "..." : label);
    });
  }

  function nameNavigation() {
    document.querySelectorAll("nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (label && text(label)) return;
      var title = text(nav.querySelector(":scope > .md-nav__title"));
      if (title) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", title);
      }
    });
  }

  // Inline math cannot wrap inside a square root or a fraction; one that is wider than its line box becomes a
  // scrolling block. Its class comes off before it is measured, so a formula that fits again after the phone is
  // turned goes back inline.
  function fitInlineMath(katex) {
    if (katex.closest(".katex-display")) return;
    var box = katex.closest(".arithmatex") || katex;
    var block = box.parentElement;
    while (block && block.parentElement && getComputedStyle(block).display.indexOf("inline") === 0) {
      block = block.parentElement;
    }
    if (!block) return;
    box.classList.remove("hb-math-wide");
    var limit = block.getBoundingClientRect().right + 1;
    if (Array.prototype.some.call(box.getClientRects(), function (rect) { return rect.right > limit; })) {
      box.classList.add("hb-math-wide");
    }
  }

  function regionName(element) {
    if (element.matches(".md-typeset__scrollwrap, table")) {
      var table = element.matches("table") ? element : element.querySelector("table");
      var caption = table && table.caption && text(table.caption);
      if (caption) return "Table: " + caption;
      var headings = table ? Array.prototype.slice.call(table.querySelectorAll("thead th, tr:first-child th"), 0, 3) : [];
      var names = headings.map(text).filter(Boolean);
      return names.length ? "Table: " + names.join(", ") : "Table";
    }
    if (element.matches(".arithmatex, .katex-display, .hb-math-wide")) return "Formula";
    if (element.matches(".jp-OutputArea-output")) return "Cell output";
    var block = element.closest("[class*='language-']");
    var language = block && /language-([\w+-]+)/.exec(block.className);
    return language ? "Code: " + language[1] : "Code";
  }

  // Keyboard access to content that scrolls sideways (axe: scrollable-region-focusable). Material already makes
  // code blocks focusable on devices with a mouse; this covers phones, tables, formulas and notebook cells.
  function markScroller(element) {
    var scrolls = element.scrollWidth > element.clientWidth + 1 &&
      /(auto|scroll)/.test(getComputedStyle(element).overflowX);
    var added = element.dataset.hbScroll ? element.dataset.hbScroll.split(" ") : [];
    if (scrolls && !added.length) {
      if (element.getAttribute("tabindex") === null) {
        element.setAttribute("tabindex", "0");
        added.push("tabindex");
      }
      if (!element.hasAttribute("role")) {
        element.setAttribute("role", "group");
        added.push("role");
      }
      if (!element.hasAttribute("aria-label") && !element.hasAttribute("aria-labelledby")) {
        element.setAttribute("aria-label", regionName(element));
        added.push("aria-label");
      }
      element.dataset.hbScroll = added.join(" ") || "none";
    } else if (!scrolls && added.length) {
      added.forEach(function (name) { if (name !== "none") element.removeAttribute(name); });
      delete element.dataset.hbScroll;
    }
  }

  // Work after load runs in slices of at most 8 ms while the browser is idle (about 30 ms on a phone four times
  // slower, under the 50 ms that counts as a long task). A new width check (the width changed) replaces an unfinished
  // one.
  var SLICE_MS = 8;
  var pass = 0;
  var later = window.requestIdleCallback
    ? function (step) { window.requestIdleCallback(step, { timeout: 1000 }); }
    : function (step) { window.setTimeout(step, 16); };

  // options.ownPass: a later pass does not cancel it.
  function inSlices(items, work, then, options) {
    options = options || {};
    var mine = pass;
    var next = 0;
    later(function step() {
      if (!options.ownPass && mine !== pass) return;
      var start = performance.now();
      while (next < items.length && performance.now() - start < SLICE_MS) work(items[next++]);
      if (next < items.length) later(step);
      else then();
    });
  }

  // The article's blocks after the first screen are skipped at load (handbook.css: content-visibility, in browsers
  // with scroll anchoring, which keep the text a reader is looking at in place as the blocks above it take their
  // real height). They are laid out for good here, top to bottom; reading a block's height makes the slice pay for
  // its layout.
  function layOutArticle(then) {
    var blocks = Array.prototype.slice.call(
      document.querySelectorAll(".md-content .md-typeset > *, .md-content .jp-Notebook > .jp-Cell"));
    inSlices(blocks, function (block) {
      block.classList.add("hb-laid-out");
      return block.offsetHeight;
    }, then, { ownPass: true });
  }

  // Every width check forces layout, so it runs in slices too: inline formulas first, since a wide one becomes a
  // scroller. When it ends, the root element carries data-hb-widths="checked", which the browser tests wait for.
  function checkWidths() {
    pass += 1;
    document.documentElement.removeAttribute("data-hb-widths");
    var formulas = Array.prototype.slice.call(document.querySelectorAll(".md-typeset .katex"));
    inSlices(formulas, fitInlineMath, function () {
      var scrollers = Array.prototype.slice.call(document.querySelectorAll(SCROLLERS));
      inSlices(scrollers, markScroller, function () {
        document.documentElement.setAttribute("data-hb-widths", "checked");
      });
    });
  }

  function init() {
    nameDialogs();
    labelTaskCheckboxes();
    nameNavigation();
    // A resize before the layout pass ends (a phone settling its viewport) waits for it: the pass checks the
    // widths when it ends, and checking earlier would measure placeholders.
    var laidOut = false;
    layOutArticle(function () { laidOut = true; checkWidths(); });
    var pending = null;
    window.addEventListener("resize", function () {
      if (!laidOut) return;
      if (pending) cancelAnimationFrame(pending);
      pending = requestAnimationFrame(function () { pending = null; checkWidths(); });
    });
  }

  // Diagrams: Mermaid turns a diagram's accTitle into the <title> that names its SVG. A diagram without one gets one
  // here, from its "Figure:" caption or the heading above it, before Material reads the source (this script runs
  // before DOMContentLoaded). Each diagram's source and title are kept on the host Material renders it into, for the
  // full-screen viewer, diagram-viewer.js, which is loaded only on pages with diagrams.
  function headingBefore(element) {
    for (var node = element.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) {
        var copy = node.cloneNode(true);
        copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
        return text(copy);
      }
    }
    return "";
  }

  function withAccTitle(source, title) {
    var lines = source.split("\n");
    var inFrontMatter = false;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (line === "---") { inFrontMatter = !inFrontMatter; continue; }
      if (inFrontMatter || !line || line.indexOf("%%") === 0) continue;
      lines.splice(i + 1, 0, "  accTitle: " + title);
      return lines.join("\n");
    }
    return source;
  }

  function prepareDiagrams() {
    var blocks = document.querySelectorAll("pre.mermaid");
    if (!blocks.length || !window.MutationObserver) return;
    var diagrams = new Map();
    blocks.forEach(function (pre, index) {
      var source = pre.textContent;
      var match = /^\s*accTitle\s*:\s*(.+)$/m.exec(source);
      var caption = text(pre.nextElementSibling);
      var title = match ? text({ textContent: match[1] }) :
        // accTitle runs to the end of its line: keep characters that need no escaping.
        text({ textContent: (/^Figure:/.test(caption) ? caption.replace(/^Figure:\s*/, "") : headingBefore(pre))
          .replace(/[^\w\s.,:()'\/+=-]/g, " ") }) || "Diagram " + (index + 1);
      if (!match) {
        source = withAccTitle(source, title);
        pre.textContent = source;
      }
      diagrams.set(pre, { source: source, title: title });
    });
    // Material replaces each <pre> by a new host element in one step: the mutation record holds both.
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.removedNodes.forEach(function (node) {
          var diagram = diagrams.get(node);
          if (!diagram) return;
          Array.prototype.forEach.call(record.addedNodes, function (added) {
            if (added.nodeType === 1 && added.classList.contains("mermaid")) added.hbDiagram = diagram;
          });
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
    var self = document.currentScript && document.currentScript.src;
    if (self) {
      var viewer = document.createElement("script");
      viewer.src = self.replace(/accessibility\.js(\?.*)?$/, "diagram-viewer.js");
      document.head.appendChild(viewer);
    }
  }

  prepareDiagrams();

  // After "load": tables are wrapped, formulas typeset and fonts in place, so the widths are final.
  if (document.readyState === "complete") init();
  else window.addEventListener("load", init);
})();
