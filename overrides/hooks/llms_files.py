"""Write llms.txt and llms-full.txt into the built site from the navigation, in reading order (scripts/llms_txt.py
does the formatting; this module only gathers MkDocs' pages)."""
from __future__ import annotations

from pathlib import Path

import llms_txt


def write(nav, config) -> None:
    site = config.site_url or "/"
    pages = []
    for page in nav.pages:
        source = Path(config.docs_dir) / page.file.src_uri
        markdown = source.read_text(encoding="utf-8") if source.suffix == ".md" else ""
        section = page.ancestors[-1].title if page.ancestors else "Start here"
        pages.append(llms_txt.Page(section, page.title or page.file.src_uri, site + page.url,
                                   (page.meta or {}).get("summary", ""), markdown))
    out = Path(config.site_dir)
    (out / "llms.txt").write_text(llms_txt.index(config.site_name, config.site_description or "", pages), encoding="utf-8")
    (out / "llms-full.txt").write_text(llms_txt.full_text(config.site_name, [p for p in pages if p.markdown]),
                                       encoding="utf-8")
