"""Typed end to end: user-style scripts and the README's code blocks pass ``mypy --strict``
against the installed package, and the calls the types must refuse are refused, each on the
line that says so (tests/typing/refused.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
ERROR = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): error: (?P<text>.*)$")


def _readme_blocks(out: Path) -> list[Path]:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 6
    files = []
    for number, block in enumerate(blocks, start=1):
        path = out / f"readme_block_{number}.py"
        path.write_text(block)
        files.append(path)
    return files


def _mypy(files: list[Path], cache: Path) -> dict[str, list[tuple[int, str]]]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary",
               "--cache-dir", str(cache), *map(str, files)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600,
                          cwd=files[0].parent)  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr
    errors: dict[str, list[tuple[int, str]]] = {}
    for line in done.stdout.splitlines():
        found = ERROR.match(line)
        if found:
            name = Path(found["file"]).name
            errors.setdefault(name, []).append((int(found["line"]), found["text"]))
    return errors


def test_user_scripts_and_readme_blocks_type_check_and_refusals_are_refused(
    tmp_path: Path,
) -> None:
    scripts = [HERE / "user_sync.py", HERE / "user_async.py", HERE / "refused.py"]
    work = tmp_path / "work"
    work.mkdir()
    copies = []
    for script in scripts:
        copy = work / script.name
        copy.write_text(script.read_text())
        copies.append(copy)
    errors = _mypy([*copies, *_readme_blocks(work)], tmp_path / "cache")

    refused_source = (HERE / "refused.py").read_text().splitlines()
    expected = {n for n, line in enumerate(refused_source, start=1) if "# refused:" in line}
    assert len(expected) >= 8
    got = {line for line, _ in errors.pop("refused.py", [])}
    assert got == expected, f"refused at {sorted(got)}, expected {sorted(expected)}"
    assert errors == {}, "\n".join(f"{f}:{n}: {t}" for f, es in errors.items() for n, t in es)
