"""Part 1: the cost of one status call (keep-alive), ours beside the bare libraries underneath.

Against the fakes in another process, one long-running task per vendor (Truebit's API task,
AnchorBrowser's v1 execution, Shannon's task, BrowserAct's task), the request each contender
sends being the one our adapter builds:

- sync ``status()`` beside raw httpx (``Client.get`` + ``.json()``, the target's baseline) and
  the floor under it, the standard library's ``http.client`` on one keep-alive connection +
  ``json.loads``; the vendors' SDKs where they have one (Shannon, AnchorBrowser);
- async ``status()`` beside raw httpx over httpx-aiohttp (``AsyncClient.get`` + ``.json()``,
  the target's baseline) and the floor, a bare ``aiohttp.ClientSession`` GET + ``json.loads``.

Each contender makes ``CALLS`` calls per round; rounds are interleaved (A B C A B C ...) so
that drift on the machine hits all alike, each starts after a ``gc.collect()``, and the median
round counts.  CPU is this process's own (the server's is not in it).  Also the CPU to read one
answer (the generated model and the adapter) beside ``json.loads`` of the same bytes.
Usage: ``python benchmarks/status_call.py [CALLS] [ROUNDS]``.
"""

from __future__ import annotations

import asyncio
import gc
import http.client
import json
import statistics
import sys
import time
import timeit
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import taskstatus
from _harness import ServerProcess, emit, row

TARGET = 1.05
SYNC = "1. one status call (sync)"
ASYNC = "1. one status call (async)"
RAW_SYNC = "raw httpx GET + json"
RAW_ASYNC = "raw httpx-aiohttp GET + json"
# vendor -> (fake's kind, handle maker's name, the adapter module's kind)
VENDORS = {
    "Truebit": ("api", "api_task", "API"),
    "AnchorBrowser": ("execution", "task", "EXECUTION"),
    "Shannon": ("task", "task", "TASK"),
    "BrowserAct": ("task", "task", "TASK"),
}


class Target:
    """One long-running task of a vendor: its ids, URL, auth header and request path."""

    def __init__(self, server: ServerProcess, vendor: str) -> None:
        import importlib

        fake_kind, self.maker, kind_name = VENDORS[vendor]
        module = importlib.import_module(f"taskstatus._vendors.{vendor.lower()}")
        (ids,), _ = server.add(vendor.lower(), fake_kind, [1e6])
        self.ids = tuple(ids)
        self.url = server.urls[vendor.lower()]
        self.key = server.key
        adapter = module.VENDOR
        self.headers = {adapter.auth_header: f"{adapter.auth_prefix}{server.key}"}
        request = getattr(module, kind_name).status_request(self.ids)
        query = "?" + urllib.parse.urlencode(request.params) if request.params else ""
        self.path = request.path + query
        self.cls = getattr(taskstatus, vendor)
        self.async_cls = getattr(taskstatus, "Async" + vendor)

    def handle(self, client: Any) -> Any:
        return getattr(client, self.maker)(*self.ids)


def sync_contenders(server: ServerProcess, vendor: str) -> dict[str, Callable[[], Any]]:
    """contender -> one call; every client is made (and warmed) here."""
    t = Target(server, vendor)
    raw = httpx.Client(base_url=t.url, headers=t.headers)
    parts = urllib.parse.urlsplit(t.url)
    stdlib = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
    path, headers = parts.path.rstrip("/") + t.path, t.headers

    def bare() -> Any:
        stdlib.request("GET", path, headers=headers)
        return json.loads(stdlib.getresponse().read())

    calls: dict[str, Callable[[], Any]] = {
        RAW_SYNC: lambda: raw.get(t.path).json(),
        "taskstatus": t.handle(t.cls(api_key=t.key, base_url=t.url)).status,
        "stdlib http.client keep-alive GET + json": bare,
    }
    if vendor == "Shannon":
        import shannon

        sdk = shannon.ShannonClient(base_url=t.url, api_key=t.key)
        calls["shannon-sdk get_status"] = lambda: sdk.get_status(t.ids[0])
    if vendor == "AnchorBrowser":
        import anchorbrowser

        anchor = anchorbrowser.Anchorbrowser(api_key=t.key, base_url=t.url)
        calls["anchorbrowser tasks_legacy.get_task_execution"] = lambda: (
            anchor.tasks_legacy.get_task_execution(*t.ids)
        )
    return calls


async def async_contenders(
    server: ServerProcess, vendor: str
) -> tuple[dict[str, Callable[[], Awaitable[Any]]], Callable[[], Awaitable[None]]]:
    """contender -> one call (made in the running loop), and what closes them all."""
    import aiohttp
    import httpx_aiohttp

    t = Target(server, vendor)
    raw = httpx.AsyncClient(
        base_url=t.url, headers=t.headers, transport=httpx_aiohttp.AiohttpTransport()
    )
    session = aiohttp.ClientSession(headers=t.headers)
    ours = t.async_cls(api_key=t.key, base_url=t.url)
    url = t.url + t.path

    async def raw_call() -> Any:
        return (await raw.get(t.path)).json()

    async def bare() -> Any:
        async with session.get(url) as response:
            return json.loads(await response.read())

    async def close() -> None:
        await raw.aclose()
        await session.close()
        await ours.aclose()

    calls: dict[str, Callable[[], Awaitable[Any]]] = {
        RAW_ASYNC: raw_call,
        "taskstatus": t.handle(ours).status,
        "bare aiohttp GET + json": bare,
    }
    return calls, close


def interleaved(
    names: list[str], timed_round: Callable[[str], tuple[float, float]], rounds: int
) -> dict[str, tuple[float, float]]:
    cpu: dict[str, list[float]] = {name: [] for name in names}
    wall: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        for name in names:
            gc.collect()  # no contender pays for another's garbage
            c, w = timed_round(name)
            cpu[name].append(c)
            wall[name].append(w)
    return {name: (statistics.median(cpu[name]), statistics.median(wall[name])) for name in names}


def measure_sync(
    calls: dict[str, Callable[[], Any]], n: int, rounds: int
) -> dict[str, tuple[float, float]]:
    """contender -> (median CPU ms per call, median wall ms per call)."""
    for call in calls.values():  # warm up: connections, caches, lazy imports
        for _ in range(50):
            call()

    def timed_round(name: str) -> tuple[float, float]:
        call = calls[name]
        c0, w0 = time.process_time(), time.perf_counter()
        for _ in range(n):
            call()
        return (time.process_time() - c0) / n * 1000, (time.perf_counter() - w0) / n * 1000

    return interleaved(list(calls), timed_round, rounds)


def measure_async(
    server: ServerProcess, vendor: str, n: int, rounds: int
) -> dict[str, tuple[float, float]]:
    async def run() -> dict[str, tuple[float, float]]:
        calls, close = await async_contenders(server, vendor)
        try:
            for call in calls.values():
                for _ in range(50):
                    await call()
            figures: dict[str, tuple[float, float]] = {}
            cpu: dict[str, list[float]] = {name: [] for name in calls}
            wall: dict[str, list[float]] = {name: [] for name in calls}
            for _ in range(rounds):
                for name, call in calls.items():
                    gc.collect()
                    c0, w0 = time.process_time(), time.perf_counter()
                    for _ in range(n):
                        await call()
                    cpu[name].append((time.process_time() - c0) / n * 1000)
                    wall[name].append((time.perf_counter() - w0) / n * 1000)
            for name in calls:
                figures[name] = (statistics.median(cpu[name]), statistics.median(wall[name]))
            return figures
        finally:
            await close()

    return asyncio.run(run())


def rows_of(part: str, vendor: str, figures: dict[str, tuple[float, float]],
            held_to: str) -> list[dict[str, Any]]:  # fmt: skip
    ours_cpu, ours_wall = figures["taskstatus"]
    rows = []
    for name, (cpu, wall) in figures.items():
        if name == "taskstatus":
            continue
        is_target = name == held_to
        floor = "bare" in name or "stdlib" in name
        rows.append(row(part, f"{vendor}: CPU per call", ours_cpu, name, cpu, unit="ms",
                        target=f"<= {TARGET}x {name}" if is_target else "",
                        met=ours_cpu <= TARGET * cpu if is_target else None,
                        note="the floor" if floor else ""))  # fmt: skip
        if is_target:
            rows.append(row(part, f"{vendor}: wall per call", ours_wall, name, wall, unit="ms"))
    return rows


def reading(server: ServerProcess) -> list[dict[str, Any]]:
    """Rows: CPU to read one finished answer into a TaskStatus, beside json.loads alone."""
    import importlib

    rows = []
    for vendor, (fake_kind, _, kind_name) in VENDORS.items():
        module = importlib.import_module(f"taskstatus._vendors.{vendor.lower()}")
        kind = getattr(module, kind_name)
        (ids,), _ = server.add(vendor.lower(), fake_kind, [0.0])
        time.sleep(0.2)  # it has finished: its answer carries output
        t_ids = tuple(ids)
        adapter = module.VENDOR
        request = kind.status_request(t_ids)
        content = httpx.get(
            server.urls[vendor.lower()] + request.path, params=request.params,
            headers={adapter.auth_header: f"{adapter.auth_prefix}{server.key}"},
        ).content  # fmt: skip
        n = 5000

        def best(fn: Callable[[], Any], n: int = n) -> float:
            return min(timeit.repeat(fn, number=n, repeat=7)) / n * 1000

        ours = best(lambda c=content, k=kind, i=t_ids: k.parse_status(json.loads(c), i))
        base = best(lambda c=content: json.loads(c))
        rows.append(row(SYNC, f"{vendor}: CPU to read one answer", ours, "json.loads alone",
                        base, unit="ms"))  # fmt: skip
    return rows


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    rows = []
    with ServerProcess() as server:
        for vendor in VENDORS:
            rows += rows_of(SYNC, vendor, measure_sync(sync_contenders(server, vendor), n,
                                                       rounds), RAW_SYNC)  # fmt: skip
        rows += reading(server)  # part 1 (sync) rows together, then the async ones
        for vendor in VENDORS:
            rows += rows_of(ASYNC, vendor, measure_async(server, vendor, n, rounds), RAW_ASYNC)
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
