"""CHANGELOG.md: the entry a spec update adds, the version bump entries require, and the check.

Versions follow semver.  An entry that starts with ``**Breaking**`` is breaking.  Before 1.0 a
release with a breaking entry bumps the minor, any other the patch; from 1.0 on a breaking entry
bumps the major, an entry under ``### Added`` or a spec update the minor, anything else the patch.

``python specs/changelog.py --check`` (in ``nox -s lint``) fails when a release's version (the
heading ``## X.Y.Z (date)``, or ``## X.Y.Z (unreleased)``) is not the previous release's version
bumped as its entries require, when ``taskstatus.__version__`` is not the newest version, or when
a spec update's ``**Breaking**`` mark disagrees with its classified changes.
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
VERSION_FILE = ROOT / "overlay" / "taskstatus" / "__init__.py"
HEADING = re.compile(r"^## (?:(?P<version>\d+\.\d+\.\d+)(?: \((?P<note>[^)]*)\))?|Unreleased)\s*$")
BREAKING_MARK = "**Breaking**"
SPEC_UPDATE = re.compile(r"^(\*\*Breaking\*\* )?[Ss]pec update, ")
RULE_0X = "before 1.0 a breaking change bumps the minor, anything else the patch"


@dataclass
class Release:
    """One ``## `` section: its version (None for ``## Unreleased``) and its entries."""

    line: int
    version: str | None
    unreleased: bool
    entries: list[tuple[str, str]] = field(default_factory=list)  # (### section, entry text)

    @property
    def title(self) -> str:
        return self.version or "Unreleased"


def parse(text: str) -> list[Release]:
    """The releases of a changelog, newest first, with their top-level entries."""
    releases: list[Release] = []
    section = ""
    for number, line in enumerate(text.splitlines()):
        match = HEADING.match(line)
        if match:
            note = (match.group("note") or "").lower()
            unreleased = match.group("version") is None or note == "unreleased"
            releases.append(Release(number, match.group("version"), unreleased))
            section = ""
        elif not releases:
            continue
        elif line.startswith("### "):
            section = line[4:].strip()
        elif line.startswith("- "):
            releases[-1].entries.append((section, line[2:]))
        elif line.startswith("  ") and releases[-1].entries:
            last_section, last = releases[-1].entries[-1]
            releases[-1].entries[-1] = (last_section, f"{last}\n{line}")
    return releases


def is_breaking(entry: str) -> bool:
    return entry.startswith(BREAKING_MARK)


def _is_feature(section: str, entry: str) -> bool:
    return section == "Added" or bool(SPEC_UPDATE.match(entry))


def _triple(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(p) for p in version.split("."))
    return major, minor, patch


def bump(previous: str, breaking: bool, feature: bool) -> tuple[str, str]:
    """(the part bumped, the version it gives) after ``previous``."""
    major, minor, patch = _triple(previous)
    if major == 0:
        return ("minor", f"0.{minor + 1}.0") if breaking else ("patch", f"0.{minor}.{patch + 1}")
    if breaking:
        return "major", f"{major + 1}.0.0"
    if feature:
        return "minor", f"{major}.{minor + 1}.0"
    return "patch", f"{major}.{minor}.{patch + 1}"


def required(previous: str, entries: list[tuple[str, str]]) -> tuple[str, str]:
    breaking = any(is_breaking(e) for _, e in entries)
    return bump(previous, breaking, any(_is_feature(s, e) for s, e in entries))


def last_release(releases: list[Release]) -> str | None:
    return next((r.version for r in releases if r.version and not r.unreleased), None)


def _spec_update_problems(release: Release) -> list[str]:
    problems = []
    for _, entry in release.entries:
        if not SPEC_UPDATE.match(entry):
            continue
        classified = "clients: breaking" in entry or "facade: breaking" in entry
        if classified != is_breaking(entry):
            head = entry.splitlines()[0][:90]
            want = "starts" if classified else "does not start"
            problems.append(
                f"{release.title}: the spec update {head!r} has breaking changes only if it "
                f"starts with {BREAKING_MARK}: make it one that {want} with it"
            )
    return problems


def check(text: str, version: str | None = None) -> list[str]:
    """Every way the changelog's versions disagree with its entries (empty when they agree)."""
    releases = parse(text)
    problems = []
    versioned = [r for r in releases if r.version]
    for release, previous in itertools.pairwise(versioned):
        part, wanted = required(str(previous.version), release.entries)
        if release.version != wanted:
            breaking = any(is_breaking(e) for _, e in release.entries)
            reason = "a breaking entry" if breaking else "no breaking entry"
            problems.append(
                f"{release.title} (line {release.line + 1}) follows {previous.version} and has "
                f"{reason}: its version must be {wanted} (a {part} bump; {RULE_0X})"
            )
    for release in releases:
        problems += _spec_update_problems(release)
    if version is not None and versioned and versioned[0].version != version:
        problems.append(
            f"taskstatus.__version__ is {version} but the newest version in CHANGELOG.md is "
            f"{versioned[0].version}"
        )
    return problems


def package_version(path: Path = VERSION_FILE) -> str | None:
    if not path.exists():
        return None
    match = re.search(r'^__version__ = "([^"]+)"', path.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


def add_entry(text: str, entry: str) -> str:
    """``text`` with ``entry`` (a markdown list item) added under the Unreleased section's
    ``### Spec updates``; the section, or the subsection, is made when missing."""
    lines = text.splitlines()
    releases = parse(text)
    open_release = next((r for r in releases if r.unreleased), None)
    if open_release is None:
        at = releases[0].line if releases else len(lines)
        lines[at:at] = ["## Unreleased", ""]
        text = "\n".join(lines) + "\n"
        lines, releases = text.splitlines(), parse(text)
        open_release = releases[0]
    end = next((r.line for r in releases if r.line > open_release.line), len(lines))
    start = open_release.line + 1
    sub = next((i for i in range(start, end) if lines[i].strip() == "### Spec updates"), None)
    new = entry.rstrip("\n").splitlines()
    if sub is None:
        at = end
        while at > start and not lines[at - 1].strip():
            at -= 1
        lines[at:at] = ["", "### Spec updates", "", *new]
    else:
        at = next((i for i in range(sub + 1, end) if lines[i].startswith("#")), end)
        while at > sub + 1 and not lines[at - 1].strip():
            at -= 1
        lines[at:at] = new
    return "\n".join(lines) + "\n"


def bump_note(text: str, breaking: bool) -> str:
    """What version the Unreleased section needs once a (breaking or not) entry is in it."""
    releases = parse(text)
    previous = last_release(releases)
    open_release = next((r for r in releases if r.unreleased), None)
    entries = open_release.entries if open_release else []
    if previous is None:
        return "version: CHANGELOG.md records no release yet; nothing to bump from"
    part, wanted = required(previous, entries)
    kind = "is breaking" if breaking else "breaks nothing"
    head = (
        f"version: this update {kind}; with the Unreleased entries the next release needs a "
        f"{part} bump (semver; {RULE_0X}): {previous} -> {wanted}"
    )
    if open_release is None or open_release.version is None:
        return f"{head}; name the release {wanted}"
    if open_release.version == wanted:
        return f"{head}; the Unreleased section is {wanted} already"
    return (
        f"{head}; the Unreleased section says {open_release.version}: make it {wanted} "
        "(and taskstatus.__version__; `nox -s lint` fails until then)"
    )


def spec_update_entry(entry: dict[str, Any], reports: list[Any]) -> str:
    """The CHANGELOG.md item for one vendored upstream file and the change reports it gave."""
    changes = [change for r in reports for change in r.changes]
    levels = {a: [getattr(c, a).level for c in changes] for a in ("clients", "facade")}
    breaking = any("breaking" in found for found in levels.values())
    head = (
        f"- {BREAKING_MARK + ' s' if breaking else 'S'}pec update, {entry['vendor']}: "
        f"`{entry['file']}` sha256 `{entry['sha256']}` from {entry['source']}, vendored "
        f"{entry['vendored']}."
    )
    if not changes:
        return f"{head} No change to the effective specs.\n"
    verdicts = "; ".join(
        f"users of the {name}: {_worst(levels[a])}"
        for a, name in (("clients", "generated clients"), ("facade", "facade"))
    )
    lines = [f"{head} {len(changes)} change(s); {verdicts}."]
    for report in reports:
        lines += [
            f"  - {report.vendor}: `{c.text}`: clients: {c.clients}; facade: {c.facade}"
            for c in report.changes
        ]
    return "\n".join(lines) + "\n"


def _worst(levels: list[str]) -> str:
    order = ("compatible", "warning", "breaking")
    return max(levels, key=order.index, default="compatible")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args != ["--check"]:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(CHANGELOG.read_text(encoding="utf-8"), package_version())
    for problem in problems:
        print(f"changelog: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
