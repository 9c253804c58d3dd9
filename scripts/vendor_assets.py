#!/usr/bin/env python3
"""Vendor the browser libraries the site serves itself (Mermaid, KaTeX), pinned, from the npm registry.

    python scripts/vendor_assets.py fetch   # npm pack the pinned versions, copy the files, write the manifest
    python scripts/vendor_assets.py check   # exit 1 if a vendored file is missing or differs from the manifest

The versions live in scripts/vendor/package.json, where Dependabot finds and bumps them; the files to take from
each package are listed here. The files are committed, so building the site never needs the network; `check` runs
in `make lint`, so a version bump fails until `fetch` has vendored the new files.
"""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR_DIR = ROOT / "docs" / "assets" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"
PACKAGE_JSON = ROOT / "scripts" / "vendor" / "package.json"

# package -> files to take from it, as glob patterns under package/
FILES: dict[str, list[str]] = {
    # The ES module build, split in chunks: a page imports the core and the chunks of its diagram types only (235 KB
    # gzipped for flowcharts and sequence diagrams, against 788 KB for the single-file UMD build).
    # docs/javascripts/mermaid-on-demand.js imports it and hands it to Material as window.mermaid.
    "mermaid": ["dist/mermaid.esm.min.mjs", "dist/chunks/mermaid.esm.min/*.mjs", "LICENSE"],
    "katex": ["dist/katex.min.js", "dist/katex.min.css", "dist/contrib/auto-render.min.js", "dist/fonts/*.woff2",
              "LICENSE"],
}


class PinError(ValueError):
    pass


def pins(package_json: Path | None = None) -> dict[str, tuple[str, list[str]]]:
    """package -> (pinned version from package.json, files to take); an unpinned or unlisted package is an error."""
    package_json = package_json or PACKAGE_JSON
    shown = package_json.relative_to(ROOT) if package_json.is_relative_to(ROOT) else package_json
    versions = json.loads(package_json.read_text(encoding="utf-8")).get("dependencies", {})
    if set(versions) != set(FILES):
        raise PinError(f"{shown}: dependencies {sorted(versions)} must be exactly the vendored packages "
                       f"{sorted(FILES)} (scripts/vendor_assets.py FILES)")
    for package, version in versions.items():
        if not re.fullmatch(r"\d+\.\d+\.\d+", version):
            raise PinError(f"{shown}: {package} must be pinned to an exact version such as 11.12.1 (got {version!r})")
    return {package: (versions[package], patterns) for package, patterns in FILES.items()}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def target_path(package: str, member: str) -> Path:
    # package/dist/fonts/x.woff2 -> vendor/katex/fonts/x.woff2 (the CSS expects fonts/ beside it)
    relative = member.removeprefix("package/").removeprefix("dist/")
    return VENDOR_DIR / package / relative


def fetch() -> int:
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package, (version, patterns) in pins().items():
            spec = f"{package}@{version}"
            result = subprocess.run(["npm", "pack", spec, "--silent"], cwd=tmp, capture_output=True, text=True)
            if result.returncode != 0:
                print(f"vendor_assets: npm pack {spec} failed:\n{result.stderr}", file=sys.stderr)
                return 1
            tarball = Path(tmp) / result.stdout.strip().splitlines()[-1]
            files: dict[str, str] = {}
            with tarfile.open(tarball) as archive:
                for member in archive.getmembers():
                    inner = member.name.removeprefix("package/")
                    if not member.isfile() or not any(fnmatch.fnmatch(inner, p) for p in patterns):
                        continue
                    destination = target_path(package, member.name)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(archive.extractfile(member).read())
                    files[destination.relative_to(VENDOR_DIR).as_posix()] = sha256(destination)
            manifest[package] = {"version": version, "files": dict(sorted(files.items()))}
            print(f"vendored {spec}: {len(files)} files")
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n")
    return 0


def check() -> int:
    if not MANIFEST.exists():
        print(f"{MANIFEST.relative_to(ROOT)}: missing (run: python scripts/vendor_assets.py fetch)", file=sys.stderr)
        return 1
    manifest = json.loads(MANIFEST.read_text())
    problems = []
    for package, (version, _) in pins().items():
        entry = manifest.get(package)
        if entry is None or entry["version"] != version:
            problems.append(f"{package}: manifest has {entry and entry['version']}, pin is {version}")
            continue
        for relative, digest in entry["files"].items():
            path = VENDOR_DIR / relative
            if not path.exists():
                problems.append(f"{path.relative_to(ROOT)}: missing")
            elif sha256(path) != digest:
                problems.append(f"{path.relative_to(ROOT)}: differs from {package}@{version}")
    for problem in problems:
        print(f"vendor_assets: {problem} (run: python scripts/vendor_assets.py fetch)", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["fetch", "check"])
    args = parser.parse_args(argv)
    try:
        return fetch() if args.command == "fetch" else check()
    except PinError as error:
        print(f"vendor_assets: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
