"""The Celery app the test workers run (``celery -A tests.celery.app worker``): the broker and
the fakes' addresses come from the environment the test gives the workers."""

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
app = Celery("taskstatus-tests", broker=BROKER)
app.conf.update(
    # A dead worker's messages come back after the visibility timeout, found by a sweep every
    # unacked_restore_interval * unacked_restore_throttle seconds (100 by default): short here.
    broker_transport_options={
        "visibility_timeout": float(os.environ["TASKSTATUS_TEST_VISIBILITY"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    },
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
)
# Every test's workers listen on the hint bus (the broker's Redis): the guarantees hold with it.
taskstatus_celery.install(app, hints=RedisHints(BROKER))


def _record(outcome: str, status: dict[str, Any]) -> None:
    store = redis.Redis.from_url(BROKER)
    store.rpush(f"tests:{outcome}", json.dumps({**status, "received_at": time.time()}))


@app.task(name="tests.succeeded")
def succeeded(status: dict[str, Any]) -> None:
    _record("succeeded", status)


@app.task(name="tests.failed")
def failed(status: dict[str, Any]) -> None:
    _record("failed", status)
