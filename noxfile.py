"""Every workflow of the project is a session here.  `nox` alone runs what a commit must pass."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["specs_check", "check_generated", "lint", "typecheck", "tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
GENERATED_PACKAGES = [
    "truebit_client",
    "anchorbrowser_client",
    "shannon_client",
    "browseract_client",
]


def _install(session: nox.Session, *groups: str, project: bool = False) -> None:
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))
    if project:
        session.install("-e", ".[testing]")


@nox.session
def specs(session: nox.Session) -> None:
    """Build the effective specs from specs/upstream + specs/amendments (and validate them)."""
    _install(session, "codegen")
    session.run("python", "specs/build.py")


@nox.session
def specs_check(session: nox.Session) -> None:
    """Fail if the committed effective specs are not what upstream + amendments build."""
    _install(session, "codegen")
    session.run("python", "specs/build.py", "--check")


@nox.session
def generate(session: nox.Session) -> None:
    """Rebuild the effective specs, then regenerate every client into generated/."""
    _install(session, "codegen")
    session.run("python", "specs/build.py")
    session.run("python", "specs/generate.py")


@nox.session
def check_generated(session: nox.Session) -> None:
    """Regenerate into a temporary folder and fail on any byte of difference from generated/."""
    _install(session, "codegen")
    session.run("python", "specs/generate.py", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check on the handwritten code."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the facade and on every generated client."""
    _install(session, "typecheck", project=True)
    session.run("mypy", "--strict", "overlay/taskstatus")
    for package in GENERATED_PACKAGES:
        session.run("mypy", "--strict", f"generated/{package}")


@nox.session
def demo(session: nox.Session) -> None:
    """Install taskstatus with its fakes and watch a scripted batch of tasks (the main job)."""
    session.install("-e", ".[testing]")
    session.run("taskstatus", "demo", *session.posargs, external=False)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite."""
    _install(session, "test", project=True)
    session.run("pytest", *session.posargs)
