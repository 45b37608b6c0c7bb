"""The Celery app of the Celery benchmarks (their workers run ``-A _celery_bench_app``):
``BENCH_BROKER`` carries the messages, ``BENCH_STATE`` (a Redis) keeps the watches,
``BENCH_BATCH`` watches per run at most, ``BENCH_HINTS=1`` listens on the hint bus."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import redis
from celery import Celery
from taskstatus import celery as taskstatus_celery
from taskstatus.webhooks import RedisHints

STATE = os.environ["BENCH_STATE"]
app = Celery("taskstatus-bench", broker=os.environ["BENCH_BROKER"])
if os.environ["BENCH_BROKER"].startswith("redis"):
    app.conf.broker_transport_options = {"visibility_timeout": 10}
app.conf.update(
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
)
hints = RedisHints(STATE) if os.environ.get("BENCH_HINTS") else None
taskstatus_celery.install(app, state_url=STATE, hints=hints,
                          batch=int(os.environ.get("BENCH_BATCH", "500")))  # fmt: skip


@app.task(name="bench.done")
def done(status: dict[str, Any]) -> None:
    """Record when a watch's callback ran (the monotonic clock is the machine's)."""
    store = redis.Redis.from_url(STATE)
    store.rpush("bench:done", json.dumps({"token": status["token"], "at": time.monotonic(),
                                          "state": status.get("state")}))  # fmt: skip
