"""Part 9: push across processes: two receiver processes, a Redis hint bus, waits elsewhere.

Redis (from the distribution's packages) on loopback; two ``WebhookReceiver`` processes
(``_receiver_process.py``, uvicorn) configured with ``bus=RedisHints(url)``; the fake
AnchorBrowser in another process sends the webhooks to one receiver for the first half of the
runs' span, to the other after.  Beside the same runs watched without hints:

- ``wait()`` in this process (neither receiver): an async client with ``hints=RedisHints(url)``
  on ``COUNT`` runs of 1-``MAX_SECONDS`` s, and a plain polling client on ``COUNT`` more, at
  the same time;
- Celery watches (``taskstatus.celery``, one worker process): ``COUNT`` runs watched by a
  worker with ``install(app, hints=RedisHints(url))``, then ``COUNT`` by one without (they
  poll: the countdowns of the one wait policy).

Lag = when ``wait()`` returned, or the watch's success callback ran, minus when the run ended
(the machine's monotonic clock); requests per task are counted by the fake.  Usage:
``python benchmarks/push_across.py [COUNT] [MAX_SECONDS]``.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

import httpx
import redis
import taskstatus
from _celery_cluster import Brokers, Worker, app_for
from _harness import HERE, ServerProcess, emit, lag_figures, row
from taskstatus.webhooks import RedisHints

from tests.brokers import free_port

Figures = dict[str, float]
SECRET = "whsec_bench"  # noqa: S105 - the fake webhook's secret, on loopback


def _spread(count: int, longest: float) -> list[float]:
    return [1.0 + (longest - 1.0) * i / max(1, count - 1) for i in range(count)]


def _receiver(broker: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "BENCH_BROKER": broker, "BENCH_SECRET": SECRET}
    process = subprocess.Popen(
        [sys.executable, str(HERE / "_receiver_process.py"), str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return process, url
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("a receiver did not start")


def _pushed(server: ServerProcess, receivers: list[str], durations: list[float]) -> Any:
    """Runs whose webhooks go to the first receiver until half their span has passed, to the
    second after (the fake reads the URL when it delivers)."""
    server.push_to(f"{receivers[0]}/anchorbrowser", SECRET)
    switch = threading.Timer(max(durations) / 2, server.push_to,
                             (f"{receivers[1]}/anchorbrowser", SECRET))  # fmt: skip
    ids, created = server.add("anchorbrowser", "run", durations)
    switch.start()  # nothing else asks the fake server until every wait ended
    return ids, created


async def _waits(server: ServerProcess, ids: list[list[str]], ends: list[float],
                 hints: RedisHints | None) -> list[float]:  # fmt: skip
    lags: list[float] = []
    client = taskstatus.AsyncAnchorBrowser(
        api_key=server.key, base_url=server.urls["anchorbrowser"], hints=hints
    )

    async def one(run_id: str, end: float) -> None:
        final = await client.run(run_id).wait(timeout=300)
        if final.state is not taskstatus.State.SUCCEEDED:
            raise RuntimeError(f"{run_id} ended {final.state}")
        lags.append(time.monotonic() - end)

    async with client:
        await asyncio.gather(*(one(i[0], e) for i, e in zip(ids, ends, strict=True)))
    return lags


def in_a_third_process(server: ServerProcess, receivers: list[str], broker: str,
                       durations: list[float]) -> tuple[Figures, Figures]:  # fmt: skip
    bus = RedisHints(broker)
    bus.start()
    pushed, created = _pushed(server, receivers, durations)
    polled, polled_created = server.add("anchorbrowser", "run", durations)

    async def both() -> Any:
        return await asyncio.gather(
            _waits(server, pushed, [c + d for c, d in zip(created, durations, strict=True)], bus),
            _waits(server, polled,
                   [c + d for c, d in zip(polled_created, durations, strict=True)], None),
        )  # fmt: skip

    hinted, polling = asyncio.run(both())
    bus.close()
    return (_figures(hinted, server.task_requests("anchorbrowser", "run", pushed)),
            _figures(polling, server.task_requests("anchorbrowser", "run", polled)))  # fmt: skip


def _figures(lags: list[float], requests: list[int]) -> dict[str, float]:
    return {**lag_figures(lags), "requests": statistics.mean(requests),
            "max_requests": max(requests)}  # fmt: skip


def _celery_phase(server: ServerProcess, receivers: list[str], state: str,
                  durations: list[float], hinted: bool) -> dict[str, float]:  # fmt: skip
    """Watch a run of each duration from one worker process (listening on the bus or not)."""
    store = redis.Redis.from_url(state)
    store.flushdb()
    app = app_for(state, state, hints=hinted)
    env = {"ANCHORBROWSER_API_KEY": server.key,
           "ANCHORBROWSER_BASE_URL": server.urls["anchorbrowser"]}  # fmt: skip
    worker = Worker(app, env, 1, "push")
    try:
        from taskstatus import celery as taskstatus_celery

        ids, created = _pushed(server, receivers, durations)
        ends: dict[str, float] = {}
        with taskstatus.AnchorBrowser(api_key=server.key,
                                      base_url=server.urls["anchorbrowser"]) as anchor:  # fmt: skip
            tokens = [anchor.run(i[0]).token() for i in ids]
        for token, made, duration in zip(tokens, created, durations, strict=True):
            ends[token] = made + duration
            taskstatus_celery.watch(app, token, timeout=300,
                                    on_success=app.signature("bench.done"))  # fmt: skip
        deadline = time.monotonic() + max(durations) + 60
        while store.llen("bench:done") < len(ends) and time.monotonic() < deadline:
            time.sleep(0.1)
        done = [json.loads(x) for x in store.lrange("bench:done", 0, -1)]
    finally:
        worker.stop()
    if len(done) != len(ends) or len({d["token"] for d in done}) != len(ends):
        raise RuntimeError(f"{len(done)} callbacks for {len(ends)} watches")
    lags = [d["at"] - ends[d["token"]] for d in done]
    return _figures(lags, server.task_requests("anchorbrowser", "run", ids))


def celery_watches(server: ServerProcess, receivers: list[str], broker: str,
                   durations: list[float]) -> tuple[Figures, Figures]:  # fmt: skip
    return (_celery_phase(server, receivers, broker, durations, hinted=True),
            _celery_phase(server, receivers, broker, durations, hinted=False))  # fmt: skip


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    longest = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    durations = _spread(count, longest)
    receivers: list[subprocess.Popen[bytes]] = []
    with Brokers() as brokers:
        broker = brokers.state
        try:
            started = [_receiver(broker), _receiver(broker)]
            receivers = [p for p, _ in started]
            urls = [u for _, u in started]
            with ServerProcess() as server:
                waits = in_a_third_process(server, urls, broker, durations)
                watches = celery_watches(server, urls, broker, durations)
        finally:
            for process in receivers:
                process.terminate()
                process.wait(timeout=10)
    part = (f"9. Push across processes (2 receivers, Redis bus), {count} runs of 1-{longest:.0f} s"
            " each way")  # fmt: skip
    rows: list[dict[str, Any]] = []
    for label, (push, poll) in (("wait() in a third process", waits),
                                ("Celery watch, 1 worker", watches)):  # fmt: skip
        rows += [
            row(part, f"{label}: detection lag, p95", push["p95"] * 1000, "polling (ours)",
                poll["p95"] * 1000, unit="ms", target="< 500 ms with the bus",
                met=push["p95"] < 0.5, note=f"mean {push['mean'] * 1000:.0f} ms"),
            row(part, f"{label}: status requests per task", push["requests"], "polling (ours)",
                poll["requests"], unit="", note=f"at most {push['max_requests']:.0f} with the bus"),
        ]  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
