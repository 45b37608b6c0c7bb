"""Shared test helpers: paths of the repository's folders."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
DATA = Path(__file__).resolve().parent / "data"

# specs/build.py and specs/generate.py are scripts; the tests import them as modules.
if str(SPECS) not in sys.path:
    sys.path.insert(0, str(SPECS))

# Generated bodies that went through the facade in this run (tests/hostile/test_fuzz_bodies.py).
FUZZ_COUNT = [0]


def pytest_terminal_summary(terminalreporter: object) -> None:
    if FUZZ_COUNT[0]:
        terminalreporter.write_line(  # type: ignore[attr-defined]
            f"fuzz: {FUZZ_COUNT[0]:,} generated bodies went through the facade"
        )
