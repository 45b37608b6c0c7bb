"""Has a vendor changed its published spec?  ``nox -s spec_drift`` (a scheduled CI job).

``python specs/drift.py [NAME ...] [--skip NAME] [--timeout SECONDS]`` fetches the ``url`` that
``specs/upstream/MANIFEST.json`` records for every upstream file (or for the vendors or files
named), compares the bytes with the vendored file and, for each that changed, prints the
classified change report ``update_spec --check`` would print.  It writes nothing.

Exit status: 0 when every published spec is the vendored one, 1 when any changed (drift), 2 when
none changed but some could not be checked (unreachable, an HTTP error, not an OpenAPI
document).  A file without a published URL is listed and skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any

import update


def _selected(entry: dict[str, Any], names: list[str], skip: list[str]) -> bool:
    keys = {entry["file"], entry["vendor"]}
    return (not names or bool(keys & set(names))) and not keys & set(skip)


def check_one(entry: dict[str, Any], timeout: float) -> tuple[str, str]:
    """(outcome, text): outcome is ``same``, ``drift``, ``unchecked`` or ``no url``."""
    name, url = entry["file"], entry.get("url")
    if not url:
        return "no url", f"{name}: no published URL ({entry.get('url_note', '')}): not checked\n"
    try:
        content = update.fetch(url, timeout)
        update.parse(name, content)
    except update.UpdateError as exc:
        return "unchecked", f"{name}: cannot check: {exc}\n"
    if hashlib.sha256(content).hexdigest() == entry["sha256"]:
        return "same", f"{name}: unchanged at {url}\n"
    head = f"{name}: DRIFT: {url} is not the vendored file\n"
    try:
        text, _ = update.update(name, url, check=True, reviewed=False, content=content)
    except update.UpdateError as exc:
        return "drift", f"{head}update_spec would fail:\n{exc}\n"
    return "drift", head + text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="vendors or upstream files (default: all)")
    parser.add_argument("--skip", action="append", default=[], help="a vendor or file to skip")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per fetch")
    args = parser.parse_args(argv)
    manifest = json.loads(update.MANIFEST.read_text(encoding="utf-8"))
    outcomes = []
    for entry in manifest["files"]:
        if not _selected(entry, args.names, args.skip):
            continue
        outcome, text = check_one(entry, args.timeout)
        outcomes.append((outcome, entry["file"]))
        print(text, end="", flush=True)
    drifted = [f for o, f in outcomes if o == "drift"]
    unchecked = [f for o, f in outcomes if o == "unchecked"]
    if drifted:
        print(f"\nspec_drift: changed upstream: {', '.join(drifted)}; take each in with "
              "`nox -s update_spec -- NAME` (README: When a vendor changes its spec)")  # fmt: skip
    if unchecked:
        print(f"spec_drift: could not check: {', '.join(unchecked)}")
    if not drifted and not unchecked:
        print("spec_drift: every published spec checked is the vendored one")
    return 1 if drifted else 2 if unchecked else 0


if __name__ == "__main__":
    sys.exit(main())
