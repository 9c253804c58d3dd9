#!/usr/bin/env python3
"""How much the handbook's build costs over Material's own: our strict build against a bare Material build of the
same docs (no overrides, no hooks, no notebooks; the same Markdown extensions, only the search plugin).

    python scripts/build_ratio.py [--runs 7]

Both are warm (notebook outputs cached by mkdocs-jupyter, pruned notebook theme and notebook search entries cached
under .cache/handbook/): one unmeasured build of each first, then RUNS pairs, ours then bare, so a machine that
slows down during the measurement slows both sides of a pair alike. CPU time (user + system, the child processes
Node's KaTeX renderer included) and wall time are read per build; the report gives the median of the pairwise ratios.
The target (issue 18) is 2x or less. Not part of `make test`: on a shared machine the figures need several pairs.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.0


def bare_config(site_dir: Path) -> str:
    """mkdocs.yml without what the handbook adds to Material: overrides, hooks and the notebook plugin."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  custom_dir: overrides\n", "")
    text = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", text)
    text = re.sub(r"\n  - mkdocs-jupyter:\n(      .*\n|        .*\n)+", "\n", text)
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)
    if "custom_dir:" in text or "\nhooks:" in text or "- mkdocs-jupyter" in text:
        raise SystemExit("scripts/build_ratio.py: mkdocs.yml changed shape; update bare_config()")
    return f"docs_dir: {ROOT / 'docs'}\nsite_dir: {site_dir}\n" + text


def timed(command: list[str]) -> tuple[float, float]:
    """(CPU seconds of the command's processes, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="measured pairs (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "bare.yml"
        config.write_text(bare_config(Path(scratch) / "bare-site"), encoding="utf-8")
        ours = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(Path(scratch) / "site")]
        bare = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
        timed(ours), timed(bare)  # warm-up: caches filled, files in the page cache
        pairs = []
        for run in range(1, args.runs + 1):
            pairs.append((timed(ours), timed(bare)))
            (cpu_a, wall_a), (cpu_b, wall_b) = pairs[-1]
            print(f"  pair {run}: ours {cpu_a:.2f} s CPU ({wall_a:.2f} s wall), bare {cpu_b:.2f} s CPU "
                  f"({wall_b:.2f} s wall)", file=sys.stderr)
    cpu_ratio = statistics.median(a[0] / b[0] for a, b in pairs)
    wall_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
    print(f"Strict build {statistics.median(a[0] for a, _ in pairs):.2f} s CPU, bare Material "
          f"{statistics.median(b[0] for _, b in pairs):.2f} s CPU (medians of {args.runs} pairs).")
    print(f"Ratio, median of the pairs: {cpu_ratio:.2f}x CPU, {wall_ratio:.2f}x wall (target {TARGET:.0f}x or less).")
    return 0 if cpu_ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
