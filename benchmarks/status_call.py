"""Part 1: the cost of one status call (sync, keep-alive), ours beside raw httpx and the SDKs.

Against the fakes in another process, one long-running task per endpoint: Shannon's
``GET /api/v1/tasks/{id}`` and AnchorBrowser's ``GET /v1/task/{id}/executions/{id}``.  Each
contender makes ``CALLS`` calls per round; rounds are interleaved (A B C A B C ...) so that
drift on the machine hits all alike, each starts after a ``gc.collect()`` (no contender pays
for another's garbage), and the median round counts.  CPU is this process's own
(the server's is not in it).  Also the CPU to read one answer (the generated model and the
adapter) beside ``json.loads`` of the same bytes, best of repeated runs.
Usage: ``python benchmarks/status_call.py [CALLS] [ROUNDS]``.
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from typing import Any

import httpx
import taskstatus
from _harness import ServerProcess, emit, row

TARGET = 1.15


def contenders(server: ServerProcess) -> dict[str, dict[str, Callable[[], Any]]]:
    """endpoint -> contender -> one call; every client is made (and warmed) here."""
    import anchorbrowser
    import shannon

    ((shannon_id,),), _ = server.add("shannon", "task", [1e6])
    ((task_id, execution_id),), _ = server.add("anchorbrowser", "execution", [1e6])
    key = server.key
    raw_shannon = httpx.Client(base_url=server.urls["shannon"], headers={"x-api-key": key})
    raw_anchor = httpx.Client(
        base_url=server.urls["anchorbrowser"], headers={"anchor-api-key": key}
    )
    ours_shannon = taskstatus.Shannon(api_key=key, base_url=server.urls["shannon"]).task(shannon_id)
    ours_anchor = taskstatus.AnchorBrowser(api_key=key, base_url=server.urls["anchorbrowser"]).task(
        task_id, execution_id
    )
    sdk_shannon = shannon.ShannonClient(base_url=server.urls["shannon"], api_key=key)
    sdk_anchor = anchorbrowser.Anchorbrowser(api_key=key, base_url=server.urls["anchorbrowser"])
    shannon_path = f"/api/v1/tasks/{shannon_id}"
    anchor_path = f"/v1/task/{task_id}/executions/{execution_id}"
    return {
        "Shannon": {
            "raw httpx": lambda: raw_shannon.get(shannon_path).json(),
            "taskstatus": ours_shannon.status,
            "shannon-sdk get_status": lambda: sdk_shannon.get_status(shannon_id),
        },
        "AnchorBrowser": {
            "raw httpx": lambda: raw_anchor.get(anchor_path).json(),
            "taskstatus": ours_anchor.status,
            "anchorbrowser tasks_legacy.get_task_execution": (
                lambda: sdk_anchor.tasks_legacy.get_task_execution(task_id, execution_id)
            ),
        },
    }


def reading(server: ServerProcess) -> list[dict[str, Any]]:
    """Rows: CPU to read one finished answer into a TaskStatus, beside json.loads alone."""
    from taskstatus._vendors import anchorbrowser, shannon

    ((shannon_id,),), _ = server.add("shannon", "task", [0.0])
    ((task_id, execution_id),), _ = server.add("anchorbrowser", "execution", [0.0])
    time.sleep(0.2)  # both have finished: their answers carry output
    cases = {
        "Shannon": (shannon.TASK, (shannon_id,), "x-api-key", f"/api/v1/tasks/{shannon_id}"),
        "AnchorBrowser": (
            anchorbrowser.EXECUTION, (task_id, execution_id), "anchor-api-key",
            f"/v1/task/{task_id}/executions/{execution_id}",
        ),
    }  # fmt: skip
    rows = []
    for endpoint, (kind, ids, header, path) in cases.items():
        vendor = endpoint.lower()
        content = httpx.get(server.urls[vendor] + path, headers={header: server.key}).content
        n = 5000

        def best(fn: Callable[[], Any], n: int = n) -> float:
            return min(timeit.repeat(fn, number=n, repeat=7)) / n * 1000

        ours = best(lambda c=content, k=kind, i=ids: k.parse_status(json.loads(c), i))
        base = best(lambda c=content: json.loads(c))
        rows.append(
            row("1. one status call (sync)", f"{endpoint}: CPU to read one answer",
                ours, "json.loads alone", base, unit="ms")
        )  # fmt: skip
    return rows


def measure(
    calls: dict[str, Callable[[], Any]], n: int, rounds: int
) -> dict[str, tuple[float, float]]:
    """contender -> (median CPU ms per call, median wall ms per call)."""
    for call in calls.values():  # warm up: connections, caches, lazy imports
        for _ in range(50):
            call()
    cpu: dict[str, list[float]] = {name: [] for name in calls}
    wall: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, call in calls.items():
            gc.collect()  # no contender pays for another's garbage
            c0, w0 = time.process_time(), time.perf_counter()
            for _ in range(n):
                call()
            cpu[name].append((time.process_time() - c0) / n * 1000)
            wall[name].append((time.perf_counter() - w0) / n * 1000)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name])) for name in calls}


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    rows = []
    with ServerProcess() as server:
        for endpoint, calls in contenders(server).items():
            figures = measure(calls, n, rounds)
            ours_cpu, ours_wall = figures["taskstatus"]
            for name, (cpu, wall) in figures.items():
                if name == "taskstatus":
                    continue
                is_raw = name == "raw httpx"
                rows.append(
                    row(
                        "1. one status call (sync)",
                        f"{endpoint}: CPU per call",
                        ours_cpu, name, cpu, unit="ms",
                        target=f"<= {TARGET}x raw" if is_raw else "",
                        met=ours_cpu <= TARGET * cpu if is_raw else None,
                    )
                )  # fmt: skip
                rows.append(
                    row("1. one status call (sync)", f"{endpoint}: wall per call",
                        ours_wall, name, wall, unit="ms")
                )  # fmt: skip
        rows += reading(server)
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
