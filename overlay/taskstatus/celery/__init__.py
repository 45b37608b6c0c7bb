"""Watch tasks from a Celery cluster: no worker is held while a remote task runs.

``pip install 'taskstatus[celery]'``.  ``watch()`` records a watch in Redis (the broker, or
``state_url``) and returns.  Workers run ``taskstatus.watch`` in lanes: each run takes up to
``batch`` due watches, makes their status calls at once (the async client, in the worker
process), and records when each is next due by the facade's own wait policy (poll schedule,
Retry-After, retry backoff, the deadline); the lane's next run follows within
``MAX_COUNTDOWN`` (1 s).  When a task ends, ``on_success`` (it SUCCEEDED) or ``on_failure``
(any other end, a permanent error, or the deadline) is called with a JSON dict:
``TaskStatus.to_dict()`` plus ``token``, or ``{"token", "timeout": true, "last_status"}``
(plus ``late_by`` when the run came too late to check: below), or ``{"token", "error"}``.

::

    from celery import Celery
    from taskstatus import celery as taskstatus_celery

    app = Celery("proj", broker="amqp://guest@127.0.0.1//")  # RabbitMQ: requeues at once
    taskstatus_celery.install(app, state_url="redis://127.0.0.1:6379/0")

    taskstatus_celery.watch(app, handle.token(), timeout=3600,
                            on_success=succeeded.s(), on_failure=failed.s())

Tokens hold no key: each worker makes its clients from its own environment
(``SHANNON_API_KEY``, ``SHANNON_BASE_URL``, ...), and a token only resumes on a client of the
base URL it was made for.

Crash safety: runs are acknowledged after they end (late ack) and requeued when a worker dies;
a redelivered run takes back the watches it had taken and checks them at once, and a watch
whose run is lost is due again after ``LEASE`` (15 s) for any lane.  A watch's end is recorded
once (the first run wins) and its callback queued once; the one gap: a worker that dies
between queuing the callback and recording that it did, a few microseconds, makes a
redelivered run queue it again (the payload carries ``token`` to dedupe on).

Deadlines: a watch checks for the last time at its deadline.  A run that starts more than
``LATE_AFTER`` (2 s) past it, because the workers were down or overloaded, ends the watch
with the timeout unchecked, even if the task has since ended: ``late_by`` says how late.

Hints: ``install(app, hints=RedisHints(url))`` (``taskstatus.webhooks.RedisHints``, the bus
the webhook receivers publish to; any ``HintSource`` will do).  A worker process that checked
a watch of a vendor that pushes (AnchorBrowser, BrowserAct) listens for deliveries naming its
task; one makes the watch due now and queues a run of it alone.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

import redis
from celery import Celery, Task
from celery.canvas import Signature
from celery.signals import worker_process_init, worker_process_shutdown, worker_ready

from taskstatus._errors import ConfigurationError
from taskstatus._token import decode
from taskstatus._waiting.flows import LATE_AFTER
from taskstatus._waiting.steps import HintSource
from taskstatus.celery import _brokers, _checks, _runs
from taskstatus.celery._listening import Listening
from taskstatus.celery._records import KEEP, LANE_TTL, LEASE, Records, digest
from taskstatus.celery._runs import MAX_COUNTDOWN, WATCH, Lanes

__all__ = ["KEEP", "LATE_AFTER", "LEASE", "MAX_COUNTDOWN", "WATCH", "install", "watch"]

log = logging.getLogger("taskstatus")
_stores: dict[str, Records] = {}  # one per Redis URL per process
_hints: dict[int, HintSource] = {}
_listening: dict[int, Listening] = {}


def install(app: Celery, *, state_url: str | None = None, hints: HintSource | None = None,
            lanes: int = 8, batch: int = 500) -> Task:  # type: ignore[type-arg]  # fmt: skip
    """Register ``taskstatus.watch`` on ``app`` (late ack; requeued when a worker is lost).

    ``state_url``: the Redis that keeps the watches (default: the broker, when it is Redis;
    required otherwise).  ``hints``: where deliveries come from (a
    ``taskstatus.webhooks.RedisHints``): a delivery naming a watched task makes its watch
    check at once.  ``lanes``: runs that may go on at once (at least the worker processes);
    ``batch``: watches one run checks at most (1 makes every check a message of its own).
    A Redis broker must have ``visibility_timeout`` above ``MAX_COUNTDOWN``; its restore
    sweep is set to every second unless configured.
    """
    if lanes < 1 or batch < 1:
        raise ConfigurationError(f"lanes and batch must be 1 or more (got {lanes}, {batch})")
    _brokers.prepare(app, MAX_COUNTDOWN, state_url)
    if state_url is not None:
        app.conf.taskstatus_state_url = state_url
    app.conf.taskstatus_lanes = Lanes(lanes, batch)
    worker_ready.connect(lambda **_: _supervise(app), weak=False)
    worker_process_init.connect(_checks.warm, weak=False)
    worker_process_init.connect(lambda **_: _connect(app), weak=False)
    worker_process_shutdown.connect(_checks.close, weak=False)
    if hints is not None:
        _hints[id(app)] = hints

    @app.task(
        name=WATCH,
        bind=True,
        acks_late=True,
        reject_on_worker_lost=True,
        ignore_result=True,
        shared=False,
    )  # this app only (not every app made in the process)
    def watch_run(
        task: Task,  # type: ignore[type-arg]
        lane: int | None,
        run: str,
        sent_by: str,
        named: list[str],
    ) -> None:
        # task.app, not this closure's app: Celery shares a task name's callable across apps.
        runs_on: Celery = task.app
        _runs.run(runs_on, _store(runs_on), _lanes_of(runs_on), _listening_of(runs_on), lane,
                  run, sent_by, named)  # fmt: skip

    return watch_run


def watch(
    app: Celery,
    token: str,
    *,
    timeout: float,
    on_success: Signature | None = None,
    on_failure: Signature | None = None,
) -> str:
    """Start watching the task of ``token`` (``handle.token()``) for at most ``timeout``
    seconds; returns the watch's name in Redis.  Validates the token before recording anything.
    Watching a token again while its watch runs replaces the watch; after it ended, nothing
    more is called."""
    decode(token)  # a malformed or tampered token fails here, not in a worker
    lanes = app.conf.get("taskstatus_lanes")
    if not isinstance(lanes, Lanes):
        raise ConfigurationError("call taskstatus.celery.install(app) before watch(app, ...)")
    now = time.time()
    watched = {
        "token": token, "deadline": now + timeout, "started": now, "failures": 0,
        "on_success": _plain(on_success), "on_failure": _plain(on_failure),
    }  # fmt: skip
    fresh = [uuid.uuid4().hex for _ in range(lanes.lanes)]
    _runs.start_lanes(app, _store(app).add(watched, fresh), fresh)
    return digest(token)


def _connect(app: Celery) -> None:
    """Open a worker child's broker connection before its first run: a run's first message
    (a woken watch's, say) would otherwise wait for it."""
    try:
        with app.producer_or_acquire() as producer:
            producer.connection.ensure_connection(max_retries=1)
    except Exception as exc:  # the first message connects, as it would have
        log.warning("taskstatus.celery could not connect early (%s)", type(exc).__name__)


def _supervise(app: Celery) -> None:
    """In a worker's main process, from its start: every ``LANE_TTL`` s, run the lanes whose
    chains are gone (their key expired: a broker that lost its queue, say) while anything is
    watched.  One Redis call each time."""

    def restart() -> None:
        while True:
            lanes = _lanes_of(app)
            fresh = [uuid.uuid4().hex for _ in range(lanes.lanes)]
            try:
                _runs.start_lanes(app, _store(app).restart_lanes(fresh), fresh)
            except Exception as exc:  # Redis or the broker is down: the next round tries
                log.warning("taskstatus.celery could not restart its lanes (%s)",
                            type(exc).__name__)  # fmt: skip
            time.sleep(LANE_TTL)

    threading.Thread(target=restart, name="taskstatus-lanes", daemon=True).start()


def _plain(sig: Any) -> Any:
    return dict(sig) if sig is not None else None


def _store(app: Celery) -> Records:
    url = str(app.conf.get("taskstatus_state_url") or app.conf.broker_url)
    found = _stores.get(url)
    if found is None:
        found = _stores[url] = Records(redis.Redis.from_url(url, decode_responses=True))
    return found


def _lanes_of(app: Celery) -> Lanes:
    found = app.conf.get("taskstatus_lanes")
    return found if isinstance(found, Lanes) else Lanes()


def _listening_of(app: Celery) -> Listening | None:
    hints = _hints.get(id(app))
    if hints is None:
        return None
    found = _listening.get(id(app))
    if found is None:
        store = _store(app)

        def check_now(member: str) -> None:
            run = uuid.uuid4().hex
            _runs.send(app, None, run, run, [member])

        found = _listening[id(app)] = Listening(hints, store.wake, check_now)
    return found
