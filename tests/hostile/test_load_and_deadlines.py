"""Faults under load, stalling servers, cancellation and resources, over real sockets."""

from __future__ import annotations

import asyncio
import gc
import os
import random
import resource
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import taskstatus
from taskstatus import State
from taskstatus.testing import FakeVendors, FaultPlan, Script

from tests.e2e.support import KINDS
from tests.hostile.raw_server import raw_server

SCHEDULE = taskstatus.PollSchedule(
    initial=0.1, factor=1.3, max_interval=0.5, retry_initial=0.1, retry_max=0.5
)


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


HELD: list[socket.socket] = []


def closed_by_client(conn: socket.socket) -> bool:
    conn.setblocking(False)
    try:
        return conn.recv(65536, socket.MSG_PEEK) == b"" or conn.recv(65536) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


@pytest.fixture
def stalling_server() -> Iterator[str]:
    """Accepts connections and never answers (a hung vendor); keeps them in HELD."""
    HELD.clear()
    with raw_server(lambda conn, stop: HELD.append(conn)) as url:
        yield url
    for conn in HELD:
        conn.close()


@pytest.mark.parametrize("timeout", [0.3, 1.0])
def test_sync_wait_returns_within_deadline_against_a_stalled_server(
    stalling_server: str, timeout: float
) -> None:
    with taskstatus.Shannon(api_key="k", base_url=stalling_server, timeout=0.5) as shannon:
        started = time.monotonic()
        with pytest.raises(taskstatus.WaitTimeout):
            shannon.task("task-1").wait(timeout=timeout)
        elapsed = time.monotonic() - started
    assert elapsed <= timeout + 0.5 + 0.5, elapsed  # deadline + one request timeout + scheduling


@pytest.mark.parametrize("timeout", [0.3, 1.0])
def test_async_wait_returns_within_deadline_against_a_stalled_server(
    stalling_server: str, timeout: float
) -> None:
    async def go() -> float:
        async with taskstatus.AsyncShannon(
            api_key="k", base_url=stalling_server, timeout=0.5
        ) as shannon:
            started = time.monotonic()
            with pytest.raises(taskstatus.WaitTimeout):
                await shannon.task("task-1").wait(timeout=timeout)
            return time.monotonic() - started

    elapsed = asyncio.run(go())
    assert elapsed <= timeout + 0.5 + 0.5, elapsed  # deadline + one request timeout + scheduling


def test_status_call_against_a_stalled_server_is_a_transport_error(stalling_server: str) -> None:
    with taskstatus.BrowserAct(
        api_key="k", base_url=stalling_server, timeout=0.3, max_retries=1
    ) as client:
        started = time.monotonic()
        with pytest.raises(taskstatus.TransportError, match="timed out"):
            client.task("1").status()
    assert time.monotonic() - started < 0.3 * 2 + 1.0 + 0.5  # two tries and one backoff


def test_cancelled_async_wait_leaves_no_task_and_no_socket(stalling_server: str) -> None:
    async def go() -> None:
        async with taskstatus.AsyncShannon(
            api_key="k", base_url=stalling_server, timeout=30
        ) as shannon:
            waits = [asyncio.create_task(shannon.task(f"t{i}").wait()) for i in range(20)]
            await asyncio.sleep(0.3)
            assert len(HELD) == 20  # twenty requests hang on the server
            assert not any(closed_by_client(conn) for conn in HELD)
            for w in waits:
                w.cancel()
            await asyncio.gather(*waits, return_exceptions=True)
            await asyncio.sleep(0.1)
            assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []
            assert all(closed_by_client(conn) for conn in HELD)  # every socket was closed

    asyncio.run(go())


@pytest.mark.slow
def test_a_thousand_tasks_with_thirty_percent_faulty_answers() -> None:
    faults = FaultPlan(rate=0.3, seed=11)
    with FakeVendors(faults=faults) as fakes:
        for app in fakes.apps.values():
            app.slow_seconds = 1.0
            app.retry_after = 0.2
        rng = random.Random(3)
        plan: list[tuple[str, tuple[str, ...], State]] = []
        for i in range(1000):
            kind = list(KINDS)[i % len(KINDS)]
            vendor, fake_kind, _ = KINDS[kind]
            outcome = rng.choice(list(fakes.apps[vendor].outcome_values[fake_kind]))
            ids = fakes.apps[vendor].add_task(
                fake_kind, script=Script(running=rng.random() * 2, outcome=outcome)
            )
            plan.append((kind, ids, outcome))

        async def go() -> list[tuple[float, Any, State]]:
            clients = {
                v: fakes.client(v, asynchronous=True, timeout=0.5, schedule=SCHEDULE)
                for v in fakes.apps
            }

            async def one(
                kind: str, ids: tuple[str, ...], expected: State
            ) -> tuple[float, Any, State]:
                vendor, _, constructor = KINDS[kind]
                started = time.monotonic()
                try:
                    final: Any = await getattr(clients[vendor], constructor)(*ids).wait(timeout=30)
                except taskstatus.TaskStatusError as exc:
                    final = exc
                return time.monotonic() - started, final, expected

            results = await asyncio.gather(*(one(*entry) for entry in plan))
            for client in clients.values():
                await client.aclose()
            return results

        results = asyncio.run(go())
        wrong = [
            (final, expected)
            for _, final, expected in results
            if not isinstance(final, taskstatus.TaskStatus) or final.state is not expected
        ]
        longest = max(elapsed for elapsed, _, _ in results)
        per_task = fakes.requests / len(plan)
        injected = sum(app.faults_injected for app in fakes.apps.values())
        print(
            f"\n1000 tasks, 30% faulty answers: {injected} faults injected, "
            f"{per_task:.1f} requests per task, longest wait {longest:.1f}s, {len(wrong)} wrong"
        )
        assert wrong == []
        assert longest < 30 + 0.5
        assert per_task < 40


@pytest.mark.slow
def test_ten_thousand_waits_return_fds_to_baseline_and_keep_rss_stable() -> None:
    with FakeVendors() as fakes:
        ids = [fakes.shannon.add_task("task", script=Script(running=0))[0] for _ in range(11_000)]

        async def waits(chunk: list[str]) -> None:
            async with fakes.client("shannon", asynchronous=True, schedule=SCHEDULE) as shannon:
                done, not_done = await taskstatus.wait_async(
                    [shannon.task(i) for i in chunk], timeout=120
                )
                assert len(done) == len(chunk)
                assert not not_done

        asyncio.run(waits(ids[:1000]))  # warm up: imports, pools, allocator
        gc.collect()
        fds, rss = open_fds(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for start in range(1000, 11_000, 2000):
            asyncio.run(waits(ids[start : start + 2000]))
        gc.collect()
        time.sleep(0.2)
        grown_fds = open_fds() - fds
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024
        print(
            f"\n10,000 waits: open fds {fds} -> {fds + grown_fds}, peak RSS grew {grown_mb:.1f} MB"
        )
        assert grown_fds <= 0
        assert grown_mb < 50


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """Answers 200 with headers, then one byte every 50 ms, forever."""

    def serve(conn: socket.socket, stop: threading.Event) -> None:
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                         b"content-length: 100000000\r\n\r\n{")  # fmt: skip
            while not stop.is_set():
                try:
                    conn.sendall(b" ")
                except OSError:
                    return
                time.sleep(0.05)

    def start(conn: socket.socket, stop: threading.Event) -> None:
        threading.Thread(target=serve, args=(conn, stop), daemon=True).start()

    with raw_server(start, backlog=16) as url:
        yield url


def _wait_briefly(base_url: str, mode: str) -> None:
    async def run_async() -> None:
        async with taskstatus.AsyncShannon(api_key="k", base_url=base_url, timeout=0.5) as c:
            await c.task("t").wait(timeout=1.0)

    if mode == "async":
        asyncio.run(run_async())
        return
    with taskstatus.Shannon(api_key="k", base_url=base_url, timeout=0.5) as c:
        c.task("t").wait(timeout=1.0)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_trickling_server_cannot_hold_a_wait_past_its_deadline(
    trickling_server: str, mode: str
) -> None:
    started = time.monotonic()
    with pytest.raises(taskstatus.WaitTimeout):
        _wait_briefly(trickling_server, mode)
    assert time.monotonic() - started <= 1.0 + 0.5 + 0.5
