"""Part 8: watching from a Celery cluster (``taskstatus.celery``) beside one process.

``TASKS`` Shannon tasks that run for an hour on the fake server (another process), watched for
``WINDOW`` seconds, three ways, one after the other on the same tasks:

- one process: ``wait_async`` (the many-task wait) on all of them;
- Celery, 1 worker process: ``celery worker --concurrency=1`` (prefork) running the
  ``taskstatus.watch`` chains, the broker a Redis (from the distribution's packages) on loopback;
- Celery, 2 worker processes: ``--concurrency=2``.

Each polls as fast as it can (every task is due at once), so status checks per second is the
capacity.  Checks are counted by the fake; client CPU is the watching processes' own (user +
system; for Celery the worker's parent and children), Redis's is shown apart, with the Redis
commands one check costs.  Usage: ``python benchmarks/celery_watch.py [TASKS] [WINDOW]``.
"""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import redis
import taskstatus
from _harness import HERE, ServerProcess, emit, row

APP = HERE / "_celery_bench_app.py"
HOUR = 3600.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cpu_of_group(pgid: int) -> float:
    """CPU seconds (user + system) of every process in a process group, children reaped
    included."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5: pgrp
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / tick


def _redis_stats(store: redis.Redis) -> tuple[int, float]:
    info = store.info()
    return int(info["total_commands_processed"]), float(info["used_cpu_sys"]) + float(
        info["used_cpu_user"]
    )


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


def celery_workers(server: ServerProcess, ids: list[list[str]], window: float, broker: str,
                   processes: int) -> dict[str, float]:  # fmt: skip
    store = redis.Redis.from_url(broker)
    store.flushdb()
    env = {**os.environ, "BENCH_BROKER": broker, "SHANNON_API_KEY": server.key,
           "SHANNON_BASE_URL": server.urls["shannon"]}  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "_celery_bench_app", "worker", "--pool=prefork",
         f"--concurrency={processes}", "--loglevel=ERROR", "--without-mingle",
         "--without-gossip", "--prefetch-multiplier=64"],
        cwd=HERE, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        os.environ["BENCH_BROKER"] = broker
        import _celery_bench_app
        from taskstatus import celery as taskstatus_celery

        app = _celery_bench_app.app
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline:
                raise RuntimeError("the Celery worker did not start")
        with taskstatus.Shannon(api_key=server.key, base_url=server.urls["shannon"]) as shannon:
            tokens = [shannon.task(i[0]).token() for i in ids]
        for token in tokens:  # every watch starts now; measuring starts once all are sent
            taskstatus_celery.watch(app, token, timeout=HOUR)
        time.sleep(2.0)  # warm: the worker is busy with due runs from here on
        before, cpu = server.requests("shannon"), _cpu_of_group(worker.pid)
        commands, redis_cpu = _redis_stats(store)
        started = time.monotonic()
        time.sleep(window)
        elapsed = time.monotonic() - started
        checks = server.requests("shannon") - before
        used = _cpu_of_group(worker.pid) - cpu
        commands_after, redis_cpu_after = _redis_stats(store)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
    return {
        "rate": checks / elapsed,
        "cpu": used / max(1, checks),
        "redis": (redis_cpu_after - redis_cpu) / max(1, checks),
        "cmds": (commands_after - commands) / max(1, checks),
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    window = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is needed: apt-get install redis-server")
    port = _free_port()
    folder = tempfile.mkdtemp(prefix="bench-redis-")
    redis_server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", folder], stdout=subprocess.DEVNULL,
    )  # fmt: skip
    broker = f"redis://127.0.0.1:{port}/0"
    try:
        for _ in range(100):
            try:
                redis.Redis.from_url(broker).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        with ServerProcess() as server:
            ids, _ = server.add("shannon", "task", [HOUR] * count)
            alone = one_process(server, ids, window)
            one = celery_workers(server, ids, window, broker, 1)
            two = celery_workers(server, ids, window, broker, 2)
    finally:
        redis_server.terminate()
        redis_server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)
    part = f"8. Celery workers (taskstatus.celery) beside one process, {count:,} tasks"
    rows: list[dict[str, Any]] = []
    for label, got in (("1 worker process", one), ("2 worker processes", two)):
        rows += [
            row(part, f"status checks per second, {label}", got["rate"],
                "one process (wait_async)", alone["rate"], unit="/s"),
            row(part, f"client CPU per check, {label}", got["cpu"] * 1e6,
                "one process (wait_async)", alone["cpu"] * 1e6, unit="us",
                note=f"+ Redis {got['redis'] * 1e6:.0f} us and {got['cmds']:.1f} commands"),
        ]  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
