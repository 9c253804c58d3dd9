// Render math with the vendored KaTeX: pymdownx.arithmatex (generic mode) leaves \( \) and \[ \] in the page,
// and notebook Markdown cells keep Jupyter's $ and $$ delimiters (only there, so a "$5" in prose stays text).
const ARITHMATEX_DELIMITERS = [
  { left: "\\(", right: "\\)", display: false },
  { left: "\\[", right: "\\]", display: true },
];
const NOTEBOOK_DELIMITERS = [
  { left: "$$", right: "$$", display: true },
  { left: "$", right: "$", display: false },
];

document$.subscribe(({ body }) => {
  for (const element of body.querySelectorAll(".arithmatex")) {
    renderMathInElement(element, { delimiters: ARITHMATEX_DELIMITERS, throwOnError: true });
  }
  for (const element of body.querySelectorAll(".jp-RenderedMarkdown")) {
    renderMathInElement(element, { delimiters: NOTEBOOK_DELIMITERS, throwOnError: true });
  }
});
