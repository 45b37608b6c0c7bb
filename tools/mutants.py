"""Mutation testing of the waiting core (``taskstatus._waiting``) against its fast unit tests.

``nox -s mutants`` runs this.  mutmut wants the package under ``src/``, so the package and the
tests are copied into a scratch folder (``.mutants/``, ignored by git) and mutmut runs there.
The score it prints leaves out, by one stated rule, the mutants that change only what is
logged: every mutant whose changed lines all lie inside a ``log.<level>(...)`` call.  Every
other surviving mutant is listed with its diff.  ``--keep`` reuses the scratch folder (mutmut
then retests only what changed); ``--min-score`` (default 95) sets the exit code.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutants"
CORE = "src/taskstatus/_waiting"
# Each pass mutates part of the waiting core against the fast unit tests that hold it: the
# flows and the Board on fake clocks (the schedule's slow property tests left out: every
# delay they bound is also pinned exactly in test_flows), and a wait's watch (stop signal,
# trace, done callback) over MockTransport.
PASSES = {
    "flows": ([f"{CORE}/*"], [f"{CORE}/watch.py"],
              ["tests/facade/test_flows.py", "tests/facade/test_schedule.py", "-k",
               "not detection_lag and not lag_bound and not never_overshot"]),
    "watch": ([f"{CORE}/watch.py"], [],
              ["tests/facade/test_flows.py", "tests/facade/test_tracing.py",
               "tests/facade/test_callbacks.py", "tests/facade/test_stopping.py"]),
}  # fmt: skip


def config(only: list[str], skip: list[str], tests: list[str]) -> str:
    return f"""
[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers -p no:cacheprovider"
xfail_strict = true
markers = ["slow: runs a generator or a server; seconds, not milliseconds"]

[tool.mutmut]
source_paths = ["src/taskstatus"]
only_mutate = {only!r}
do_not_mutate = {skip!r}
pytest_add_cli_args_test_selection = {tests!r}
""".replace("'", '"')


def prepare(work: Path, text: str, keep: bool) -> None:
    if work.exists() and not keep:
        shutil.rmtree(work)
    (work / "src").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "overlay" / "taskstatus", work / "src" / "taskstatus",
                    dirs_exist_ok=True)  # fmt: skip
    shutil.copytree(ROOT / "tests", work / "tests", dirs_exist_ok=True)
    (work / "pyproject.toml").write_text(text, encoding="utf-8")


def mutmut(work: Path, *args: str) -> str:
    mutmut_bin = shutil.which("mutmut") or "mutmut"
    done = subprocess.run(  # noqa: S603 - our own mutmut, in our own scratch folder
        [mutmut_bin, *args], cwd=work, capture_output=True, text=True, check=False
    )
    return done.stdout


def log_lines() -> set[str]:
    """Every source line that lies inside a ``log.<level>(...)`` call of the core."""
    found: set[str] = set()
    for path in (ROOT / "overlay" / "taskstatus" / "_waiting").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Attribute) and _is_log(func.value):
                end = node.end_lineno or node.lineno
                found.update(line.strip() for line in lines[node.lineno - 1 : end])
    return found


def _is_log(value: ast.expr) -> bool:
    return (isinstance(value, ast.Name) and value.id == "log") or (
        isinstance(value, ast.Attribute) and value.attr == "log"
    )


def changed_lines(diff: str) -> list[str]:
    """The original lines a mutant changes (its diff's removed lines)."""
    return [line[1:].strip() for line in diff.splitlines()
            if line[:1] == "-" and not line.startswith("---")]  # fmt: skip


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--min-score", type=float, default=95.0)
    args = parser.parse_args(argv)
    os.environ["TASKSTATUS_SCHEDULE_EXAMPLES"] = "30"  # the property tests, 30 examples each
    results: list[tuple[str, str, Path]] = []
    for name, (only, skip, tests) in PASSES.items():
        work = WORK / name
        prepare(work, config(only, skip, tests), args.keep)
        print(f"mutmut pass {name!r} in {work.relative_to(ROOT)}: {', '.join(only)} against "
              f"{' '.join(tests)}", flush=True)  # fmt: skip
        subprocess.run([shutil.which("mutmut") or "mutmut", "run", "--max-children", "2"],  # noqa: S603
                       cwd=work, check=False, stdout=subprocess.DEVNULL)  # fmt: skip
        found = re.findall(r"^\s*([\w.]+__mutmut_\d+): (\w[\w ]*)$",
                           mutmut(work, "results", "--all", "true"), re.M)  # fmt: skip
        results += [(m, r, work) for m, r in found]
    logged = log_lines()
    counts: dict[str, int] = {}
    survivors: list[tuple[str, str]] = []
    log_only = 0
    for name, result, work in results:
        if result in ("survived", "no tests"):
            diff = mutmut(work, "show", name)
            changed = changed_lines(diff)
            if changed and all(line in logged for line in changed):
                log_only += 1
                continue
            survivors.append((name, diff))
        counts[result] = counts.get(result, 0) + 1
    counted = sum(counts.values())
    killed = counted - len(survivors)
    score = 100.0 * killed / counted if counted else 0.0
    for name, diff in survivors:
        print(f"\n--- survived: {name}\n{diff.strip()}")
    print(f"\nmutants: {len(results)}; changing only what is logged (left out): {log_only}")
    print("results of the rest: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(f"killed {killed} of {counted} that change behaviour: {score:.1f} % "
          f"(at least {args.min_score:g} % needed)")  # fmt: skip
    return 0 if score >= args.min_score else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
