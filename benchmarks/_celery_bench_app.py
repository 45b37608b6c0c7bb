"""The Celery app of benchmarks/celery_watch.py (its workers run ``-A _celery_bench_app``)."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import redis
from celery import Celery
from taskstatus import celery as taskstatus_celery
from taskstatus.webhooks import RedisHints

app = Celery("taskstatus-bench", broker=os.environ["BENCH_BROKER"])
app.conf.update(
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
)
# BENCH_HINTS=1 (benchmarks/push_across.py): the workers listen on the hint bus.
hints = RedisHints(os.environ["BENCH_BROKER"]) if os.environ.get("BENCH_HINTS") else None
taskstatus_celery.install(app, hints=hints)


@app.task(name="bench.done")
def done(status: dict[str, Any]) -> None:
    """Record when a watch's callback ran (the monotonic clock is the machine's)."""
    store = redis.Redis.from_url(os.environ["BENCH_BROKER"])
    store.rpush("bench:done", json.dumps({"token": status["token"], "at": time.monotonic()}))
