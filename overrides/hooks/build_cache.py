"""Remember the output of a slow, pure build step between builds, keyed by its input and by its own code.

Rebuilding the notebooks' search entries (a BeautifulSoup pass over 2 MB of HTML) and pruning their JupyterLab theme
took a second and a half of a warm build, for pages that change only when a notebook does. A result is stored under
.cache/handbook/ as JSON, named by a hash of the step's name, the source of the modules that compute it and its
input: a changed notebook, or a changed step, computes afresh.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")


def cached(cache_dir: Path, step: str, code: list[Path], key: str, compute: Callable[[], T]) -> T:
    """compute(), or the value an identical call stored before. The value must survive a JSON round trip."""
    digest = hashlib.sha256(step.encode())
    for module in code:
        digest.update(module.read_bytes())
    digest.update(key.encode())
    path = cache_dir / f"{step}-{digest.hexdigest()[:40]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    value = compute()
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(value), encoding="utf-8")
    partial.replace(path)  # atomic: a build killed mid-write leaves no half file under the real name
    return value
