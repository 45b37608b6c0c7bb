"""The hot path now beside the same code at an earlier revision, in one run.

``nox -s bench_against -- REV [TASKS] [ROUNDS]``: the facade of git revision REV is unpacked
into a temporary folder and imported from there (``PYTHONPATH``) by child processes, and the
working tree's facade by others, against the same fake vendors in one more process:

- one sync ``status()`` call (Shannon, AnchorBrowser): CPU per call, median of ROUNDS rounds
  of 300 calls each, the two versions alternating round by round;
- the async many-wait (``as_completed_async``, defaults) over TASKS Shannon tasks of 0.1-10 s:
  CPU per status request and per task seen to its end, requests per task, median lag (the
  fan-out part's contender, run once per version, alternating, ROUNDS // 2 times, medians).

Each row holds the working tree's figure against REV's (the baseline) with the ratio.
"""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Any

from _harness import HERE, ServerProcess, emit, row

CALLS = 300
ROOT = HERE.parent


def unpack(rev: str, into: Path) -> Path:
    """REV's ``overlay/`` in ``into``; the folder to put on PYTHONPATH."""
    archive = subprocess.run(
        [shutil.which("git") or "git", "archive", rev, "overlay"], cwd=ROOT, check=True,
        capture_output=True,
    ).stdout  # fmt: skip
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "overlay"


def calls_child(vendor: str, url: str, key: str, ids: list[str]) -> int:
    """Print the CPU seconds of CALLS status() calls (after a warm-up)."""
    import taskstatus

    cls = {"shannon": taskstatus.Shannon, "anchorbrowser": taskstatus.AnchorBrowser}[vendor]
    client = cls(api_key=key, base_url=url)
    handle = client.task(*ids)
    for _ in range(30):
        handle.status()
    gc.collect()
    cpu = time.process_time()
    for _ in range(CALLS):
        handle.status()
    print(json.dumps({"cpu": time.process_time() - cpu, "module": taskstatus.__file__}))
    return 0


def with_path(path: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if path is None:
        env.pop("PYTHONPATH", None)
    else:
        env["PYTHONPATH"] = str(path)
    return env


def per_call(server: ServerProcess, old: Path, rounds: int) -> list[dict[str, Any]]:
    ((shannon_id,),), _ = server.add("shannon", "task", [1e6])
    ((task_id, execution_id),), _ = server.add("anchorbrowser", "execution", [1e6])
    plan = {"shannon": [shannon_id], "anchorbrowser": [task_id, execution_id]}
    rows = []
    for vendor, ids in plan.items():
        cpu: dict[str, list[float]] = {"after": [], "before": []}
        for _ in range(rounds):
            for version, path in (("after", None), ("before", old)):
                done = subprocess.run(
                    [sys.executable, __file__, "--calls", vendor, server.urls[vendor],
                     server.key, *ids],
                    check=True, capture_output=True, text=True, env=with_path(path), cwd=HERE,
                )  # fmt: skip
                found = json.loads(done.stdout.strip().splitlines()[-1])
                expected = str(old) if path is not None else str(ROOT / "overlay")
                if not found["module"].startswith(expected):
                    raise RuntimeError(f"{version} imported {found['module']}")
                cpu[version].append(found["cpu"] / CALLS * 1e6)
        rows.append(row(
            "0. before/after: one call", f"sync status() CPU per call, {vendor}",
            statistics.median(cpu["after"]), "the same at the earlier revision",
            statistics.median(cpu["before"]), unit="us",
            note=f"median of {rounds} rounds of {CALLS}",
        ))  # fmt: skip
    return rows


def many(server: ServerProcess, old: Path, tasks: int, rounds: int) -> list[dict[str, Any]]:
    import fanout

    rng = random.Random(7)
    runs: dict[str, list[dict[str, Any]]] = {"after": [], "before": []}
    saved = os.environ.get("PYTHONPATH")
    try:
        for _ in range(max(1, rounds // 2)):
            for version, path in (("after", None), ("before", old)):
                os.environ.clear()
                os.environ.update(with_path(path))
                durations = [rng.uniform(0.1, 10.0) for _ in range(tasks)]
                runs[version].append(fanout.run_one(server, "taskstatus", durations, 60.0))
    finally:
        os.environ.pop("PYTHONPATH", None)
        if saved is not None:
            os.environ["PYTHONPATH"] = saved

    def med(version: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[version])

    part = f"0. before/after: as_completed_async, {tasks:,} tasks of 0.1-10 s"
    rows = []
    for key, measure, unit in (
        ("cpu_per_request_ms", "CPU per status request", "ms"),
        ("cpu_per_task_ms", "CPU per task seen to its end", "ms"),
        ("requests_per_task", "requests per task", ""),
        ("median_lag", "median detection lag", "s"),
    ):
        rows.append(row(part, measure, med("after", key), "the same at the earlier revision",
                        med("before", key), unit=unit))  # fmt: skip
    return rows


def main() -> int:
    if sys.argv[1:2] == ["--calls"]:
        return calls_child(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    rev = sys.argv[1] if len(sys.argv) > 1 else "HEAD~1"
    tasks = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 6
    with tempfile.TemporaryDirectory(prefix="taskstatus-before-") as scratch:
        old = unpack(rev, Path(scratch))
        with ServerProcess() as server:
            rows = per_call(server, old, rounds) + many(server, old, tasks, rounds)
    for r in rows:
        ratio = r["ours"] / r["base"] if r["base"] else float("nan")
        print(f"  {r['part']}: {r['measure']}: now {r['ours']:.4g} {r['unit']}, at {rev} "
              f"{r['base']:.4g} {r['unit']} ({ratio:.3f}x)", file=sys.stderr)  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
