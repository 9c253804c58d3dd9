#!/usr/bin/env python3
"""Check every external link in the docs, and report the broken ones with the file and line that holds them.

    python scripts/linkcheck.py                         # all pages under docs/ (what `make linkcheck` runs)
    python scripts/linkcheck.py docs/concepts           # some pages only
    python scripts/linkcheck.py --report report.md      # also write the report as Markdown (the weekly issue)

It reads the Markdown sources rather than the built HTML, so each problem names `path:line`. Requests go out
concurrently, but at most PER_HOST at a time and one every HOST_INTERVAL seconds to any one host; 429, 5xx and
timeouts are retried with exponential back-off (honouring Retry-After). Exit status: 1 if a link is broken,
0 otherwise. 401/403 (a site that turns robots away) and a 429 that outlasts the retries are reported as
warnings, since the page is most likely there. With no network at all (every host fails to resolve or has no
route) it says it skipped and exits 0, so it can run anywhere; it is not part of `make test`.
"""
from __future__ import annotations

import argparse
import errno
import json
import re
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_model import front_matter  # noqa: E402
from content_model.links import find_links, is_external  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "mlsd-handbook-linkcheck/1.0 (+https://github.com/mlsd-handbook/handbook)"
WORKERS = 16
PER_HOST = 2  # concurrent requests to one host
HOST_INTERVAL = 0.5  # seconds between two requests to one host
RETRIES = 3
BACKOFF = 1.0  # first retry after this many seconds, then twice as long each time
MAX_RETRY_AFTER = 30.0  # a server asking for a longer wait gets a warning instead
TIMEOUT = 15.0
WARNING_STATUSES = {401, 403, 429}  # the page is probably there, but this robot may not see it
REPORT_LIMIT = 60_000  # characters: a GitHub issue body holds at most 65,536

# <https://...> autolinks and [label]: https://... definitions; inline links come from content_model.links.
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(https?://\S+)")
_OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}
OFFLINE_REASONS = {"DNS failure", "no route to host"}  # said of every host at once, they mean "no network"


@dataclass(frozen=True)
class Occurrence:
    path: str
    line: int


@dataclass
class Result:
    url: str
    status: str  # "200", "404", "timeout", "DNS failure", ...
    broken: bool
    warning: bool = False
    occurrences: list[Occurrence] = field(default_factory=list)


# -- finding links ---------------------------------------------------------------------------------------------
def markdown_links(text: str, page: str) -> list[tuple[int, str]]:
    """(line, url) of every http(s) link in a Markdown page, outside code."""
    _, body, first = front_matter.split(text, page) if text.startswith("---") else ({}, text, 1)
    found = [(link.line, link.target) for link in find_links(body, page, first)
             if is_external(link.target) and link.target.startswith(("http://", "https://"))]
    in_fence = False
    for offset, line in enumerate(body.splitlines()):
        if re.match(r"^\s*(```|~~~)", line):
            in_fence = not in_fence
        if in_fence:
            continue
        found += [(first + offset, url) for url in _AUTOLINK.findall(re.sub(r"`[^`]*`", "", line))]
        reference = _REFERENCE.match(line)
        if reference:
            found.append((first + offset, reference[1]))
    return found


def notebook_links(text: str, page: str) -> list[tuple[int, str]]:
    """Links in a notebook's Markdown cells; the line is the notebook's line 1 (cells have no file lines)."""
    cells = json.loads(text).get("cells", [])
    markdown = "\n".join("".join(c.get("source", [])) for c in cells if c.get("cell_type") == "markdown")
    return [(1, url) for _, url in markdown_links(markdown, page)]


def collect(paths: list[Path], root: Path) -> dict[str, list[Occurrence]]:
    """url -> where it occurs, for every page under the given files or folders."""
    urls: dict[str, list[Occurrence]] = defaultdict(list)
    for start in paths:
        files = [start] if start.is_file() else sorted(start.rglob("*"))
        for path in files:
            if path.suffix not in (".md", ".ipynb") or "assets" in path.parts:
                continue
            shown = path.resolve().relative_to(root).as_posix()
            text = path.read_text(encoding="utf-8")
            reader = notebook_links if path.suffix == ".ipynb" else markdown_links
            for line, url in reader(text, shown):
                urls[url.split("#", 1)[0]].append(Occurrence(shown, line))
    return dict(urls)


# -- checking them -----------------------------------------------------------------------------------------------
class HostLimiter:
    """At most `per_host` requests in flight to one host, and `interval` seconds between the starts of two."""

    def __init__(self, per_host: int, interval: float):
        self.per_host, self.interval = per_host, interval
        self.lock = threading.Lock()
        self.slots: dict[str, threading.Semaphore] = {}
        self.next_start: dict[str, float] = defaultdict(float)

    def acquire(self, host: str) -> None:
        with self.lock:
            slot = self.slots.setdefault(host, threading.Semaphore(self.per_host))
        slot.acquire()
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start[host])
            self.next_start[host] = start + self.interval
        time.sleep(start - now)

    def release(self, host: str) -> None:
        self.slots[host].release()


@dataclass
class Checker:
    timeout: float = TIMEOUT
    retries: int = RETRIES
    backoff: float = BACKOFF
    limiter: HostLimiter = field(default_factory=lambda: HostLimiter(PER_HOST, HOST_INTERVAL))

    def __post_init__(self):
        self.opener = urllib.request.build_opener()  # follows redirects (301, 302, 303, 307, 308)
        self.opener.addheaders = [("User-Agent", USER_AGENT), ("Accept", "text/html,*/*;q=0.8")]

    def fetch(self, url: str) -> tuple[int | str, float | None]:
        """One attempt: (HTTP status after redirects, or an error name; Retry-After in seconds)."""
        host = urlsplit(url).hostname or ""
        self.limiter.acquire(host)
        try:
            # GET, not HEAD: many servers answer HEAD with 403, 404 or 405. Only the headers are read.
            with self.opener.open(urllib.request.Request(url, method="GET"), timeout=self.timeout) as response:
                return response.status, None
        except urllib.error.HTTPError as error:
            return error.code, retry_after(error.headers.get("Retry-After"))
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                return "timeout", None
            return network_error(error.reason), None
        except TimeoutError:
            return "timeout", None
        except (OSError, ValueError) as error:  # a connection reset mid-response, a malformed URL
            return f"error: {error}", None
        finally:
            self.limiter.release(host)

    def check(self, url: str) -> Result:
        for attempt in range(self.retries + 1):
            status, wait = self.fetch(url)
            retryable = status == "timeout" or status == 429 or (isinstance(status, int) and status >= 500)
            if not retryable or attempt == self.retries or (wait is not None and wait > MAX_RETRY_AFTER):
                break
            time.sleep(wait if wait is not None else self.backoff * 2 ** attempt)
        if isinstance(status, int) and status < 400:
            return Result(url, str(status), broken=False)
        warning = status in WARNING_STATUSES
        return Result(url, str(status), broken=not warning, warning=warning)


def network_error(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "DNS failure"
    if isinstance(reason, OSError) and reason.errno in _OFFLINE_ERRNOS:
        return "no route to host"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    return f"error: {reason}"


def probe(url: str, timeout: float) -> str | None:
    """Open a connection to a link's host once: None if it answers, else why not (before any request is sent)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except TimeoutError:
        return "timeout"
    except OSError as error:
        return network_error(error)
    return None


def retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def check_all(urls: dict[str, list[Occurrence]], checker: Checker, workers: int = WORKERS) -> list[Result] | None:
    """One Result per URL, or None when no host can be reached at all (offline: nothing can be said)."""
    one_url_per_host = {}
    for url in sorted(urls):
        one_url_per_host.setdefault(urlsplit(url).netloc, url)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        unreachable = dict(zip(one_url_per_host, pool.map(lambda u: probe(u, checker.timeout),
                                                           one_url_per_host.values())))
    if unreachable and all(why in OFFLINE_REASONS for why in unreachable.values()):
        return None
    # A host that does not resolve while others do is a dead domain: its links are broken without a request.
    dead = [Result(url, unreachable[urlsplit(url).netloc], broken=True) for url in sorted(urls)
            if unreachable[urlsplit(url).netloc] in OFFLINE_REASONS]
    alive = [url for url in sorted(urls) if unreachable[urlsplit(url).netloc] not in OFFLINE_REASONS]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dead + list(pool.map(checker.check, alive))
    for result in results:
        result.occurrences = urls[result.url]
    return results


# -- reporting -----------------------------------------------------------------------------------------------------
def report_lines(results: list[Result]) -> list[str]:
    lines = []
    for result in sorted(results, key=lambda r: (r.occurrences[0].path, r.occurrences[0].line, r.url)):
        if not (result.broken or result.warning):
            continue
        kind = "broken link" if result.broken else "warning"
        for where in result.occurrences:
            lines.append(f"{where.path}:{where.line}: {kind}: {result.url} ({result.status})")
    return lines


def markdown_report(results: list[Result]) -> str:
    broken = [r for r in results if r.broken]
    warnings = [r for r in results if r.warning]
    out = ["Written by the weekly link check (`make linkcheck`, scripts/linkcheck.py).", "",
           f"{len(results)} external links checked: {len(broken)} broken, {len(warnings)} warnings.", ""]
    for title, group in (("Broken links", broken), ("Warnings (the site may block robots)", warnings)):
        if group:
            out += [f"## {title}", "", "| Where | URL | Status |", "| --- | --- | --- |"]
            for result in group:
                where = "<br>".join(f"`{o.path}:{o.line}`" for o in result.occurrences)
                out.append(f"| {where} | <{result.url}> | {result.status} |")
            out.append("")
    report = "\n".join(out)
    if len(report) > REPORT_LIMIT:
        report = report[:REPORT_LIMIT].rsplit("\n", 1)[0] + "\n\n(Cut short: run `make linkcheck` for the whole list.)\n"
    return report


def main(argv: list[str] | None = None, root: Path = ROOT, checker: Checker | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="pages or folders (default: docs/)")
    parser.add_argument("--report", type=Path,
                        help="also write the report as Markdown to this file (not written when offline)")
    args = parser.parse_args(argv)
    urls = collect([p.resolve() for p in args.paths] or [root / "docs"], root)
    results = check_all(urls, checker or Checker())
    if results is None:
        print(f"linkcheck: skipped: no host could be reached (offline?), {len(urls)} links not checked")
        return 0
    for line in report_lines(results):
        print(line)
    broken = sum(1 for r in results if r.broken)
    print(f"linkcheck: {len(results)} links checked, {broken} broken, {sum(r.warning for r in results)} warnings",
          file=sys.stderr)
    if args.report:
        args.report.write_text(markdown_report(results), encoding="utf-8")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
