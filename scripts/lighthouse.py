"""Lighthouse scores of five representative pages of the built site, on Lighthouse's mobile preset.

    python scripts/lighthouse.py [SITE_DIR] [--output test-artifacts/lighthouse.md] [--runs N]

Serves SITE_DIR (default site/) under /handbook/, as GitHub Pages does, with gzip for text files (without it
transfer sizes are overstated), runs the pinned Lighthouse from scripts/lighthouse/ (`make lighthouse` installs it
with `npm ci --prefix scripts/lighthouse`) against each page, and writes a Markdown table (page, performance,
accessibility, best practices, SEO) to stdout and to --output. With --runs N each page is scored N times and the
median is reported. Exits 1 when any score is below its target, after writing the table and naming the audits that
cost points; the full JSON reports stay beside the table for reading.

Mobile scores move between runs on a shared machine (simulated slow 4G and a 4x CPU slowdown multiply any
contention): compare runs made one after the other, and read the audits rather than one score.
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import threading
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
BASE_PATH = "/handbook/"
PAGES = [
    ("Home", ""),
    ("Case: fraud detection", "cases/fraud-detection/"),
    ("Concept: data drift", "concepts/data-drift/"),
    ("Notebook: calibration", "notebooks/calibration/"),
    ("Chapter: evaluation", "framework/evaluation/"),
]
CATEGORIES = [("performance", "Performance"), ("accessibility", "Accessibility"),
              ("best-practices", "Best practices"), ("seo", "SEO")]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipSiteHandler(http.server.BaseHTTPRequestHandler):
    """Serves the site directory under BASE_PATH like a static host: index.html for folders, 404.html otherwise,
    gzip when the client accepts it, and GitHub Pages' ten-minute cache lifetime."""

    site: Path
    _compressed: dict[Path, bytes] = {}

    def do_GET(self):  # noqa: N802 (the standard library's name)
        path = unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        if not path.startswith(BASE_PATH):
            return self._send(404, self.site / "404.html")
        target = (self.site / path[len(BASE_PATH):]).resolve()
        if self.site not in target.parents and target != self.site:
            return self._send(404, self.site / "404.html")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            target = target / "index.html"
        if not target.is_file():
            return self._send(404, self.site / "404.html")
        return self._send(200, target)

    def _send(self, status: int, file: Path):
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        body = file.read_bytes()
        self.send_response(status)
        if content_type.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            if file not in self._compressed:
                self._compressed[file] = gzip.compress(body, compresslevel=6)
            body = self._compressed[file]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        if content_type.startswith("text/") or content_type in ("application/javascript", "application/json"):
            content_type += "; charset=utf-8"
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (GzipSiteHandler,), {"site": site.resolve(), "_compressed": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_lighthouse(url: str, report_path: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report_path}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(key for key, _ in CATEGORIES)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or not report_path.exists():
        raise SystemExit(f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report_path.read_text(encoding="utf-8"))


def scores_of(report: dict) -> dict[str, int]:
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key, _ in CATEGORIES}


def lost_points(report: dict, category: str) -> list[str]:
    """The audits of one category that did not pass, heaviest first, as 'title (score)' lines."""
    audits = report["audits"]
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref["weight"] and audit.get("score") is not None and audit["score"] < 1:
            value = f", {audit['displayValue']}" if audit.get("displayValue") else ""
            failing.append((ref["weight"], f"{audit['title']} (score {audit['score']:.2f}, weight {ref['weight']}{value})"))
    return [line for _, line in sorted(failing, key=lambda item: -item[0])]


def table(rows: list[tuple[str, str, dict[str, int]]]) -> str:
    lines = ["| Page | " + " | ".join(label for _, label in CATEGORIES) + " |",
             "| --- | " + " | ".join("---:" for _ in CATEGORIES) + " |"]
    for name, path, scores in rows:
        cells = [f"**{scores[key]}**" if scores[key] < TARGETS[key] else str(scores[key]) for key, _ in CATEGORIES]
        lines.append(f"| {name} (`/{path}`) | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--output", type=Path, default=ROOT / "test-artifacts" / "lighthouse.md")
    parser.add_argument("--runs", type=int, default=1, help="score each page N times and report the median")
    parser.add_argument("--page", action="append", metavar="TEXT",
                        help="score only the pages whose name or path contains TEXT (repeatable), to iterate on one")
    args = parser.parse_args(argv)
    pages = [(name, path) for name, path in PAGES
             if not args.page or any(text.lower() in f"{name} {path}".lower() for text in args.page)]
    if not pages:
        print(f"no page matches {args.page}; the pages are: {', '.join(name for name, _ in PAGES)}", file=sys.stderr)
        return 2

    if not (args.site / "index.html").is_file():
        print(f"{args.site} has no index.html: build the site first (make build).", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci --prefix scripts/lighthouse` (make lighthouse does).",
              file=sys.stderr)
        return 2

    reports_dir = args.output.parent / "lighthouse"
    reports_dir.mkdir(parents=True, exist_ok=True)
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}{BASE_PATH}"
    rows, problems = [], []
    try:
        for name, path in pages:
            runs = []
            for run in range(1, args.runs + 1):
                slug = path.strip("/").replace("/", "-") or "home"
                report = run_lighthouse(base + path, reports_dir / f"{slug}-{run}.json")
                runs.append((scores_of(report), report))
                print(f"  {name} run {run}: {scores_of(report)}", file=sys.stderr)
            scores = {key: round(statistics.median(s[key] for s, _ in runs)) for key, _ in CATEGORIES}
            rows.append((name, path, scores))
            for key, label in CATEGORIES:
                if scores[key] < TARGETS[key]:
                    # The audits of the run closest to the median explain the reported score.
                    _, report = min(runs, key=lambda item: abs(item[0][key] - scores[key]))
                    problems.append(f"{name}: {label} {scores[key]} < {TARGETS[key]}")
                    problems += [f"    {line}" for line in lost_points(report, key)]
    finally:
        server.shutdown()

    measured = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    median = f", median of {args.runs} runs" if args.runs > 1 else ""
    text = (f"Lighthouse {lighthouse_version()}, mobile preset{median}, measured {measured}. "
            f"Targets: performance {TARGETS['performance']}, the others 100; scores below target in bold.\n\n"
            + table(rows))
    if problems:
        text += "\nBelow target, with the audits that cost points:\n\n```text\n" + "\n".join(problems) + "\n```\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {args.output}; JSON reports in {reports_dir}/", file=sys.stderr)
    if problems:
        print(f"{sum(not line.startswith(' ') for line in problems)} score(s) below target.", file=sys.stderr)
        return 1
    return 0


def lighthouse_version() -> str:
    package = LIGHTHOUSE.parent.parent / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    sys.exit(main())
