"""Typed events of a task's live stream (Shannon's SSE), decoded by table; no I/O here."""

from __future__ import annotations

import json
from typing import Any

import attrs

from taskstatus._model import JSON


@attrs.frozen(kw_only=True)
class TaskEvent:
    """One event: its stream ``id``, its name on the wire, and its decoded ``data``."""

    name: str
    data: JSON = attrs.field(repr=False)
    id: str | None = None


@attrs.frozen(kw_only=True)
class MessageDelta(TaskEvent):
    """A piece of the answer as it is written (``thread.message.delta``)."""

    text: str


@attrs.frozen(kw_only=True)
class MessageCompleted(TaskEvent):
    """The whole answer (``thread.message.completed``)."""

    text: str


@attrs.frozen(kw_only=True)
class WorkflowEvent(TaskEvent):
    """A lifecycle step: started, pausing, paused, resumed, cancelling, cancelled, completed,
    failed."""

    phase: str


@attrs.frozen(kw_only=True)
class StreamError(TaskEvent):
    """The workflow reported an error (``error``)."""

    message: str


@attrs.frozen(kw_only=True)
class OtherEvent(TaskEvent):
    """Any other event, with its raw name and data (``AGENT_STARTED``, ...)."""


LIFECYCLE = {
    "WORKFLOW_STARTED": "started",
    "WORKFLOW_COMPLETED": "completed",
    "WORKFLOW_FAILED": "failed",
    "workflow.pausing": "pausing",
    "workflow.paused": "paused",
    "workflow.resumed": "resumed",
    "workflow.cancelling": "cancelling",
    "workflow.cancelled": "cancelled",
}
ENDINGS = frozenset({"completed", "failed", "cancelled"})
DONE = "done"


def _field(data: Any, *keys: str) -> str:
    if isinstance(data, dict):
        for key in keys:
            if isinstance(data.get(key), str):
                return str(data[key])
    return data if isinstance(data, str) else ""


def decode(name: str, text: str, event_id: str | None) -> TaskEvent | None:
    """The typed event for one SSE message; None for ``done`` (the end of the stream)."""
    if name == DONE:
        return None
    try:
        data: Any = json.loads(text)
    except ValueError:
        data = text
    common = {"name": name, "data": data, "id": event_id or None}
    if name == "thread.message.delta":
        return MessageDelta(text=_field(data, "delta"), **common)
    if name == "thread.message.completed":
        return MessageCompleted(text=_field(data, "response"), **common)
    if name in LIFECYCLE:
        return WorkflowEvent(phase=LIFECYCLE[name], **common)
    if name == "error":
        return StreamError(message=_field(data, "error", "message"), **common)
    return OtherEvent(**common)


def ends(event: TaskEvent) -> bool:
    """True for the events after which the workflow can no longer change."""
    return isinstance(event, WorkflowEvent) and event.phase in ENDINGS


def _order(event_id: str) -> tuple[int, ...] | None:
    """An event id's place in the stream: a sequence number (``42``) or a Redis stream id
    (``1761545276767-0``); None for any other id."""
    parts = event_id.split("-")
    if len(parts) <= 2 and all(part.isdigit() for part in parts):
        return tuple(int(part) for part in parts)
    return None


def newer(event_id: str | None, last: str | None) -> bool:
    """False for an event already delivered (the ids on the wire increase)."""
    if event_id is None or last is None:
        return True
    mine, theirs = _order(event_id), _order(last)
    if mine is not None and theirs is not None and len(mine) == len(theirs):
        return mine > theirs
    return event_id != last
