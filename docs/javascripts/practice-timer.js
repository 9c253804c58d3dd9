// Practice timer: shows which step of the seven the clock says you should be on. The plan (minutes per step for a
// 45- and a 60-minute interview) is generated into the page from docs/framework/estimates.yml, so the timer, the
// tables and the step chapters' boxes agree. No library; state lives only in this browser's localStorage.
(function () {
  "use strict";
  var KEY = "mlsd-handbook.practice-timer";

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (error) { return {}; }
  }
  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (error) { /* private mode: keep it in memory */ }
  }
  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function mount(host) {
    if (host.dataset.mounted) return;
    host.dataset.mounted = "true";
    var plan = JSON.parse(host.dataset.plan);
    var state = Object.assign({ length: "45", elapsed: 0, startedAt: null }, load());

    var length = element("select", { "aria-label": "Interview length" });
    Object.keys(plan).forEach(function (minutes) { length.append(new Option(minutes + "-minute interview", minutes)); });
    var toggle = element("button", { type: "button", class: "md-button md-button--primary" }, "Start");
    var reset = element("button", { type: "button", class: "md-button" }, "Reset");
    var time = element("p", { class: "hb-timer__clock", role: "timer", "aria-label": "Time elapsed" });
    // The step is announced to screen readers when it changes; the countdown beside it is not, or it would speak
    // every second.
    var now = element("p", { class: "hb-timer__step", "aria-live": "polite" });
    var left = element("p", { class: "hb-timer__left" });
    var list = element("ol", { class: "hb-timer__steps" });
    var controls = element("div", { class: "hb-timer__controls" });
    controls.append(length, toggle, reset);
    host.append(controls, time, now, left, list);

    function elapsed() {
      return state.elapsed + (state.startedAt ? (Date.now() - state.startedAt) / 1000 : 0);
    }
    function render() {
      var steps = plan[state.length];
      var seconds = elapsed();
      var end = 0;
      var current = null;
      list.replaceChildren();
      steps.forEach(function (step) {
        end += step.minutes * 60;
        var item = element("li", {}, step.title + " (" + step.minutes + " min)");
        if (current === null && seconds < end) {
          current = { step: step, left: end - seconds };
          item.setAttribute("aria-current", "step");
        } else if (seconds >= end) {
          item.className = "hb-timer__done";
        }
        list.append(item);
      });
      length.value = state.length;
      time.textContent = clock(seconds) + " of " + state.length + ":00";
      var text = current ? "Step " + current.step.step + ": " + current.step.title
                         : "Time is up: recap the design in 30 seconds.";
      if (now.textContent !== text) now.textContent = text;
      left.textContent = current ? clock(current.left) + " left in this step" : "";
      toggle.textContent = state.startedAt ? "Pause" : (state.elapsed ? "Resume" : "Start");
    }
    toggle.addEventListener("click", function () {
      if (state.startedAt) { state.elapsed = elapsed(); state.startedAt = null; } else { state.startedAt = Date.now(); }
      save(state); render();
    });
    reset.addEventListener("click", function () {
      state.elapsed = 0; state.startedAt = null; save(state); render();
    });
    length.addEventListener("change", function () {
      state.length = length.value; save(state); render();
    });
    render();
    setInterval(function () { if (state.startedAt) render(); }, 1000);
  }

  function mountAll() { document.querySelectorAll(".hb-timer[data-plan]").forEach(mount); }
  if (typeof document$ !== "undefined") { document$.subscribe(mountAll); } else { document.addEventListener("DOMContentLoaded", mountAll); }
})();
