"""The link checker against a local server: 200, a redirect, 404, 429 then 200, a timeout; and offline, it skips."""
from __future__ import annotations

import http.server
import sys
import threading
import time

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import linkcheck  # noqa: E402  (scripts/linkcheck.py)

SLOW_SECONDS = 4.0
TIMEOUT = 1.5  # well under SLOW_SECONDS, well over a local round trip even on a loaded machine


class _Handler(http.server.BaseHTTPRequestHandler):
    attempts: dict[str, int] = {}
    lock = threading.Lock()

    def do_GET(self):
        with self.lock:
            self.attempts[self.path] = self.attempts.get(self.path, 0) + 1
            attempt = self.attempts[self.path]
        if self.path == "/ok":
            self.answer(200)
        elif self.path == "/moved":
            self.answer(301, {"Location": "/ok"})
        elif self.path == "/busy":  # rate limited once, then fine
            self.answer(429, {"Retry-After": "0"}) if attempt == 1 else self.answer(200)
        elif self.path == "/always-busy":
            self.answer(429, {"Retry-After": "0"})
        elif self.path == "/forbidden":
            self.answer(403)
        elif self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.answer(200)
        else:
            self.answer(404)

    def answer(self, status, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    _Handler.attempts = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fast_checker() -> linkcheck.Checker:
    return linkcheck.Checker(timeout=TIMEOUT, retries=2, backoff=0.01, limiter=linkcheck.HostLimiter(8, 0.0))


def write_page(root, text: str) -> None:
    page = root / "docs" / "concepts" / "page.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text, encoding="utf-8")


def test_each_kind_of_answer_is_reported_with_file_and_line(tmp_path, server, capsys):
    write_page(tmp_path, "\n".join([
        "---", "title: Page", "---", "",
        f"[ok]({server}/ok) and [moved]({server}/moved).",  # line 5
        f"- [missing]({server}/missing)",  # line 6
        f"- [busy]({server}/busy)",  # line 7
        f"- [slow]({server}/slow)",  # line 8
        f"- [forbidden]({server}/forbidden) and <{server}/always-busy>",  # line 9
        "", "```text", f"[in code]({server}/not-checked)", "```",
        f"[ref]: {server}/ok",
    ]))
    started = time.monotonic()
    status = linkcheck.main([], root=tmp_path, checker=fast_checker())
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out == [
        f"docs/concepts/page.md:6: broken link: {server}/missing (404)",
        f"docs/concepts/page.md:8: broken link: {server}/slow (timeout)",
        f"docs/concepts/page.md:9: warning: {server}/always-busy (429)",
        f"docs/concepts/page.md:9: warning: {server}/forbidden (403)",
    ]
    assert _Handler.attempts["/busy"] == 2, "a 429 is retried, and the retry succeeds"
    assert _Handler.attempts["/slow"] == 3, "a timeout is retried, then reported"
    assert _Handler.attempts["/missing"] == 1, "a 404 is not retried"
    assert "/not-checked" not in _Handler.attempts
    assert time.monotonic() - started < 20


def test_markdown_report_lists_broken_links_and_warnings(tmp_path, server):
    write_page(tmp_path, f"[missing]({server}/missing)\n\n[forbidden]({server}/forbidden)\n[fine]({server}/ok)\n")
    report = tmp_path / "report.md"
    assert linkcheck.main(["--report", str(report)], root=tmp_path, checker=fast_checker()) == 1
    text = report.read_text()
    assert "3 external links checked: 1 broken, 1 warnings." in text
    assert f"| `docs/concepts/page.md:1` | <{server}/missing> | 404 |" in text
    assert f"| `docs/concepts/page.md:3` | <{server}/forbidden> | 403 |" in text


def test_all_links_working_exits_0(tmp_path, server, capsys):
    write_page(tmp_path, f"[ok]({server}/ok), [moved]({server}/moved#anchor), [busy]({server}/busy)\n")
    assert linkcheck.main([], root=tmp_path, checker=fast_checker()) == 0
    assert capsys.readouterr().out == ""


def test_offline_it_skips_and_exits_0(tmp_path, capsys):
    # .invalid never resolves (RFC 2606): every host failing DNS looks exactly like a machine without network.
    write_page(tmp_path, "[a](https://linkcheck-test-a.invalid/x) [b](https://linkcheck-test-b.invalid/y)\n")
    report = tmp_path / "report.md"
    assert linkcheck.main(["--report", str(report)], root=tmp_path, checker=fast_checker()) == 0
    assert capsys.readouterr().out.startswith("linkcheck: skipped: no host could be reached (offline?)")
    assert not report.exists(), "no report, so the weekly workflow cannot mistake a skip for all links working"


def test_a_dead_domain_among_live_hosts_is_broken(tmp_path, server, capsys):
    write_page(tmp_path, f"[ok]({server}/ok)\n[dead](https://linkcheck-test-dead.invalid/page)\n")
    assert linkcheck.main([], root=tmp_path, checker=fast_checker()) == 1
    assert capsys.readouterr().out == (
        "docs/concepts/page.md:2: broken link: https://linkcheck-test-dead.invalid/page (DNS failure)\n")


def test_requests_to_one_host_are_spaced_but_other_hosts_wait_for_nothing():
    limiter = linkcheck.HostLimiter(per_host=1, interval=0.5)
    starts = []

    def request(host):
        limiter.acquire(host)
        starts.append((host, time.monotonic()))
        limiter.release(host)

    threads = [threading.Thread(target=request, args=(host,)) for host in ["a", "a", "a", "b"]]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    a_starts = sorted(t for host, t in starts if host == "a")
    assert all(later - earlier >= 0.45 for earlier, later in zip(a_starts, a_starts[1:]))
    assert next(t for host, t in starts if host == "b") - began < 0.4, "host b waited for host a's spacing"


def test_retry_after_reads_seconds_and_http_dates():
    assert linkcheck.retry_after("3") == 3.0
    assert linkcheck.retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert linkcheck.retry_after(None) is None and linkcheck.retry_after("soon") is None
