"""Watch tasks from a Celery cluster: no worker is held while a remote task runs.

``pip install 'taskstatus[celery]'``.  A watch is a chain of short Celery tasks: each run of
``taskstatus.watch`` makes one status request; if the task is not done, it sends the next run
with the facade's own poll delay as its countdown (a ``Retry-After`` is honoured), then ends.
When the task ends, the ``on_success`` signature (it SUCCEEDED) or ``on_failure`` (any other
end, a permanent error, or the deadline) is called with a JSON dict: ``TaskStatus.to_dict()``
plus ``token``, or ``{"token", "timeout": true, "last_status"}``, or ``{"token", "error"}``.

::

    from celery import Celery
    from taskstatus import celery as taskstatus_celery

    app = Celery("proj", broker="redis://127.0.0.1:6379/0")
    taskstatus_celery.install(app)  # taskstatus.watch: late ack, requeued if a worker dies

    taskstatus_celery.watch(app, handle.token(), timeout=3600,
                            on_success=succeeded.s(), on_failure=failed.s())

Tokens hold no key: each worker makes its clients from its own environment
(``SHANNON_API_KEY``, ``SHANNON_BASE_URL``, ...), and a token only resumes on a client of the
base URL it was made for.  Crash safety: messages are acknowledged after the run (late ack)
and requeued when a worker dies; a small record per token in Redis (the broker, or
``state_url``) makes a redelivered run that was already superseded stop, and the callback fire
once.  The one gap: a worker that dies between queuing the callback and recording that it
did, a few microseconds, makes a redelivered run queue it again (the payload carries ``token``
to dedupe on).

Hints: ``install(app, hints=RedisHints(url))`` (``taskstatus.webhooks.RedisHints``, the bus the
webhook receivers publish to; any ``HintSource`` will do).  A run that queues the next one
also listens, in its worker process, for deliveries naming its task (AnchorBrowser and
BrowserAct).  A delivery makes that process queue a run at once, which supersedes the pending
one through the same claim: it is sent by the current run, so it may go on, and the pending run,
no longer sent by the current one, ends quietly.  One woken run per current run (a key in
Redis), so a delivery heard by several processes, or twice, checks once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import redis
from celery import Celery, Task
from celery.canvas import Signature, signature

from taskstatus._clients.sync_client import SyncClient
from taskstatus._errors import TaskStatusError
from taskstatus._model import State
from taskstatus._token import decode
from taskstatus._vendors import CLIENT_NAMES, vendor_of
from taskstatus._waiting import flows
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import HintSource

WATCH = "taskstatus.watch"
KEEP = 7 * 24 * 3600  # seconds a token's record stays in Redis after its last change
LEASE = 30  # seconds a run has to queue the callback before a redelivered run may do it

# Claim a run: it goes on if it is the chain's current run, or the run that sent it is (that
# run may have died before it could say so).  A run that was superseded ends quietly.
_CLAIM = """
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] or current == ARGV[2] then
    redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
    return 1
end
return 0
"""

log = logging.getLogger("taskstatus")
LISTENING_LIMIT = 100_000  # watches one worker process listens for (the oldest are dropped)

_clients: dict[str, SyncClient] = {}  # one facade client per vendor per worker process
_redis: dict[str, redis.Redis] = {}
_SCHEDULE = PollSchedule()
_hints: dict[int, HintSource] = {}  # the hint source of each installed app (by id)
_listening: OrderedDict[str, Callable[[], None]] = OrderedDict()  # run key -> unsubscribe
_listening_lock = threading.Lock()


def _client(vendor: str) -> SyncClient:
    """The worker's client of ``vendor``, configured from its environment: one request per
    run (transient failures are retried by the next run, after their delay)."""
    client = _clients.get(vendor)
    if client is None:
        import taskstatus

        cls: type[SyncClient] = getattr(taskstatus, CLIENT_NAMES[vendor])
        client = _clients[vendor] = cls(max_retries=0)
    return client


def _store(app: Celery) -> redis.Redis:
    url = str(app.conf.get("taskstatus_state_url") or app.conf.broker_url)
    found = _redis.get(url)
    if found is None:
        found = _redis[url] = redis.Redis.from_url(url, decode_responses=True)
    return found


def _keys(token: str) -> tuple[str, str, str]:
    """A watch's record: its current run, its end, and whether its callback was queued."""
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]
    return (f"taskstatus:{digest}:run", f"taskstatus:{digest}:done",
            f"taskstatus:{digest}:called")  # fmt: skip


def install(app: Celery, *, state_url: str | None = None,
            hints: HintSource | None = None) -> Task:  # type: ignore[type-arg]  # fmt: skip
    """Register ``taskstatus.watch`` on ``app`` (late ack; requeued when a worker is lost).
    ``state_url``: the Redis that keeps each watch's record (default: the broker).  ``hints``:
    where deliveries come from (a ``taskstatus.webhooks.RedisHints``): a delivery naming a
    watched task makes its watch check at once instead of at its next countdown."""
    if state_url is not None:
        app.conf.taskstatus_state_url = state_url
    if hints is not None:
        _hints[id(app)] = hints

    @app.task(name=WATCH, bind=True, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
    def watch_run(
        task: Task,  # type: ignore[type-arg]
        watched: dict[str, Any],
        failures: int,
        run: str,
        sent_by: str,
    ) -> None:
        _run(app, task, watched, failures, run, sent_by)

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
    seconds; returns the id of the first run.  Validates the token before sending anything."""
    decode(token)  # a malformed or tampered token fails here, not in a worker
    run = uuid.uuid4().hex
    run_key, _, _ = _keys(token)
    _store(app).set(run_key, run, ex=KEEP)
    now = time.time()
    watched = {
        "token": token, "deadline": now + timeout, "started": now,
        "on_success": _plain(on_success), "on_failure": _plain(on_failure),
    }  # fmt: skip  # what every run of this watch carries unchanged
    app.send_task(WATCH, args=(watched, 0, run, run), task_id=run)
    return run


def _plain(sig: Any) -> Any:
    return dict(sig) if sig is not None else None


def _run(
    app: Celery,
    task: Task,  # type: ignore[type-arg]
    watched: dict[str, Any],
    failures: int,
    run: str,
    sent_by: str,
) -> None:
    store = _store(app)
    token, deadline = watched["token"], watched["deadline"]
    keys = _keys(token)
    if store.exists(keys[1]):  # ended already: make sure the callback went out, once
        _call_once(store, keys)
        return
    if not store.eval(_CLAIM, 1, keys[0], run, sent_by, KEEP):
        return  # superseded: another run of this watch is the current one
    try:
        outcome: flows.Observed | TaskStatusError = _check(token)
    except TaskStatusError as exc:
        outcome = exc
        if not exc.transient:
            error = {"type": type(exc).__name__, "message": str(exc)}
            _end(store, keys, {"token": token, "error": error}, watched["on_failure"])
            return
    if isinstance(outcome, flows.Observed) and outcome.status.done:
        status = outcome.status
        callback = watched["on_success" if status.state is State.SUCCEEDED else "on_failure"]
        _end(store, keys, {**status.to_dict(), "token": token}, callback)
        return
    failures = failures + 1 if isinstance(outcome, TaskStatusError) else 0
    now = time.time()
    # The one wait policy decides: Retry-After (on errors and on 200 answers) with the
    # schedule's floor, the poll schedule, the retry backoff, and the deadline.
    delay = flows.next_check(outcome, failures, now - watched["started"], deadline - now,
                             _SCHEDULE)  # fmt: skip
    if delay is None:
        last = outcome.status.to_dict() if isinstance(outcome, flows.Observed) else None
        body = {"token": token, "timeout": True, "last_status": last}
        _end(store, keys, body, watched["on_failure"])
    else:
        _next(task, watched, failures, run, delay)
        _listen(app, watched, keys)


def _check(token: str) -> flows.Observed:
    """One status call of the watched task, not retried (the next run retries, after the
    delay the policy gives), with the server's Retry-After."""
    return _client(decode(token).vendor).resume(token)._check()


def _next(
    task: Task,  # type: ignore[type-arg]
    watched: dict[str, Any],
    failures: int,
    run: str,
    countdown: float,
) -> None:
    following = uuid.uuid4().hex
    task.apply_async(args=(watched, failures, following, run), countdown=countdown,
                     task_id=following)  # fmt: skip


def _listen(app: Celery, watched: dict[str, Any], keys: tuple[str, str, str]) -> None:
    """Listen, in this worker process, for deliveries naming the watched task (replacing what
    an earlier run of the watch here listened for)."""
    hints = _hints.get(id(app))
    if hints is None:
        return
    data = decode(watched["token"])
    if not vendor_of(data.vendor).pushes:
        return
    run_key = keys[0]
    unsubscribe = hints.subscribe(data.ids[-1], lambda: _wake(app, watched, keys))
    with _listening_lock:
        dropped = [_listening.pop(run_key, None)]
        _listening[run_key] = unsubscribe
        while len(_listening) > LISTENING_LIMIT:
            dropped.append(_listening.popitem(last=False)[1])
    for old in dropped:
        if old is not None:
            old()


def _forget(run_key: str) -> None:
    with _listening_lock:
        unsubscribe = _listening.pop(run_key, None)
    if unsubscribe is not None:
        unsubscribe()


def _wake(app: Celery, watched: dict[str, Any], keys: tuple[str, str, str]) -> None:
    """A delivery named the watched task: queue a run now, sent by the current run, so that it
    supersedes the pending one (the claim in ``_run``); once per current run."""
    run_key, done_key, _ = keys
    try:
        store = _store(app)
        if store.exists(done_key) or time.time() >= watched["deadline"]:
            _forget(run_key)
            return
        current = store.get(run_key)
        if current is None or not store.set(f"{run_key}:woken:{current}", "1", nx=True,
                                            ex=LEASE):  # fmt: skip
            return  # no record, or this run was woken already (by this process or another)
        woken = uuid.uuid4().hex
        app.send_task(WATCH, args=(watched, 0, woken, str(current)), task_id=woken)
        _forget(run_key)  # the woken run listens again, wherever it runs
    except Exception as exc:  # the pending run still checks at its countdown
        log.warning("could not wake a Celery watch (%s): it checks at its countdown",
                    type(exc).__name__)  # fmt: skip


def _end(store: redis.Redis, keys: tuple[str, str, str], body: dict[str, Any],
         callback: Any) -> None:  # fmt: skip
    """Record the end (the first run to get here wins) with the callback it calls."""
    _forget(keys[0])
    if store.set(keys[1], json.dumps({"callback": callback, "body": body}), nx=True, ex=KEEP):
        _call_once(store, keys)


def _call_once(store: redis.Redis, keys: tuple[str, str, str]) -> None:
    """Queue the recorded callback unless a run did (or is doing it now: a lease of ``LEASE``
    s)."""
    _, done_key, called_key = keys
    if not store.set(called_key, "sending", nx=True, ex=LEASE):
        return
    record = json.loads(str(store.get(done_key)))
    if record["callback"] is not None:
        signature(record["callback"]).apply_async(args=(record["body"],))
    store.set(called_key, "sent", ex=KEEP)
