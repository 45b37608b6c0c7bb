"""Parts 2 and 5: watch 10,000 Shannon tasks at once to completion; ours beside the baselines.

Durations are spread uniformly over 0.1-30 s (seeded).  The fake server runs in one process;
each contender runs in a fresh process of its own, so CPU and memory are its alone:

- taskstatus: ``AsyncShannon`` and ``as_completed_async`` with their defaults;
- shannon-sdk: ``AsyncShannonClient.wait()`` (2 s poll) for every task under ``asyncio.gather``;
- raw loops, 2 s poll, as people write them: one ``httpx.AsyncClient`` under ``gather``; the
  same with a semaphore bounding requests in flight to 64; httpx over the ``httpx-aiohttp``
  transport with that semaphore; and the floor under all of them, a bare
  ``aiohttp.ClientSession`` GET + ``json.loads`` with that semaphore.

Our CPU per status request is held to the bare aiohttp loop's (<= 1.5x) and to the
httpx-aiohttp loop's (<= 1.1x); CPU per task seen to its end is shown beside each raw loop
with the requests per task and the median lag each bought (our schedule polls more often
than their fixed 2 s early on, and sees tasks end sooner).

A contender gets ``CAP`` seconds; tasks it has not seen end by then count as unfinished.
Usage: ``python benchmarks/fanout.py [TASKS] [CAP] [CONTENDER,...]``.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from _harness import HERE, ServerProcess, emit, peak_rss_mb, row, rss_mb

POLL = 2.0  # the baselines' fixed poll interval
TERMINAL = {"TASK_STATUS_COMPLETED", "TASK_STATUS_FAILED", "TASK_STATUS_CANCELLED",
            "TASK_STATUS_TIMEOUT"}  # fmt: skip
CONTENDERS = ("taskstatus", "shannon-sdk", "httpx loop", "httpx loop + semaphore",
              "httpx-aiohttp loop + semaphore", "bare aiohttp loop + semaphore")  # fmt: skip
HTTPX_AIOHTTP, BARE = CONTENDERS[4], CONTENDERS[5]
TARGETS = {BARE: 1.5, HTTPX_AIOHTTP: 1.1}  # our CPU per request, at most this many times theirs
MEMORY_TARGET = 30.0  # MB of RSS growth while watching
RAW = CONTENDERS[2:]


# --- the contenders (each runs in a child process) ------------------------------------------
Watch = Callable[[list[str], Callable[[], None]], Awaitable[int]]


def _ours(url: str, key: str) -> Watch:
    import taskstatus

    client = taskstatus.AsyncShannon(api_key=key, base_url=url)

    async def watch(ids: list[str], seen: Callable[[], None]) -> int:
        errors = 0
        async with client:
            async for handle in taskstatus.as_completed_async([client.task(i) for i in ids]):
                try:
                    await handle.wait()
                except taskstatus.TaskStatusError:
                    errors += 1
                else:
                    seen()
        return errors

    return watch


def _sdk(url: str, key: str) -> Watch:
    from shannon import AsyncShannonClient

    client = AsyncShannonClient(base_url=url, api_key=key)

    async def watch(ids: list[str], seen: Callable[[], None]) -> int:
        async def one(task_id: str) -> None:
            await client.wait(task_id)
            seen()

        async with client:
            results = await asyncio.gather(*(one(i) for i in ids), return_exceptions=True)
        return sum(isinstance(r, BaseException) for r in results)

    return watch


def _raw(url: str, key: str, bounded: bool, aiohttp: bool) -> Watch:
    import httpx

    transport = None
    if aiohttp:
        import httpx_aiohttp

        transport = httpx_aiohttp.AiohttpTransport()
    client = httpx.AsyncClient(base_url=url, headers={"x-api-key": key}, transport=transport)
    gate = asyncio.Semaphore(64) if bounded else None

    async def get(task_id: str) -> Any:
        if gate is None:
            return (await client.get(f"/api/v1/tasks/{task_id}")).json()
        async with gate:
            return (await client.get(f"/api/v1/tasks/{task_id}")).json()

    async def watch(ids: list[str], seen: Callable[[], None]) -> int:
        errors = 0

        async def one(task_id: str) -> None:
            nonlocal errors
            while True:
                try:
                    if (await get(task_id))["status"] in TERMINAL:
                        seen()
                        return
                except httpx.HTTPError:
                    errors += 1
                await asyncio.sleep(POLL)

        async with client:
            await asyncio.gather(*(one(i) for i in ids))
        return errors

    return watch


def _bare(url: str, key: str) -> Watch:
    import aiohttp

    gate = asyncio.Semaphore(64)

    async def watch(ids: list[str], seen: Callable[[], None]) -> int:
        errors = 0
        async with aiohttp.ClientSession(headers={"x-api-key": key}) as session:

            async def one(task_id: str) -> None:
                nonlocal errors
                while True:
                    try:
                        async with gate, session.get(f"{url}/api/v1/tasks/{task_id}") as got:
                            body = json.loads(await got.read())
                        if body["status"] in TERMINAL:
                            seen()
                            return
                    except (aiohttp.ClientError, TimeoutError):
                        errors += 1
                    await asyncio.sleep(POLL)

            await asyncio.gather(*(one(i) for i in ids))
        return errors

    return watch


MAKERS: dict[str, Callable[[str, str], Watch]] = {
    "taskstatus": _ours,
    "shannon-sdk": _sdk,
    "httpx loop": lambda u, k: _raw(u, k, bounded=False, aiohttp=False),
    "httpx loop + semaphore": lambda u, k: _raw(u, k, bounded=True, aiohttp=False),
    "httpx-aiohttp loop + semaphore": lambda u, k: _raw(u, k, bounded=True, aiohttp=True),
    "bare aiohttp loop + semaphore": _bare,
}


def child(name: str) -> int:
    """Run one contender: read the batch from stdin, watch it, print the figures.

    The cap is kept by a watchdog thread, not by the event loop: a contender whose loop is
    starved (httpx's pool under thousands of waiters) would never notice an asyncio timeout.
    """
    setup = json.loads(sys.stdin.readline())
    watch = MAKERS[name](setup["url"], setup["key"])
    print("ready", flush=True)
    batch = json.loads(sys.stdin.readline())
    detected: list[float] = []
    reported = threading.Lock()
    base = rss_mb()
    cpu0 = time.process_time()

    def report(errors: int | None, capped: bool) -> None:
        if not reported.acquire(blocking=False):
            return
        print(json.dumps({"detected": list(detected), "cpu": time.process_time() - cpu0,
                          "errors": errors, "capped": capped,
                          "rss_growth": peak_rss_mb() - base}), flush=True)  # fmt: skip
        if capped:
            os._exit(0)  # the loop may be beyond cancelling; the figures are out

    watchdog = threading.Timer(batch["cap"], report, (None, True))
    watchdog.daemon = True
    watchdog.start()
    errors = asyncio.run(watch(batch["ids"], lambda: detected.append(time.monotonic())))
    watchdog.cancel()
    report(errors, False)
    return 0


# --- the orchestrator ------------------------------------------------------------------------
def run_one(server: ServerProcess, name: str, durations: list[float], cap: float) -> dict[str, Any]:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "fanout.py"), "--child", name],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    if proc.stdin is None or proc.stdout is None:
        raise RuntimeError(f"{name}: no pipes")
    proc.stdin.write(json.dumps({"url": server.urls["shannon"], "key": server.key}) + "\n")
    proc.stdin.flush()
    if proc.stdout.readline().strip() != "ready":
        raise RuntimeError(f"{name} did not start")
    before = server.requests("shannon")
    ids, created = server.add("shannon", "task", durations)
    proc.stdin.write(json.dumps({"ids": [i[0] for i in ids], "cap": cap}) + "\n")
    proc.stdin.flush()
    result = json.loads(proc.stdout.readline())
    proc.wait(timeout=60)
    start = min(created)
    ends = sorted(c + d for c, d in zip(created, durations, strict=True))
    detected = sorted(result["detected"])
    lags = [d - e for d, e in zip(detected, ends, strict=False)]  # k-th seen vs k-th to end
    requests = server.requests("shannon") - before
    finished = len(detected)
    return {
        "name": name,
        "ideal": ends[-1] - start,
        "wall": detected[-1] - start if len(detected) == len(durations) else float("nan"),
        "finished": finished,
        "tasks": len(durations),
        "errors": result["errors"],
        "capped": result["capped"],
        "cpu": result["cpu"],
        "requests": requests,
        "cpu_per_request_ms": result["cpu"] / requests * 1000 if requests else float("nan"),
        "requests_per_task": requests / len(durations),
        # per task seen to its end: CPU spent on waits that never ended bought nothing
        "cpu_per_task_ms": result["cpu"] / finished * 1000 if finished else float("inf"),
        "median_lag": statistics.median(lags) if lags else float("nan"),
        "rss_growth": result["rss_growth"],
    }


def table(runs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    ours = runs["taskstatus"]
    n = ours["tasks"]
    part = f"2. fan-out: {n:,} tasks, 0.1-30 s, async"
    rows = []
    for name, other in runs.items():
        if name == "taskstatus":
            continue
        note = f"{other['finished']:,}/{n:,} seen done" + (
            f" in the {other['cap']:.0f} s cap" if other["capped"] else ""
        )
        if other["errors"]:
            note += f", {other['errors']:,} errors"
        if not other["requests"]:
            note += "; not one request reached the server (see README: Performance)"
        rows.append(row(part, "wall to see every task end", ours["wall"], name, other["wall"],
                        unit="s", note=note))  # fmt: skip
        target = TARGETS.get(name) if other["finished"] == n else None
        mine, theirs = ours["cpu_per_request_ms"], other["cpu_per_request_ms"]
        rows.append(row(part, "client CPU per status request", mine, name, theirs, unit="ms",
                        target=f"<= {target:g}x" if target else "",
                        met=mine <= target * theirs if target else None))  # fmt: skip
        rows.append(row(part, "requests per task", ours["requests_per_task"], name,
                        other["requests_per_task"], unit=""))  # fmt: skip
        rows.append(row(part, "median detection lag", ours["median_lag"], name,
                        other["median_lag"], unit="s"))  # fmt: skip
        rows.append(row(part, "client CPU per task seen to its end", ours["cpu_per_task_ms"], name,
                        other["cpu_per_task_ms"], unit="ms",
                        target=">= 10x less" if name == "shannon-sdk" else "",
                        met=other["cpu_per_task_ms"] >= 10 * ours["cpu_per_task_ms"]
                        if name == "shannon-sdk" else None,
                        note="the schedule's trade: more requests, less lag"
                        if name in TARGETS else ""))  # fmt: skip
    bound = ours["ideal"] * 1.1 + POLL
    rows.append(row(part, "wall vs ideal (last task's end)", ours["wall"], "ideal",
                    ours["ideal"], unit="s", target=f"<= ideal +10% + {POLL:g} s",
                    met=ours["wall"] <= bound,
                    note=f"{ours['finished']:,}/{n:,} seen done, {ours['errors']} errors, "
                         f"median lag {ours['median_lag']:.2f} s"))  # fmt: skip
    peak = ours["rss_growth"]
    rows.append(row(f"5. memory: {n:,} tasks", "RSS growth while watching", peak, "target",
                    MEMORY_TARGET, unit="MB", target=f"<= {MEMORY_TARGET:g} MB",
                    met=peak <= MEMORY_TARGET))  # fmt: skip
    if BARE in runs:
        rows.append(row(f"5. memory: {n:,} tasks", "RSS growth while watching",
                        peak, BARE, runs[BARE]["rss_growth"], unit="MB"))  # fmt: skip
    return rows


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        return child(sys.argv[2])
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    cap = float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    rng = random.Random(20261123)
    durations = [0.1 + 29.9 * rng.random() for _ in range(n)]
    chosen = sys.argv[3].split(",") if len(sys.argv) > 3 else CONTENDERS
    runs = {}
    with ServerProcess() as server:
        for name in chosen:
            runs[name] = run_one(server, name, durations, cap) | {"cap": cap}
            r = runs[name]
            print(f"  {name}: wall {r['wall']:.1f} s (ideal {r['ideal']:.1f}), "
                  f"{r['finished']}/{n} done, {r['requests']} requests, CPU {r['cpu']:.1f} s",
                  file=sys.stderr, flush=True)  # fmt: skip
    emit(table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
