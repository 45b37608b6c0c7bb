"""The Celery app the test workers run (``celery -A tests.celery.app worker``): the broker (Redis
or RabbitMQ), the Redis that keeps the watches, and the fakes' addresses come from the
environment the test gives the workers."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import redis
from celery import Celery
from taskstatus import celery as taskstatus_celery
from taskstatus.webhooks import RedisHints

BROKER = os.environ["TASKSTATUS_TEST_BROKER"]
STATE = os.environ["TASKSTATUS_TEST_STATE"]
app = Celery("taskstatus-tests", broker=BROKER)
if BROKER.startswith("redis"):
    # A dead worker's messages come back after the visibility timeout (install() sets the
    # restore sweep to every second); a message waits reserved behind one run at most, so a
    # callback is not redelivered while it waits (a wait longer than the timeout would be).
    app.conf.broker_transport_options = {
        "visibility_timeout": float(os.environ["TASKSTATUS_TEST_VISIBILITY"]),
    }
    app.conf.worker_prefetch_multiplier = 1
# (On RabbitMQ the default prefetch of 4 stays: at 1, a woken watch's run waited behind the
# lanes' countdowns, up to 1 s.)
app.conf.update(
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
)
# Every test's workers listen on the hint bus (the state's Redis): the guarantees hold with it.
# TASKSTATUS_TEST_BATCH=1: every check is a run of its own.
taskstatus_celery.install(app, state_url=STATE, hints=RedisHints(STATE),
                          batch=int(os.environ.get("TASKSTATUS_TEST_BATCH", "500")))  # fmt: skip


def _record(outcome: str, status: dict[str, Any]) -> None:
    store = redis.Redis.from_url(STATE)
    store.rpush(f"tests:{outcome}", json.dumps({**status, "received_at": time.time()}))


@app.task(name="tests.succeeded")
def succeeded(status: dict[str, Any]) -> None:
    _record("succeeded", status)


@app.task(name="tests.failed")
def failed(status: dict[str, Any]) -> None:
    _record("failed", status)
