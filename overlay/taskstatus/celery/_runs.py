"""One run of ``taskstatus.watch``: take the due watches, check them all at once, end or
reschedule each as the wait policy says, and (a lane's run) queue the lane's next run.

A lane is a chain of short Celery tasks: each run takes up to ``batch`` due watches, and the
next run is queued with a countdown of at most ``MAX_COUNTDOWN`` (sooner when a watch is due
sooner).  A run with named watches (a delivery woke them) checks only those, and queues
nothing after it.  Every run is acknowledged after it ends (late ack): a run whose worker
died is redelivered, takes back the watches it had taken, and checks them at once.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import attrs
from celery import Celery
from celery.canvas import signature

from taskstatus._errors import TaskStatusError
from taskstatus._model import State, TaskStatus
from taskstatus._waiting import flows
from taskstatus._waiting.schedule import PollSchedule
from taskstatus.celery._checks import check_all
from taskstatus.celery._listening import Listening
from taskstatus.celery._records import Records, Taken, now_ms

WATCH = "taskstatus.watch"
MAX_COUNTDOWN = 1.0  # seconds: the longest countdown a watch's messages carry
_SCHEDULE = PollSchedule()


@attrs.frozen
class Lanes:
    """How an app's watches are run: ``lanes`` chains, each run checking up to ``batch``."""

    lanes: int = 8
    batch: int = 500


@attrs.frozen
class Ended:
    member: str
    body: dict[str, Any]
    callback: Any


def send(app: Celery, lane: int | None, run: str, sent_by: str, named: list[str],
         countdown: float = 0.0) -> None:  # fmt: skip
    app.send_task(WATCH, args=(lane, run, sent_by, named), task_id=run,
                  countdown=countdown or None)  # fmt: skip


def start_lanes(app: Celery, lanes: list[int], runs: list[str]) -> None:
    for lane in lanes:
        send(app, lane, runs[lane], runs[lane], [])


def run(app: Celery, records: Records, lanes: Lanes, listening: Listening | None,
        lane: int | None, run_id: str, sent_by: str, named: list[str]) -> None:  # fmt: skip
    """Carry out one run (see the module's docstring)."""
    if lane is not None and not records.claim_lane(lane, run_id, sent_by):
        return  # superseded: another run of this lane is its current one
    try:
        lease, taken = records.take(run_id, lanes.batch, named)
        if taken:
            _settle(app, records, listening, run_id, lease, taken)
    finally:
        if lane is not None:
            _continue(app, records, lanes, lane, run_id)


def _settle(app: Celery, records: Records, listening: Listening | None, run_id: str,
            lease: int, taken: list[Taken]) -> None:  # fmt: skip
    ended: list[Ended] = []
    checking: list[tuple[str, dict[str, Any]]] = []
    now = time.time()
    for item in taken:
        if item.watched is None:
            records.forget(item.member)
        elif item.ended:
            call_back(app, records, item.member)
        else:
            late = flows.late_by(item.watched["deadline"] - now)
            if late is None:
                checking.append((item.member, item.watched))
            else:
                body = {"token": item.watched["token"], "timeout": True, "late_by": round(late, 3),
                        "last_status": item.watched.get("last_status")}  # fmt: skip
                ended.append(Ended(item.member, body, item.watched["on_failure"]))
    outcomes = check_all([watched["token"] for _, watched in checking])
    now = time.time()
    due: list[tuple[str, int, dict[str, Any] | None]] = []
    for (member, watched), outcome in zip(checking, outcomes, strict=True):
        end = _end_of(member, watched, outcome)
        if end is not None:
            ended.append(end)
            continue
        failures = watched["failures"] + 1 if isinstance(outcome, TaskStatusError) else 0
        # The one wait policy decides: Retry-After (on errors and on 200 answers) with the
        # schedule's floor, the poll schedule, the retry backoff, and the deadline.
        delay = flows.next_check(outcome, failures, now - watched["started"],
                                 watched["deadline"] - now, _SCHEDULE)  # fmt: skip
        last = watched.get("last_status")
        if isinstance(outcome, flows.Observed) and _changed(outcome.status, last):
            last = outcome.status.to_dict()
        if delay is None:
            body = {"token": watched["token"], "timeout": True, "last_status": last}
            ended.append(Ended(member, body, watched["on_failure"]))
        elif failures == watched["failures"] and last is watched.get("last_status"):
            due.append((member, int(now * 1000 + delay * 1000), None))  # the record stands
        else:
            carried = {**watched, "failures": failures, "last_status": last}
            due.append((member, int(now * 1000 + delay * 1000), carried))
    for end in ended:
        records.end(end.member, end.body, end.callback)
        call_back(app, records, end.member)
        if listening is not None:
            listening.forget(end.member)
    records.reschedule(run_id, lease, due)
    if listening is not None:
        for member, watched in checking:
            if member not in {end.member for end in ended}:
                listening.listen(member, watched["token"])


def _end_of(member: str, watched: dict[str, Any],
            outcome: flows.Observed | TaskStatusError) -> Ended | None:  # fmt: skip
    """The end a check found: a final status, or a permanent error; None: the watch goes on."""
    token = watched["token"]
    if isinstance(outcome, TaskStatusError):
        if outcome.transient:
            return None
        error = {"type": type(outcome).__name__, "message": str(outcome)}
        return Ended(member, {"token": token, "error": error}, watched["on_failure"])
    status = outcome.status
    if not status.done:
        return None
    callback = watched["on_success" if status.state is State.SUCCEEDED else "on_failure"]
    return Ended(member, {**status.to_dict(), "token": token}, callback)


def _changed(status: TaskStatus, last: dict[str, Any] | None) -> bool:
    """A status the record should keep as the last seen: its state or vendor value is new."""
    return last is None or (last["state"], last["vendor_status"]) != (
        status.state.value, status.vendor_status)  # fmt: skip


def call_back(app: Celery, records: Records, member: str) -> None:
    """Queue the recorded callback of an ended watch, unless a run did."""
    found = records.callback_once(member)
    if found is None:
        return
    callback, body = found
    if callback is not None:
        signature(callback, app=app).apply_async(args=(body,))
    records.called(member)


def _continue(app: Celery, records: Records, lanes: Lanes, lane: int, run_id: str) -> None:
    """Queue the lane's next run (none if nothing is watched), and restart dead lanes."""
    fresh = [uuid.uuid4().hex for _ in range(lanes.lanes)]
    earliest, restart = records.next(lane, run_id, fresh)
    if earliest is not None:
        countdown = min(MAX_COUNTDOWN, max(0.0, (earliest - now_ms()) / 1000))
        send(app, lane, uuid.uuid4().hex, run_id, [], countdown)
    start_lanes(app, restart, fresh)
