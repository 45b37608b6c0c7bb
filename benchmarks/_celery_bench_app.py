"""The Celery app of benchmarks/celery_watch.py (its workers run ``-A _celery_bench_app``)."""

from __future__ import annotations

import os

from celery import Celery
from taskstatus import celery as taskstatus_celery

app = Celery("taskstatus-bench", broker=os.environ["BENCH_BROKER"])
app.conf.update(
    broker_connection_retry_on_startup=True,
    task_serializer="json",
    accept_content=["json"],
    worker_hijack_root_logger=False,
)
taskstatus_celery.install(app)
