// Render TeX to HTML with the vendored KaTeX, one JSON request per line on stdin (a page's formulas), one JSON answer
// per line on stdout, in the same order:
//   [{"tex": "x^2", "display": false}, ...]  ->  [{"html": "<span class=\"katex\">..."} or {"error": "..."}, ...]
// Used by the MkDocs build (overrides/hooks/math_rendering.py) so pages ship rendered math and no KaTeX script.
"use strict";
const katex = require(process.argv[2]);
const lines = require("readline").createInterface({ input: process.stdin });
function render({ tex, display }) {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}
lines.on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
