"""CHANGELOG.md: the bump a release's entries require (the lint step), and where update_spec
puts its entry."""

from __future__ import annotations

import subprocess
import sys

import changelog
import pytest

from tests.conftest import ROOT, SPECS

HEAD = "# Changelog\n\nText.\n\n"
OLD = "## 0.1.0 (2026-11-23)\n\nFirst.\n"


def _log(version: str, *entries: str, section: str = "Changed") -> str:
    items = "".join(f"- {e}\n" for e in entries)
    return f"{HEAD}## {version}\n\n### {section}\n\n{items}\n{OLD}"


@pytest.mark.parametrize(
    ("version", "entries", "ok"),
    [
        ("0.2.0 (unreleased)", ["**Breaking** x renamed."], True),
        ("0.1.1 (2026-12-01)", ["**Breaking** x renamed."], False),  # breaking needs the minor
        ("0.1.1 (2026-12-01)", ["y fixed."], True),
        ("0.2.0 (2026-12-01)", ["y fixed."], False),  # 0.x: nothing breaking is a patch
        ("0.1.2 (2026-12-01)", ["y fixed."], False),
    ],
)
def test_a_release_version_must_be_the_bump_its_entries_require(
    version: str, entries: list[str], ok: bool
) -> None:
    problems = changelog.check(_log(version, *entries))
    assert (problems == []) == ok, problems
    if not ok:
        assert "its version must be" in problems[0]
        assert (
            "before 1.0 a breaking change bumps the minor, anything else the patch" in (problems[0])
        )


def test_from_1_0_breaking_bumps_the_major_and_added_the_minor() -> None:
    base = "## 1.0.0 (2026-11-23)\n\nFirst.\n"
    breaking = f"{HEAD}## 1.1.0\n\n### Changed\n\n- **Breaking** z.\n\n{base}"
    assert "must be 2.0.0" in changelog.check(breaking)[0]
    added = f"{HEAD}## 1.1.0\n\n### Added\n\n- w.\n\n{base}"
    assert changelog.check(added) == []
    fixed = f"{HEAD}## 1.1.0\n\n### Fixed\n\n- v.\n\n{base}"
    assert "must be 1.0.1" in changelog.check(fixed)[0]


def test_the_package_version_must_be_the_newest_in_the_changelog() -> None:
    text = _log("0.1.1", "y fixed.")
    assert changelog.check(text, "0.1.1") == []
    assert "__version__ is 0.2.0" in changelog.check(text, "0.2.0")[0]


def test_a_spec_update_marked_otherwise_than_its_changes_fails() -> None:
    unmarked = (
        "Spec update, v: `f` sha256 `1` from u.\n  - v: `x`: clients: breaking (r); facade: c"
    )
    problems = changelog.check(_log("0.1.1", unmarked, section="Spec updates"))
    assert any("starts with **Breaking**" in p for p in problems), problems


def test_the_projects_changelog_passes_and_the_lint_session_runs_the_check() -> None:
    text = (ROOT / "CHANGELOG.md").read_text()
    assert changelog.check(text, changelog.package_version()) == []
    done = subprocess.run([sys.executable, str(SPECS / "changelog.py"), "--check"],
                          capture_output=True, text=True, check=False, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    noxfile = (ROOT / "noxfile.py").read_text()
    lint = noxfile.split("def lint(", 1)[1].split("\n@nox.session", 1)[0]
    assert '"specs/changelog.py", "--check"' in lint


def test_an_entry_goes_under_unreleased_spec_updates_made_when_missing() -> None:
    text = _log("0.2.0 (unreleased)", "**Breaking** x.")
    once = changelog.add_entry(text, "- Spec update, a: one.\n")
    twice = changelog.add_entry(once, "- Spec update, b: two.\n  - detail\n")
    unreleased = twice.split("## 0.1.0", 1)[0]
    assert unreleased.index("### Changed") < unreleased.index("### Spec updates")
    assert "### Spec updates\n\n- Spec update, a: one.\n- Spec update, b: two.\n  - detail\n" in (
        unreleased
    )
    assert twice.endswith(OLD)
    released = changelog.add_entry(f"{HEAD}{OLD}", "- Spec update, a: one.\n")
    assert released.startswith(f"{HEAD}## Unreleased\n\n### Spec updates\n\n- Spec update, a")
    assert released.endswith(OLD)


def test_the_bump_note_states_the_rule_and_what_the_heading_must_say() -> None:
    text = changelog.add_entry(_log("0.1.1 (unreleased)", "y."), "- **Breaking** spec update, a\n")
    note = changelog.bump_note(text, breaking=True)
    assert "a minor bump" in note
    assert "before 1.0 a breaking change bumps the minor, anything else the patch" in note
    assert "0.1.0 -> 0.2.0" in note
    assert "says 0.1.1: make it 0.2.0" in note
    fine = changelog.add_entry(_log("0.1.1 (unreleased)", "y."), "- Spec update, a\n")
    assert "a patch bump" in changelog.bump_note(fine, breaking=False)
    assert "is 0.1.1 already" in changelog.bump_note(fine, breaking=False)
