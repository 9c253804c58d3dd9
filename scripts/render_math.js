// Render TeX to HTML with the vendored KaTeX, one JSON request per line on stdin, one JSON answer per line on stdout:
//   {"tex": "x^2", "display": false}  ->  {"html": "<span class=\"katex\">..."}  or  {"error": "..."}
// Used by the MkDocs build (overrides/hooks/math_rendering.py) so pages ship rendered math and no KaTeX script.
"use strict";
const katex = require(process.argv[2]);
const lines = require("readline").createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
  } catch (error) {
    answer = { error: String(error.message || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
