"""What a flow asks its driver to do, and what the driver answers; what a flow is about.

A flow is a generator: it yields a step and is sent back its outcome.  ``Send`` gets an
``Answer``; ``Sleep`` gets None, or ``WOKEN`` when a hint cut a wakeable sleep short;
``Open`` gets ``Opened``; ``Read`` gets the next ``Message`` of the open stream or None at its
clean end; ``Close`` gets None; ``Emit`` (only from ``events()``) hands an event to the user.
A failed ``Send``, ``Open`` or ``Read`` is thrown into the flow as ``TransportError``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Protocol, TypeVar

import attrs

from taskstatus._errors import TaskStatusError
from taskstatus._events import TaskEvent
from taskstatus._model import TaskStatus
from taskstatus._vendors._base import Kind
from taskstatus._wire import Answer, Request

T = TypeVar("T")


@attrs.frozen
class TaskRef:
    """The task a flow is about: its kind and its ids."""

    kind: Kind
    ids: tuple[str, ...]

    @property
    def ref(self) -> str:
        return "/".join(self.ids)

    @property
    def vendor(self) -> str:
        return self.kind.vendor.name


@attrs.frozen
class Send:
    """Send this request; ``deadline`` (monotonic) bounds how long it may take, if set;
    ``attempt``: the transient failures in a row just before it (0: not a retry)."""

    request: Request
    deadline: float | None = None
    task: str | None = None  # for messages
    attempt: int = 0


@attrs.frozen
class Sleep:
    """Sleep ``seconds``; a ``wakeable`` sleep ends early when a hint names the task."""

    seconds: float
    wakeable: bool = False


class _Woken:
    def __repr__(self) -> str:
        return "WOKEN"


WOKEN = _Woken()  # the outcome of a wakeable Sleep that a hint cut short


@attrs.frozen
class Open:
    """Open an event stream: GET ``url`` (below the base URL, or absolute on the same origin)
    with ``headers`` (the driver adds the key); reads time out after ``read_timeout`` seconds
    and the connection is cut at ``deadline`` (monotonic), if set.  Replaces any open stream."""

    url: str
    headers: Mapping[str, str]
    read_timeout: float
    deadline: float | None = None


@attrs.frozen
class Opened:
    """How a stream answered: its status, headers and, when it is not 200, its body."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes = b""


@attrs.frozen
class Read:
    """The next message of the open stream (None when the server closed it cleanly)."""


@attrs.frozen
class Close:
    """Close the open stream, if any."""


@attrs.frozen
class Message:
    """One server-sent event as it came off the wire."""

    event: str = "message"
    data: str = ""
    id: str = ""
    retry: int | None = None


@attrs.frozen
class Emit:
    """Hand ``event`` to whoever iterates the flow's driver (``events()``)."""

    event: TaskEvent


Step = Send | Sleep | Open | Read | Close | Emit
StepResult = Answer | Opened | Message | _Woken | None
Flow = Generator[Step, StepResult, T]
Clock = Callable[[], float]
OnStatus = Callable[[TaskStatus], object]
# Told of each transient failure a wait rides out, and the seconds until it tries again.
OnRetry = Callable[[TaskStatusError, float], object]


class HintSource(Protocol):
    """Where hints come from (a ``WebhookReceiver``): ``subscribe`` calls ``wake`` (from any
    thread) whenever a delivery names ``task_id``, until the returned function is called."""

    def subscribe(self, task_id: str, wake: Callable[[], object]) -> Callable[[], None]: ...
