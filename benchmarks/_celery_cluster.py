"""A Celery cluster for the benchmarks: brokers on loopback ports (a Redis that keeps the
watches, and carries the messages too unless RabbitMQ does) and ``celery worker`` processes
running ``_celery_bench_app``, each worker a process group of its own."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import redis
from _harness import HERE

sys.path.insert(0, str(HERE.parent))  # the repository: tests/brokers.py starts the brokers
from tests.brokers import RabbitMQServer, RedisServer


class Brokers:
    """Redis (started at once) and RabbitMQ (started when first asked for)."""

    def __init__(self) -> None:
        self._redis = RedisServer()
        self._redis.start()
        self.state = self._redis.url
        self._rabbitmq: RabbitMQServer | None = None

    def url(self, broker: str) -> str:
        """The broker URL of ``"redis"`` or ``"rabbitmq"``."""
        if broker == "redis":
            return self.state
        if self._rabbitmq is None:
            self._rabbitmq = RabbitMQServer()
            self._rabbitmq.start()
        return self._rabbitmq.url

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self._redis.close()
        if self._rabbitmq is not None:
            self._rabbitmq.close()


def app_for(broker: str, state: str, batch: int = 500, hints: bool = False) -> Any:
    """This process's copy of the bench app, on ``broker`` (to send watches with)."""
    os.environ.update(_settings(broker, state, batch, hints))
    import _celery_bench_app

    return importlib.reload(_celery_bench_app).app


def _settings(broker: str, state: str, batch: int, hints: bool) -> dict[str, str]:
    return {"BENCH_BROKER": broker, "BENCH_STATE": state, "BENCH_BATCH": str(batch),
            "BENCH_HINTS": "1" if hints else ""}  # fmt: skip


class Worker:
    """``celery worker --concurrency=processes`` (prefork) in a process group of its own."""

    def __init__(self, app: Any, env: dict[str, str], processes: int, name: str) -> None:
        settings = {k: os.environ[k] for k in ("BENCH_BROKER", "BENCH_STATE", "BENCH_BATCH",
                                               "BENCH_HINTS")}  # fmt: skip
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "_celery_bench_app", "worker",
             "--pool=prefork", f"--concurrency={processes}", "--loglevel=ERROR",
             "--without-mingle", "--without-gossip", "-n", f"{name}@%h"],
            cwd=HERE, env={**os.environ, **env, **settings}, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while True:
            replies = app.control.ping(timeout=0.5)
            if any(n.startswith(f"{name}@") for reply in replies for n in reply):
                return
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the Celery worker {name} did not start")

    def cpu(self) -> float:
        """CPU seconds (user + system) of every process of the worker, reaped children
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
            if int(fields[2]) == self.process.pid:  # field 5: pgrp
                total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
        return total / tick

    def kill(self) -> None:
        """What a crash does: SIGKILL to the whole group."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


def redis_stats(url: str) -> tuple[int, float]:
    """Commands processed and CPU seconds used by a Redis so far."""
    info = redis.Redis.from_url(url).info()
    return int(info["total_commands_processed"]), float(info["used_cpu_sys"]) + float(
        info["used_cpu_user"]
    )
