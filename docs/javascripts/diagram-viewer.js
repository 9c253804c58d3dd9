// Full-screen diagram viewer (issue 18, item 5). A wide architecture diagram shrinks to the width of the column, and
// on a phone its labels end up a few pixels high. Each rendered diagram gets a button under it that opens the diagram
// in a modal dialog, scaled so its smallest label is at least 12 px: drag (or scroll) to pan, pinch, the + and -
// buttons or keys, or Ctrl + wheel to zoom, 0 to fit; Escape or the close button closes it and focus goes back to
// the button. No library: the dialog is a native <dialog>, the diagram is drawn again from its Mermaid source.
//
// Loaded by accessibility.js, only on pages with diagrams (a text page makes one request fewer). Material renders
// each diagram into a closed shadow root, so the drawing on the page cannot be copied: accessibility.js keeps each
// diagram's source and title on its rendered host (host.hbDiagram) as Material swaps the <pre> for it.
(function () {
  "use strict";

  if (!window.MutationObserver) return;

  var MIN_LABEL_PX = 12;
  var ZOOM_STEP = 1.25;
  var rendered = 0;

  function clean(text) {
    return (text || "").replace(/\s+/g, " ").trim();
  }

  var EXPAND_ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M10 21v-2H6.41l4.5-4.5-1.41' +
    '-1.41-4.5 4.5V14H3v7zm4.5-10.09 4.5-4.5V10h2V3h-7v2h3.59l-4.5 4.5z"/></svg>';

  function addButton(host, diagram) {
    if (host.nextElementSibling && host.nextElementSibling.classList.contains("hb-diagram-open")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "hb-diagram-open";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-label", "Open full screen: " + diagram.title);
    button.innerHTML = EXPAND_ICON + "<span>Open full screen</span>";
    button.addEventListener("click", function () { open(diagram, button); });
    host.insertAdjacentElement("afterend", button);
  }

  // Hosts rendered before this script arrived, and those rendered later (accessibility.js's observer, created
  // first, has set host.hbDiagram by the time this one is told).
  function addButtons() {
    document.querySelectorAll("div.mermaid").forEach(function (host) {
      if (host.hbDiagram) addButton(host, host.hbDiagram);
    });
  }
  addButtons();
  new MutationObserver(addButtons).observe(document.body, { childList: true, subtree: true });

  // The dialog, built once and reused.
  var dialog = null;
  var parts = {};
  var view = { scale: 1, width: 0, height: 0, fit: 1, readable: 1, min: 0.1, max: 10 };

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "hb-viewer";
    dialog.setAttribute("aria-labelledby", "hb-viewer-title");
    dialog.innerHTML =
      '<div class="hb-viewer__bar">' +
      '  <h2 class="hb-viewer__title" id="hb-viewer-title"></h2>' +
      '  <div class="hb-viewer__tools">' +
      '    <button type="button" data-action="out" aria-label="Zoom out">&minus;</button>' +
      '    <output class="hb-viewer__scale" aria-live="polite" aria-label="Zoom level"></output>' +
      '    <button type="button" data-action="in" aria-label="Zoom in">+</button>' +
      '    <button type="button" data-action="fit">Fit</button>' +
      '    <button type="button" data-action="close" aria-label="Close full screen view">&times;</button>' +
      "  </div>" +
      "</div>" +
      '<div class="hb-viewer__stage" tabindex="0" role="group"' +
      ' aria-label="Diagram: drag or use the arrow keys to move, plus and minus to zoom"></div>' +
      '<p class="hb-viewer__help">Drag or use the arrow keys to move; pinch, + and &minus; to zoom; 0 fits the ' +
      "screen; Escape closes.</p>";
    parts.title = dialog.querySelector(".hb-viewer__title");
    parts.scale = dialog.querySelector(".hb-viewer__scale");
    parts.stage = dialog.querySelector(".hb-viewer__stage");
    document.body.appendChild(dialog);

    dialog.querySelector(".hb-viewer__tools").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var action = button.dataset.action;
      if (action === "close") dialog.close();
      else if (action === "in") zoomBy(ZOOM_STEP);
      else if (action === "out") zoomBy(1 / ZOOM_STEP);
      else if (action === "fit") zoomTo(view.fit);
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "+" || event.key === "=") zoomBy(ZOOM_STEP);
      else if (event.key === "-" || event.key === "_") zoomBy(1 / ZOOM_STEP);
      else if (event.key === "0") zoomTo(view.fit);
      else return;
      event.preventDefault();
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("hb-viewer-open");
      parts.stage.replaceChildren();
      if (parts.opener && parts.opener.isConnected) parts.opener.focus();
    });
    enablePanAndPinch(parts.stage);
  }

  function svgOf() {
    return parts.stage.querySelector("svg");
  }

  function applyScale(scale, anchorX, anchorY) {
    var stage = parts.stage;
    scale = Math.min(view.max, Math.max(view.min, scale));
    var box = stage.getBoundingClientRect();
    var x = anchorX === undefined ? box.width / 2 : anchorX;
    var y = anchorY === undefined ? box.height / 2 : anchorY;
    // Keep the point under the anchor still while zooming.
    var svg = svgOf();
    var before = svg.getBoundingClientRect();
    var fx = (stage.scrollLeft + x - (before.left - box.left + stage.scrollLeft)) / before.width;
    var fy = (stage.scrollTop + y - (before.top - box.top + stage.scrollTop)) / before.height;
    view.scale = scale;
    svg.style.width = view.width * scale + "px";
    svg.style.height = view.height * scale + "px";
    var after = svg.getBoundingClientRect();
    var offsetLeft = after.left - box.left + stage.scrollLeft;
    var offsetTop = after.top - box.top + stage.scrollTop;
    stage.scrollLeft = offsetLeft + fx * after.width - x;
    stage.scrollTop = offsetTop + fy * after.height - y;
    parts.scale.textContent = Math.round(scale * 100) + "%";
  }

  function zoomBy(factor, x, y) { applyScale(view.scale * factor, x, y); }
  function zoomTo(scale) { applyScale(scale); }

  // The smallest label, in the SVG's own units (Mermaid's font sizes are in user units, 1 unit = 1 px at 100%).
  function smallestLabel(svg) {
    var sizes = [];
    svg.querySelectorAll("text, foreignObject span, foreignObject p, foreignObject div").forEach(function (node) {
      if (!clean(node.textContent)) return;
      var size = parseFloat(getComputedStyle(node).fontSize);
      if (size > 0) sizes.push(size);
    });
    return sizes.length ? Math.min.apply(null, sizes) : 16;
  }

  function show(svgText) {
    parts.stage.innerHTML = svgText;
    var svg = svgOf();
    var viewBox = svg.viewBox && svg.viewBox.baseVal;
    var natural = svg.getBoundingClientRect();
    view.width = viewBox && viewBox.width ? viewBox.width : natural.width;
    view.height = viewBox && viewBox.height ? viewBox.height : natural.height;
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.style.maxWidth = "none";
    var box = parts.stage.getBoundingClientRect();
    view.fit = Math.min((box.width - 16) / view.width, (box.height - 16) / view.height);
    view.readable = MIN_LABEL_PX / smallestLabel(svg);
    view.min = Math.min(view.fit, view.readable, 1) / 2;
    view.max = Math.max(view.readable, 1) * 8;
    // Readable first: fit the screen if the labels are then at least 12 px, otherwise the smallest readable scale.
    var scale = Math.max(view.readable, Math.min(view.fit, Math.max(view.readable, 2)));
    svg.style.width = view.width * scale + "px";
    svg.style.height = view.height * scale + "px";
    view.scale = scale;
    parts.scale.textContent = Math.round(scale * 100) + "%";
    // Start at the left edge (where a flow begins), centred vertically.
    parts.stage.scrollLeft = 0;
    parts.stage.scrollTop = (parts.stage.scrollHeight - parts.stage.clientHeight) / 2;
  }

  function open(diagram, opener) {
    if (!dialog) build();
    parts.opener = opener;
    parts.title.textContent = diagram.title;
    parts.stage.replaceChildren();
    document.documentElement.classList.add("hb-viewer-open");
    dialog.showModal();
    parts.stage.focus();
    delete dialog.dataset.ready;
    var mermaid = window.mermaid;
    if (!mermaid || typeof mermaid.render !== "function") return;
    Promise.resolve(mermaid.render("hb-viewer-" + rendered++, diagram.source)).then(function (result) {
      if (dialog.open) show(result.svg);
      dialog.dataset.ready = "true";
    }, function () {
      parts.stage.textContent = "This diagram could not be drawn again; the version on the page is unchanged.";
    });
  }

  // One pointer drags the drawing; two pointers pinch to zoom around their midpoint.
  function enablePanAndPinch(stage) {
    var pointers = new Map();
    var pinch = null;

    stage.addEventListener("pointerdown", function (event) {
      if (event.button !== 0 || !svgOf()) return;
      stage.setPointerCapture(event.pointerId);
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      stage.classList.add("is-dragging");
      if (pointers.size === 2) pinch = distance();
    });
    stage.addEventListener("pointermove", function (event) {
      var last = pointers.get(event.pointerId);
      if (!last) return;
      var now = { x: event.clientX, y: event.clientY };
      if (pointers.size === 1) {
        stage.scrollLeft -= now.x - last.x;
        stage.scrollTop -= now.y - last.y;
      }
      pointers.set(event.pointerId, now);
      if (pointers.size === 2 && pinch) {
        var spread = distance();
        var box = stage.getBoundingClientRect();
        var middle = midpoint();
        zoomBy(spread / pinch, middle.x - box.left, middle.y - box.top);
        pinch = spread;
      }
    });
    function release(event) {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (!pointers.size) stage.classList.remove("is-dragging");
    }
    stage.addEventListener("pointerup", release);
    stage.addEventListener("pointercancel", release);
    stage.addEventListener("wheel", function (event) {
      if (!event.ctrlKey || !svgOf()) return; // a plain wheel scrolls, which pans
      event.preventDefault();
      var box = stage.getBoundingClientRect();
      zoomBy(event.deltaY < 0 ? 1.1 : 1 / 1.1, event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });

    function distance() {
      var points = Array.from(pointers.values());
      return Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y) || 1;
    }
    function midpoint() {
      var points = Array.from(pointers.values());
      return { x: (points[0].x + points[1].x) / 2, y: (points[0].y + points[1].y) / 2 };
    }
  }
})();
