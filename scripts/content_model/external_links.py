"""External links a reader can follow and a robot can check: one canonical form per kind of link.

https only; a DOI as https://doi.org/10.x/...; an arXiv paper as its abstract page https://arxiv.org/abs/NNNN.NNNNN
(no version, no PDF); no tracking parameters; and one link text for one URL across the whole site.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from .links import find_links, is_external

_LOOPBACK = {"localhost", "127.0.0.1", "[::1]"}  # a local dev server has no certificate
_DOI_HOSTS = {"doi.org", "dx.doi.org", "www.doi.org"}
_CANONICAL_DOI = re.compile(r"^https://doi\.org/10\.\d{4,9}/\S+$")
_ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org"}
# New-style ids (2007 on) and old-style ones such as cs/0102003; never a version suffix such as v2.
_CANONICAL_ARXIV = re.compile(r"^https://arxiv\.org/abs/(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$")
_ARXIV_ID = re.compile(r"(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?(\.pdf)?")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|"
                       r"_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|trk|ref_src|spm)$", re.I)
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")


@dataclass(frozen=True)
class ExternalLink:
    line: int
    text: str
    url: str


def external_links(markdown: str, page: str, first_line: int = 1) -> list[ExternalLink]:
    """Inline links and <autolinks> to http(s) URLs, outside code."""
    found = [ExternalLink(link.line, " ".join(link.text.split()), link.target)
             for link in find_links(markdown, page, first_line)
             if is_external(link.target) and link.target.lower().startswith(("http:", "https:"))]
    in_fence = False
    for offset, line in enumerate(markdown.splitlines()):
        if re.match(r"^\s*(```|~~~)", line):
            in_fence = not in_fence
        elif not in_fence:
            found += [ExternalLink(first_line + offset, url, url)
                      for url in _AUTOLINK.findall(re.sub(r"`[^`]*`", "", line))]
    return found


def url_problems(url: str) -> list[str]:
    """What is wrong with one URL, each with the fix."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    problems = []
    if parts.scheme != "https" and host not in _LOOPBACK:
        problems.append(f"{url} is not https (link the https:// address)")
    if host in _DOI_HOSTS and not _CANONICAL_DOI.match(url):
        doi = re.search(r"10\.\d{4,9}/\S+", parts.path + (f"?{parts.query}" if parts.query else ""))
        fix = f"https://doi.org/{doi.group(0)}" if doi else "https://doi.org/10.xxxx/..."
        problems.append(f"{url} is not a canonical DOI link (write {fix})")
    if host in _ARXIV_HOSTS and not _CANONICAL_ARXIV.match(url):
        arxiv_id = _ARXIV_ID.search(parts.path)
        fix = f"https://arxiv.org/abs/{arxiv_id.group(1)}" if arxiv_id else "https://arxiv.org/abs/NNNN.NNNNN"
        problems.append(f"{url} is not an arXiv abstract link (write {fix}: the abstract page, no version, no PDF)")
    tracking = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if _TRACKING.match(key)})
    if tracking:
        problems.append(f"{url} carries tracking parameters {', '.join(tracking)} (remove them)")
    return problems


def text_conflicts(links: list[tuple[str, ExternalLink]]) -> list[tuple[str, int, str]]:
    """(path, line, message) for every link whose text differs from the first link to the same URL.

    `links` is (path, link) in reading order: the site's first use of a URL sets its text.
    """
    first: dict[str, tuple[str, ExternalLink]] = {}
    problems = []
    for path, link in links:
        if link.url not in first:
            first[link.url] = (path, link)
            continue
        first_path, first_link = first[link.url]
        if link.text != first_link.text:
            problems.append((path, link.line, f"{link.url} is linked as \"{link.text}\" here but as "
                                              f"\"{first_link.text}\" at {first_path}:{first_link.line} "
                                              "(use one link text for one URL across the site)"))
    return problems
