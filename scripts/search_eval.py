#!/usr/bin/env python3
"""Measure how well the site's search answers reader-style queries: Material's search against Pagefind.

    python scripts/search_eval.py --site /tmp/site-search                     # Material and Pagefind, both tables
    python scripts/search_eval.py --site /tmp/site-search --engine material   # Material only (no Pagefind needed)
    python scripts/search_eval.py --site /tmp/site-search --json out.json     # also write every query's top 3

--site is a built site (`mkdocs build -d /tmp/site-search`). The queries and their acceptable pages are in
tests/search_queries.yml. A query is a hit@k when one of its target pages is among the first k result pages.

Material: the query is typed into the search box in headless Chromium, as a reader does (and as tests/test_search.py
does), and the first three result pages are read from the result list. Several pages search at once.
Pagefind (`pip install "pagefind[extended]==1.5.2"`, not a site requirement): the built site is indexed into
<site>/pagefind-<variant>/ with `python -m pagefind`, and the same queries go through its JavaScript API
(`pagefind.js`, `search()`, then `data()` of the first three results), which is the order its UI shows.
Variants: "default" indexes the whole page (navigation, footer included); "article" indexes only Material's
article (`--root-selector article`), without diagram sources and permalink symbols.

--material-variants site,stopwords also measures Material with lunr's English stop words dropped from the query before
it reaches the search worker (an init script; the site does not do this).

It also measures what the first search transfers for each engine (raw, and gzip as a server would send it; Pagefind's
index chunks are gzip files already).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES_FILE = ROOT / "tests" / "search_queries.yml"
BASE_PATH = "/handbook/"  # the site is served under the same path as on GitHub Pages (tests/conftest.py)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PAGEFIND_VARIANTS = {
    "default": [],
    "article": ["--root-selector", "article", "--exclude-selectors", "pre.mermaid, .headerlink, .md-source-file"],
}
K = 3


def load_queries(path: Path = QUERIES_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def site_path(href: str, base_url: str) -> str:
    """"concepts/data-drift/" for any form of a result link (absolute, relative, with a fragment or index.html)."""
    path = urlparse(urljoin(base_url, href)).path
    return path.removeprefix(BASE_PATH).removeprefix("/").removesuffix("index.html")


def top_pages(hrefs: list[str], base_url: str, k: int = K) -> list[str]:
    pages: list[str] = []
    for href in hrefs:
        path = site_path(href, base_url)
        if path not in pages:
            pages.append(path)
    return pages[:k]


# --- Material ------------------------------------------------------------------------------------------------------

META = "document.querySelector('.md-search-result__meta')?.textContent || ''"
RESULT_HREFS = """() => [...document.querySelectorAll('li.md-search-result__item > a.md-search-result__link')]
  .slice(0, 10).map(a => a.getAttribute('href'))"""


# An experiment, not the site's behaviour: Material's worker appends "*" to every query term and lunr skips its stop
# word filter for wildcard terms, so "how do I ..." searches "how*", "do*" and "i*", and a one-letter prefix matches
# any title or alias word that starts with it (weighted 1000). This drops lunr's English stop words from the query
# before it reaches the worker (unless nothing would be left). --material-variant stopwords measures it.
STOP_WORDS = ("a able about across after all almost also am among an and any are as at be because been but by can "
              "cannot could dear did do does either else ever every for from get got had has have he her hers him his "
              "how however i if in into is it its just least let like likely may me might most must my neither no nor "
              "not of off often on only or other our own rather said say says she should since so some than that the "
              "their them then there these they this tis to too twas us wants was we were what when where which while "
              "who whom why will with would yet you your").split()
QUERY_STOP_WORD_FILTER = r"""(() => {
  const STOP = new Set(%s);
  const RealWorker = window.Worker;
  window.Worker = function (url, options) {
    const worker = new RealWorker(url, options);
    if (!/\/workers\/search\./.test(String(url))) return worker;
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 2 && typeof message.data === "string") {
        const kept = message.data.split(/\s+/).filter(t => t && !STOP.has(t.toLowerCase()));
        if (kept.length) message = { ...message, data: kept.join(" ") };
      }
      return post(message, ...rest);
    };
    return worker;
  };
})();""" % json.dumps(STOP_WORDS)
MATERIAL_VARIANTS = {"site": None, "stopwords": QUERY_STOP_WORD_FILTER}


def _open_search(browser, site_url: str, init_script: str | None = None):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.locator("label.md-search__icon[for='__search']").first.evaluate("label => label.click()")
    # Material says "Initializing search" until its worker has loaded the index (on demand, at this click).
    page.wait_for_function(f"() => /Type to start/.test({META})", timeout=30_000)
    return page


def _send(page, query: str) -> None:
    # Material searches on keyup and rewrites the result count ("N matching documents") with every answer. Blank the
    # count first, so the next count can only answer this query; then the whole query at once and one key press (as
    # tests/test_search.py: typing key by key would race the answers to the query's prefixes).
    page.evaluate("() => { document.querySelector('.md-search-result__meta').textContent = ''; }")
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")


def _read(page) -> list[str]:
    page.wait_for_function(f"() => / matching document/.test({META})", timeout=10_000)
    hrefs = page.evaluate(RESULT_HREFS)
    for _ in range(20):  # until the rendered list holds still for 50 ms
        page.wait_for_timeout(50)
        again = page.evaluate(RESULT_HREFS)
        if again == hrefs:
            break
        hrefs = again
    return top_pages(hrefs, page.url)


def material_top_pages(browser, site_url: str, queries: list[str], parallel: int = 2,
                       init_script: str | None = None) -> dict[str, list[str]]:
    """The first three result pages for each query, typed into Material's search box. `parallel` pages (one context
    each) search at once: every page of a round gets its query before any answer is read, so the browser works on
    all of them while this (single) thread waits; Playwright's sync API is not thread-safe, so no threads."""
    pages = [_open_search(browser, site_url, init_script) for _ in range(min(parallel, len(queries)))]
    results: dict[str, list[str]] = {}
    try:
        for start in range(0, len(queries), len(pages)):
            round_ = list(zip(pages, queries[start:start + len(pages)]))
            for page, query in round_:
                _send(page, query)
            for page, query in round_:
                results[query] = _read(page)
    finally:
        for page in pages:
            page.context.close()
    return results


# --- Pagefind ------------------------------------------------------------------------------------------------------

PAGEFIND_SEARCH = """async ([bundle, queries, k]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.init();
  const out = {};
  for (const query of queries) {
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, k).map(result => result.data()));
    out[query] = data.map(d => d.url);
  }
  return out;
}"""


def build_pagefind(site: Path, variant: str) -> Path:
    out = site / f"pagefind-{variant}"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", out.name, "--quiet",
                    "--glob", "**/*.html", *PAGEFIND_VARIANTS[variant]], check=True)
    return out


def pagefind_top_pages(browser, site_url: str, bundle: str, queries: list[str]) -> dict[str, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    raw = page.evaluate(PAGEFIND_SEARCH, [site_url + bundle + "/", queries, K])
    context.close()
    # Pagefind's URLs carry the path it was loaded from ("/handbook/concepts/data-drift/").
    return {q: top_pages(urls, site_url) for q, urls in raw.items()}


# --- scoring and transfer ------------------------------------------------------------------------------------------


def score(queries: list[dict], results: dict[str, list[str]]) -> dict:
    hit1 = hit3 = 0
    misses = []
    by_kind: Counter = Counter()
    kinds: Counter = Counter()
    for item in queries:
        got, targets = results[item["q"]], set(item["targets"])
        kinds[item["kind"]] += 1
        if got[:1] and got[0] in targets:
            hit1 += 1
        if targets & set(got[:K]):
            hit3 += 1
            by_kind[item["kind"]] += 1
        else:
            misses.append({"q": item["q"], "kind": item["kind"], "targets": item["targets"], "got": got})
    n = len(queries)
    return {"n": n, "hit1": hit1, "hit3": hit3, "hit1_rate": hit1 / n, "hit3_rate": hit3 / n, "misses": misses,
            "hit3_by_kind": {kind: f"{by_kind[kind]}/{kinds[kind]}" for kind in kinds}}


def _sizes(responses: list[tuple[str, bytes]]) -> dict:
    raw = sum(len(body) for _, body in responses)
    # Pagefind's .pagefind and .pf_* files are gzip already; everything else as a gzip-serving host sends it.
    sent = sum(len(body) if url.split("?")[0].endswith((".pagefind", ".pf_meta", ".pf_index", ".pf_fragment"))
               else len(gzip.compress(body, 6)) for url, body in responses)
    return {"files": [urlparse(u).path.removeprefix(BASE_PATH) for u, _ in responses], "raw": raw, "gzip": sent}


def first_query_transfer(browser, site_url: str, engine: str, query: str, bundle: str = "") -> dict:
    """What the first search of a fresh visit transfers for this engine (search files only, not the page)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    page.wait_for_timeout(500)
    responses: list[tuple[str, bytes]] = []

    def keep(response):
        url = response.url
        if ("/search/" in url or "/workers/search" in url or f"/{bundle}/" in url) and response.ok:
            try:
                responses.append((url, response.body()))
            except Exception:  # noqa: BLE001 (a redirect or an aborted request has no body)
                pass

    page.on("response", keep)
    if engine == "material":
        page.locator("label.md-search__icon[for='__search']").first.evaluate("label => label.click()")
        page.wait_for_function(f"() => /Type to start/.test({META})", timeout=30_000)
        _send(page, query)
        _read(page)
    else:
        # As Pagefind's UI does: the search, then the first five results' data (its first screen).
        page.evaluate("""async ([bundle, query]) => {
          const pagefind = await import(bundle + "pagefind.js");
          const search = await pagefind.search(query);
          await Promise.all(search.results.slice(0, 5).map(r => r.data()));
        }""", [site_url + bundle + "/", query])
    page.wait_for_timeout(500)
    context.close()
    return _sizes(responses)


# --- command line --------------------------------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".wasm": "application/wasm"}

    def translate_path(self, path):
        path = "/" + path[len(BASE_PATH):] if path.startswith(BASE_PATH) else "/__outside_base_path__"
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"


def table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| engine | hit@1 | hit@3 |", "|---|---|---|"]
    for name, s in rows:
        lines.append(f"| {name} | {s['hit1']}/{s['n']} ({s['hit1_rate']:.0%}) | {s['hit3']}/{s['n']} ({s['hit3_rate']:.0%}) |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build -d DIR)")
    parser.add_argument("--engine", choices=["material", "pagefind", "both"], default="both")
    parser.add_argument("--variants", default="default,article", help="Pagefind variants to index and query")
    parser.add_argument("--material-variants", default="site",
                        help="Material: 'site' (as built) and/or 'stopwords' (query stop-word filter experiment)")
    parser.add_argument("--parallel", type=int, default=2, help="Material: pages searching at once")
    parser.add_argument("--json", type=Path, help="write every query's result pages and the scores here")
    parser.add_argument("--transfer-query", default="data drift", help="the first query whose transfer is measured")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    queries = load_queries()
    texts = [item["q"] for item in queries]
    site_url = serve(args.site)
    report: dict = {"engines": {}}
    with sync_playwright() as playwright:
        executable = shutil.which("chromium") or "/usr/bin/chromium"
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        runs: list[tuple[str, dict[str, list[str]], dict | None]] = []
        if args.engine in ("material", "both"):
            transfer = first_query_transfer(browser, site_url, "material", args.transfer_query)
            for variant in args.material_variants.split(","):
                results = material_top_pages(browser, site_url, texts, args.parallel, MATERIAL_VARIANTS[variant])
                runs.append((f"Material ({variant})", results, transfer))
        if args.engine in ("pagefind", "both"):
            for variant in args.variants.split(","):
                bundle = build_pagefind(args.site, variant).name
                results = pagefind_top_pages(browser, site_url, bundle, texts)
                runs.append((f"Pagefind ({variant})", results,
                             first_query_transfer(browser, site_url, "pagefind", args.transfer_query, bundle)))
        browser.close()

    rows = []
    for name, results, transfer in runs:
        scored = score(queries, results)
        rows.append((name, scored))
        report["engines"][name] = {**scored, "transfer": transfer, "results": results}
    print(table(rows))
    for name, scored in rows:
        print(f"\n{name}: hit@3 by kind {scored['hit3_by_kind']}")
        print(f"  first query ({args.transfer_query!r}): {report['engines'][name]['transfer']['raw'] / 1024:.0f} KB raw, "
              f"{report['engines'][name]['transfer']['gzip'] / 1024:.0f} KB gzip, "
              f"{len(report['engines'][name]['transfer']['files'])} files")
        for miss in scored["misses"]:
            print(f"  miss [{miss['kind']}] {miss['q']!r}: got {miss['got']} want {miss['targets']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
