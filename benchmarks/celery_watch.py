"""Part 8: watching from a Celery cluster (``taskstatus.celery``) beside one process.

Throughput: ``TASKS`` Shannon tasks that run for an hour on the fake server (another
process), watched for ``WINDOW`` seconds, one way after the other on the same tasks:

- one process: ``wait_async`` (the many-task wait) on all of them;
- Celery workers (``celery worker --concurrency=1`` and ``=2``, prefork) running the
  ``taskstatus.watch`` lanes, on each broker (Redis, RabbitMQ; a Redis keeps the watches on
  both), batched (up to 500 watches a run, the default) and not (``batch=1``: a message per
  check).

Each polls as fast as it can (every task is due at once), so status checks per second is the
capacity.  Checks are counted by the fake; worker CPU is the worker's own (its parent and
children), Redis's is shown apart, with the Redis commands one check costs.

Recovery: ``RECOVERY`` watches of tasks ending 4-8 s in, two workers of one process each; 5 s
in, as the ends come, one worker is SIGKILLed.  The callback lag after each task's end (p95,
max) beside the same run with no kill.  The bench app's Redis visibility timeout is 10 s.

Usage: ``python benchmarks/celery_watch.py [TASKS] [WINDOW] [RECOVERY]``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import sys
import time
from typing import Any

import kombu
import redis
import taskstatus
from _celery_cluster import Brokers, Worker, app_for, redis_stats
from _harness import ServerProcess, emit, lag_figures, row

HOUR = 3600.0
BROKERS = ("redis", "rabbitmq")


def one_process(server: ServerProcess, ids: list[list[str]], window: float) -> dict[str, float]:
    async def main() -> None:
        async with taskstatus.AsyncShannon(
            api_key=server.key, base_url=server.urls["shannon"]
        ) as shannon:
            handles = [shannon.task(i[0]) for i in ids]
            await taskstatus.wait_async(handles, timeout=window)

    before = server.requests("shannon")
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    asyncio.run(main())
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    checks = server.requests("shannon") - before
    used = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    return {"rate": checks / elapsed, "cpu": used / max(1, checks), "redis": 0.0, "cmds": 0.0}


def _clean(broker: str, state: str) -> None:
    """Nothing left of an earlier phase: no watch, no queued run."""
    redis.Redis.from_url(state).flushdb()
    if broker.startswith("amqp"):
        with kombu.Connection(broker) as connection, contextlib.suppress(Exception):
            connection.channel().queue_purge("celery")  # (no queue yet: nothing to purge)


def _env(server: ServerProcess) -> dict[str, str]:
    return {"SHANNON_API_KEY": server.key, "SHANNON_BASE_URL": server.urls["shannon"]}


def throughput(server: ServerProcess, tokens: list[str], window: float, broker: str,
               state: str, processes: int, batch: int) -> dict[str, float]:  # fmt: skip
    _clean(broker, state)
    app = app_for(broker, state, batch=batch)
    worker = Worker(app, _env(server), processes, f"bench{processes}x{batch}")
    try:
        from taskstatus import celery as taskstatus_celery

        for token in tokens:  # every watch starts now; measuring starts once all are sent
            taskstatus_celery.watch(app, token, timeout=HOUR)
        time.sleep(2.0)  # warm: the workers are busy with due watches from here on
        before, cpu = server.requests("shannon"), worker.cpu()
        commands, redis_cpu = redis_stats(state)
        started = time.monotonic()
        time.sleep(window)
        elapsed = time.monotonic() - started
        checks = server.requests("shannon") - before
        used = worker.cpu() - cpu
        commands_after, redis_cpu_after = redis_stats(state)
    finally:
        worker.stop()
    return {
        "rate": checks / elapsed,
        "cpu": used / max(1, checks),
        "redis": (redis_cpu_after - redis_cpu) / max(1, checks),
        "cmds": (commands_after - commands) / max(1, checks),
    }


def recovery(server: ServerProcess, count: int, broker: str, state: str,
             kill: bool) -> dict[str, float]:  # fmt: skip
    """Callback lags after the tasks' ends, with two workers, one killed 5 s in (or not)."""
    _clean(broker, state)
    app = app_for(broker, state)
    durations = [4.0 + 4.0 * i / max(1, count - 1) for i in range(count)]
    doomed = Worker(app, _env(server), 1, "doomed")
    survivor = Worker(app, _env(server), 1, "survivor")
    store = redis.Redis.from_url(state)
    try:
        from taskstatus import celery as taskstatus_celery

        ids, created = server.add("shannon", "task", durations)
        with taskstatus.Shannon(api_key=server.key, base_url=server.urls["shannon"]) as shannon:
            tokens = [shannon.task(i[0]).token() for i in ids]
        ends = {}
        for token, made, duration in zip(tokens, created, durations, strict=True):
            ends[token] = made + duration
            taskstatus_celery.watch(app, token, timeout=120,
                                    on_success=app.signature("bench.done"))  # fmt: skip
        if kill:
            time.sleep(max(0.0, min(created) + 5.0 - time.monotonic()))
            doomed.kill()
        deadline = time.monotonic() + 60
        while store.llen("bench:done") < count and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2.0)  # a duplicate would come by now
        done = [json.loads(x) for x in store.lrange("bench:done", 0, -1)]
    finally:
        doomed.stop()
        survivor.stop()
    once = len(done) == count == len({d["token"] for d in done})
    lags = [d["at"] - ends[d["token"]] for d in done] or [float("nan")]
    return {**lag_figures(lags), "max": max(lags), "once": float(once),
            "called": float(len(done))}  # fmt: skip


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    window = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    watches = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    measured: dict[tuple[str, int, int], dict[str, float]] = {}
    recovered: dict[tuple[str, bool], dict[str, float]] = {}
    with Brokers() as brokers, ServerProcess() as server:
        ids, _ = server.add("shannon", "task", [HOUR] * count)
        with taskstatus.Shannon(api_key=server.key, base_url=server.urls["shannon"]) as shannon:
            tokens = [shannon.task(i[0]).token() for i in ids]
        alone = one_process(server, ids, window)
        for broker in BROKERS:
            url = brokers.url(broker)
            for batch in (500, 1):
                for processes in (1, 2):
                    measured[broker, batch, processes] = throughput(
                        server, tokens, window, url, brokers.state, processes, batch
                    )
            for kill in (False, True):
                recovered[broker, kill] = recovery(server, watches, url, brokers.state, kill)
    part = f"8. Celery workers (taskstatus.celery) beside one process, {count:,} tasks"
    rows: list[dict[str, Any]] = []
    for broker in BROKERS:
        for batch, mode in ((500, "batched"), (1, "a message per check")):
            for processes in (1, 2):
                got = measured[broker, batch, processes]
                label = f"{broker}, {mode}, {processes} worker process{'es' * (processes > 1)}"
                first = batch == 500 and processes == 1
                rows += [
                    row(part, f"status checks per second, {label}", got["rate"],
                        "one process (wait_async)", alone["rate"], unit="/s",
                        target=">= 1,500/s" if first else "", met=got["rate"] >= 1500 if first
                        else None),
                    row(part, f"worker CPU per check, {label}", got["cpu"] * 1e6,
                        "one process (wait_async)", alone["cpu"] * 1e6, unit="us",
                        target="<= 600 us" if first else "", met=got["cpu"] <= 6e-4 if first
                        else None,
                        note=f"+ Redis {got['redis'] * 1e6:.0f} us, {got['cmds']:.2f} commands"),
                ]  # fmt: skip
        one, two = measured[broker, 500, 1], measured[broker, 500, 2]
        rows.append(row(part, f"{broker}, batched: checks per second, 2 processes", two["rate"],
                        "1 process", one["rate"], unit="/s", target="> 1 process",
                        met=two["rate"] > one["rate"]))  # fmt: skip
        calm, killed = recovered[broker, False], recovered[broker, True]
        note = (f"{killed['called']:.0f}/{watches} called back, "
                f"{'each once' if killed['once'] else 'NOT each once'}")  # fmt: skip
        rows += [
            row(part, f"{broker}: callback lag p95, a worker killed 5 s in", killed["p95"],
                "no kill", calm["p95"], unit="s",
                target="<= 3 s" if broker == "rabbitmq" else "",
                met=killed["p95"] <= 3.0 and bool(killed["once"]) if broker == "rabbitmq"
                else None, note=note),
            row(part, f"{broker}: callback lag max, a worker killed 5 s in", killed["max"],
                "no kill", calm["max"], unit="s"),
        ]  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
