"""Every workflow of the project is a session here.  `nox` alone runs what a commit must pass."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["specs_check", "check_generated", "lint", "typecheck", "tests", "package"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
GENERATED_PACKAGES = [
    "truebit_client",
    "anchorbrowser_client",
    "shannon_client",
    "browseract_client",
]


def _debian_package(session: nox.Session, package: str, *commands: str) -> None:
    """Install Debian's ``package`` where none of ``commands`` is on PATH (root, apt), or say
    what is needed."""
    import os
    import shutil

    if any(shutil.which(command) for command in commands):
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        session.error(f"{commands[0]} is needed: install Debian's {package} package")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-q", env=env, external=True)
    session.run("apt-get", "install", "-y", "-q", package, env=env, external=True)


def _redis_server(session: nox.Session) -> None:
    """tests/celery and the Celery bench start Debian's redis-server on loopback."""
    _debian_package(session, "redis-server", "redis-server")


def _rabbitmq_server(session: nox.Session) -> None:
    """tests/celery and the Celery bench also run on Debian's rabbitmq-server on loopback."""
    _debian_package(session, "rabbitmq-server", "rabbitmq-server")


def _chromium(session: nox.Session) -> None:
    """tests/docs opens every page of the docs site in Debian's headless Chromium."""
    _debian_package(session, "chromium", "chromium", "chromium-browser")


def _install(session: nox.Session, *groups: str, project: bool = False) -> None:
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))
    if project:
        session.install("-e", ".[testing]")


@nox.session
def specs(session: nox.Session) -> None:
    """Build the effective specs from specs/upstream + specs/amendments (and validate them);
    `-- --refingerprint` records the fingerprints of reviewed amendment actions."""
    _install(session, "codegen")
    session.run("python", "specs/build.py", *session.posargs)


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
def update_spec(session: nox.Session) -> None:
    """Take a vendor's new spec and report what changed: `-- VENDOR [SOURCE] [--check]
    [--reviewed]` (specs/update.py; SOURCE defaults to the manifest's published URL)."""
    _install(session, "codegen")
    session.run("python", "specs/update.py", *session.posargs)


@nox.session
def spec_drift(session: nox.Session) -> None:
    """Fetch every published spec in specs/upstream/MANIFEST.json and print the classified report
    of each that changed; writes nothing; exit 1 on drift, 2 if one could not be checked
    (specs/drift.py; `-- --skip shannon`, `-- VENDOR`).  A scheduled CI job: see the README."""
    _install(session, "codegen")
    session.run("python", "specs/drift.py", *session.posargs)


@nox.session
def check_generated(session: nox.Session) -> None:
    """Regenerate into a temporary folder and fail on any byte of difference from generated/."""
    _install(session, "codegen")
    session.run("python", "specs/generate.py", "--check")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check on the handwritten code; the blocking twins are
    what tools/unasync.py writes from the asyncio sources; the layers contract holds
    (import-linter, configured in pyproject.toml); CHANGELOG.md's versions against the bumps
    their entries require (specs/changelog.py)."""
    _install(session, "lint")
    session.install("--no-deps", "-e", ".")  # import-linter reads the installed package
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("python", "tools/unasync.py", "--check")
    session.run("lint-imports")
    session.run("python", "specs/changelog.py", "--check")


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
def docs(session: nox.Session) -> None:
    """The docs site (mkdocs-material: guides, the API reference from the docstrings) into
    site/, strict; tests/docs opens every page in headless Chromium."""
    _install(session, "docs", project=True)
    session.run("mkdocs", "build", "--strict", "--site-dir", "site", *session.posargs)


@nox.session
def package(session: nox.Session) -> None:
    """Build the sdist and wheel; install the wheel into a fresh virtualenv outside the
    repository; run the demo and the import-and-type smoke test (tests/package/smoke.py) there."""
    import shutil
    import tempfile
    from pathlib import Path

    _install(session, "package")
    outside = Path(tempfile.mkdtemp(prefix="taskstatus-package-"))
    try:
        dist = outside / "dist"
        session.run("python", "-m", "build", "--outdir", str(dist), ".")
        session.run("python", "tests/package/check_dist.py", str(dist))
        wheel = next(dist.glob("taskstatus-*.whl"))
        venv = outside / "venv"
        session.run("python", "-m", "venv", str(venv))
        python = str(venv / "bin" / "python")
        session.run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    f"{wheel}[testing]", "mypy==2.4.1", external=True)  # fmt: skip
        smoke = outside / "smoke.py"
        shutil.copy("tests/package/smoke.py", smoke)
        with session.chdir(outside):
            session.run(python, str(smoke), external=True)
            session.run(python, "-m", "mypy", "--strict", "--no-incremental", str(smoke),
                        external=True)  # fmt: skip
            session.run(str(venv / "bin" / "taskstatus"), "demo", "--plain", external=True)
    finally:
        shutil.rmtree(outside, ignore_errors=True)


@nox.session
def bench(session: nox.Session) -> None:
    """Every benchmark, one table (benchmarks/run.py; `-- --quick` for 1,000 tasks)."""
    _redis_server(session)
    _rabbitmq_server(session)
    _install(session, "bench", project=True)
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session
def bench_against(session: nox.Session) -> None:
    """The hot path now beside an earlier revision's, in one run: `-- REV [TASKS] [ROUNDS]`
    (benchmarks/before_after.py: sync status() CPU per call, many-wait CPU per request)."""
    _install(session, "bench", project=True)
    session.run("python", "benchmarks/before_after.py", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (2,000 generated bodies per response schema when CI is set); the
    docs site is built and opened in headless Chromium (tests/docs)."""
    _redis_server(session)
    _rabbitmq_server(session)
    _chromium(session)
    _install(session, "test", project=True)
    session.run("pytest", *session.posargs)


@nox.session
def mutants(session: nox.Session) -> None:
    """Mutation testing (mutmut) of the waiting core against its fast unit tests; prints the
    score (mutants that change only what is logged left out) and every survivor; fails under
    95 % (tools/mutants.py; `-- --keep` retests only what changed).  Not part of `nox`."""
    _install(session, "mutants", project=True)
    session.run("python", "tools/mutants.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Over 100,000 generated bodies through the facade (7,200 per response schema)."""
    _install(session, "test", project=True)
    session.run(
        "pytest", "tests/hostile/test_fuzz_bodies.py", "-q", *session.posargs,
        env={"TASKSTATUS_FUZZ_EXAMPLES": "7200"},
    )  # fmt: skip


@nox.session
def lock(session: nox.Session) -> None:
    """Write requirements.lock: every package the project and its tests install, pinned."""
    _install(session, "test", project=True)
    frozen = session.run("pip", "freeze", "--exclude-editable", silent=True)
    assert isinstance(frozen, str)
    with open("requirements.lock", "w", encoding="utf-8") as lock_file:
        lock_file.write("# Written by `nox -s lock`; audited by `nox -s security`.\n" + frozen)


@nox.session
def security(session: nox.Session) -> None:
    """bandit on the facade; pip-audit on requirements.lock (--strict: a package it cannot
    check fails the session rather than passing unaudited)."""
    session.install("bandit==1.9.4", "pip-audit==2.10.1")
    session.run("bandit", "-q", "-r", "overlay/", "-c", "pyproject.toml")
    session.run("pip-audit", "--strict", "--no-deps", "--disable-pip", "-r", "requirements.lock")
