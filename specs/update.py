"""Take a vendor's new spec: vendor it, rebuild, regenerate, and report what changed.

``python specs/update.py VENDOR [SOURCE] [--check] [--reviewed]`` (``nox -s update_spec -- ...``)

1. reads SOURCE (a file path or an http(s) URL; by default the ``url`` that
   ``specs/upstream/MANIFEST.json`` records for the vendor's file) and keeps its bytes exactly;
2. records its sha256, the date and the source in the manifest;
3. builds every effective spec (``build.py``; an amendment that upstream changed under fails
   here, saying what changed) and regenerates the clients whose spec changed (``generate.py``);
4. prints the change report (``report.py``): each change classified breaking, warning or
   compatible for users of the generated clients and of the facade, marked where the facade
   depends on it; fails, naming the facade kind and the ways out, when an operation a kind
   calls is gone (``dependencies.py``);
5. adds an entry under Unreleased in CHANGELOG.md and prints the version bump it implies
   (``changelog.py``).

Everything happens in a temporary folder; the tree is touched only when all of it succeeded, and
then every file is swapped in at once, so on any failure the tree is exactly as before.
``--check`` stops before the swap: it reports and writes nothing.  ``--reviewed`` records new
fingerprints for amendment actions upstream changed under, once you have reviewed them.
VENDOR is a vendor name, or an upstream file's name when a vendor has several (Truebit).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import build
import changelog
import changes
import dependencies
import generate
import report

SPECS = Path(__file__).resolve().parent
ROOT = SPECS.parent
UPSTREAM = SPECS / "upstream"
MANIFEST = UPSTREAM / "MANIFEST.json"
CHANGELOG = ROOT / "CHANGELOG.md"
FETCH_TIMEOUT = 60.0


class UpdateError(Exception):
    """The update cannot be made; nothing was written."""


def _entry(manifest: dict[str, Any], vendor: str) -> dict[str, Any]:
    entries = manifest["files"]
    by_file = [e for e in entries if e["file"] == vendor]
    by_vendor = [e for e in entries if e["vendor"] == vendor]
    if by_file:
        return by_file[0]  # type: ignore[no-any-return]
    if len(by_vendor) == 1:
        return by_vendor[0]  # type: ignore[no-any-return]
    if by_vendor:
        names = ", ".join(e["file"] for e in by_vendor)
        raise UpdateError(f"{vendor} has several upstream files; name one instead: {names}")
    known = sorted({e["vendor"] for e in entries})
    raise UpdateError(f"unknown vendor {vendor!r}; known: {', '.join(known)}")


def fetch(source: str, timeout: float = FETCH_TIMEOUT) -> bytes:
    """The bytes at SOURCE: an http(s) URL (redirects followed, any non-2xx refused) or a file."""
    if source.startswith(("http://", "https://")):
        import httpx

        try:
            answer = httpx.get(source, follow_redirects=True, timeout=timeout)
        except httpx.HTTPError as exc:
            raise UpdateError(f"cannot fetch {source}: {type(exc).__name__}: {exc}") from exc
        if not answer.is_success:
            raise UpdateError(f"cannot fetch {source}: HTTP {answer.status_code}")
        return answer.content
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise UpdateError(f"cannot read {source}: {exc}") from exc


def parse(name: str, content: bytes) -> dict[str, Any]:
    try:
        text = content.decode("utf-8")
        doc = json.loads(text) if name.endswith(".json") else build.load_yaml(text)
    except Exception as exc:  # JSON, YAML and UTF-8 errors share no base class
        raise UpdateError(f"the new {name} does not parse: {type(exc).__name__}: {exc}") from exc
    if not isinstance(doc, dict) or not ({"openapi", "paths"} & doc.keys()):
        raise UpdateError(f"the new {name} is not an OpenAPI document")
    return doc


def _stage(tmp: Path) -> Path:
    stage = tmp / "specs"
    for part in ("upstream", "amendments", "effective"):
        shutil.copytree(SPECS / part, stage / part)
    return stage


def update(vendor: str, source: str | None, check: bool, reviewed: bool,
           content: bytes | None = None) -> tuple[str, bool]:  # fmt: skip
    """Make the update (or, with ``check``, only report it); return (report text, changed).
    ``content``: the new file's bytes, already fetched from ``source``."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    entry = _entry(manifest, vendor)
    source = source or entry.get("url")
    if not source:
        raise UpdateError(
            f"{entry['file']}: no published URL is recorded ({entry.get('url_note', '')}); "
            "give SOURCE, a file or an http(s) URL"
        )
    content = fetch(source) if content is None else content
    parse(entry["file"], content)
    old_bytes = (UPSTREAM / entry["file"]).read_bytes()
    with tempfile.TemporaryDirectory(dir=ROOT, prefix=".update-spec-") as tmp:
        stage = _stage(Path(tmp))
        (stage / "upstream" / entry["file"]).write_bytes(content)
        entry.update(
            sha256=hashlib.sha256(content).hexdigest(),
            vendored=datetime.date.today().isoformat(),
            source=source,
        )
        (stage / "upstream" / "MANIFEST.json").write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        uses = report.load_uses()
        rebuilt = _rebuild(stage, reviewed, uses)
        reports, changed_specs = [], []
        for name, text in rebuilt.items():
            committed = SPECS / "effective" / f"{name}.openapi.json"
            if committed.read_text(encoding="utf-8") == text:
                continue
            changed_specs.append(name)
            old_doc, new_doc = json.loads(committed.read_text(encoding="utf-8")), json.loads(text)
            found = report.compare(name, old_doc, new_doc, uses.get(name))
            lost = dependencies.lost(name, uses.get(name) or {}, old_doc, new_effective=new_doc)
            if lost:
                raise UpdateError(found.text() + "\n".join(lost))
            reports.append(found)
        reviewed_files = [
            a.name
            for a in sorted((stage / "amendments").glob("*.yaml"))
            if a.read_bytes() != (SPECS / "amendments" / a.name).read_bytes()
        ]
        summary = _summary(entry, old_bytes == content, changed_specs, reviewed_files)
        text = "\n".join([summary, *(r.text() for r in reports)])
        logged, note = _changelog(entry, old_bytes == content, reports, Path(tmp))
        text += note
        if check:
            return text + "\n--check: nothing was written\n", bool(changed_specs)
        packages = _regenerate(stage, changed_specs, Path(tmp) / "generated")
        pairs = [(stage / "upstream" / entry["file"], UPSTREAM / entry["file"]),
                 (stage / "upstream" / "MANIFEST.json", MANIFEST)]  # fmt: skip
        pairs += [(stage / "amendments" / n, SPECS / "amendments" / n) for n in reviewed_files]
        pairs += [
            (stage / "effective" / f"{n}.openapi.json", SPECS / "effective" / f"{n}.openapi.json")
            for n in changed_specs
        ]
        pairs += [(p, generate.GENERATED / p.name) for p in packages]
        if logged is not None:
            pairs.append((logged, CHANGELOG))
        generate.replace_paths(pairs)
    return text + "\nwritten: review `git diff`, run `nox`, commit\n", bool(changed_specs)


def _changelog(entry: dict[str, Any], same: bool, reports: list[changes.Report],
               tmp: Path) -> tuple[Path | None, str]:  # fmt: skip
    """The new CHANGELOG.md, staged in ``tmp`` (None when the bytes are the same), and what to
    print: the entry and the version bump it implies."""
    if same:
        return None, "\nCHANGELOG.md: no entry (the same bytes as the vendored file)\n"
    try:
        old = CHANGELOG.read_text(encoding="utf-8")
    except OSError as exc:
        raise UpdateError(f"cannot read {CHANGELOG.name}: {exc}") from exc
    item = changelog.spec_update_entry(entry, reports)
    new = changelog.add_entry(old, item)
    staged = tmp / "CHANGELOG.md"
    staged.write_text(new, encoding="utf-8")
    note = changelog.bump_note(new, changelog.is_breaking(item[2:]))
    return staged, f"\nCHANGELOG.md, under Unreleased:\n{item}{note}\n"


def _rebuild(stage: Path, reviewed: bool, uses: dict[str, Any]) -> dict[str, str]:
    """Every effective spec from the staged upstream and amendments, by vendor, as text."""
    built = {}
    for amendment in sorted((stage / "amendments").glob("*.yaml")):
        try:
            name, doc = build.build(amendment, stage / "upstream", UPSTREAM, reviewed)
            build.validate(name, doc)
        except build.AmendmentError as exc:
            vendor = amendment.stem
            committed = json.loads(
                (SPECS / "effective" / f"{vendor}.openapi.json").read_text(encoding="utf-8")
            )
            docs = dependencies.upstream_docs(amendment, stage / "upstream")
            lost = dependencies.lost(vendor, uses.get(vendor) or {}, committed, new_upstream=docs)
            raise UpdateError("\n".join([str(exc), *lost])) from exc
        built[name] = build.render(doc)
    for name, text in built.items():
        (stage / "effective" / f"{name}.openapi.json").write_text(text, encoding="utf-8")
    return built


def _regenerate(stage: Path, vendors: list[str], out: Path) -> list[Path]:
    try:
        return [
            generate.generate_one(stage / "effective" / f"{name}.openapi.json", out)
            for name in vendors
        ]
    except generate.GenerationError as exc:
        raise UpdateError(f"generation failed: {exc}") from exc


def _summary(entry: dict[str, Any], same: bool, specs: list[str], reviewed: list[str]) -> str:
    lines = [f"{entry['file']}: sha256 {entry['sha256']} from {entry['source']}"]
    if same:
        lines.append("  the same bytes as the vendored file")
    if reviewed:
        lines.append(f"  new fingerprints recorded (--reviewed) in {', '.join(reviewed)}")
    if not specs:
        lines.append("  no effective spec changes")
    else:
        lines.append(f"  effective specs that change: {', '.join(specs)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vendor", help="vendor name, or an upstream file's name")
    parser.add_argument("source", nargs="?", help="file path or http(s) URL of the new spec")
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    parser.add_argument(
        "--reviewed", action="store_true", help="record new fingerprints of reviewed amendments"
    )
    args = parser.parse_args(argv)
    try:
        text, _ = update(args.vendor, args.source, args.check, args.reviewed)
    except UpdateError as exc:
        print(f"update_spec: {exc}\nnothing was written", file=sys.stderr)
        return 1
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
