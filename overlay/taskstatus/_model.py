"""What every vendor's answer becomes: a ``State`` and an immutable ``TaskStatus``."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Generic, Protocol, TypeAlias

import attrs
from typing_extensions import TypeVar

# What a task produces and an event carries: JSON as the vendor sent it.
JSON: TypeAlias = "str | int | float | bool | list[JSON] | dict[str, JSON] | None"

# The generated model of a status answer; Any where the handle's kind is not known.
R = TypeVar("R", default=Any)
R_co = TypeVar("R_co", covariant=True)


class State(enum.Enum):
    """Where a task stands, the same for every vendor."""

    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    UNKNOWN = "unknown"

    @property
    def terminal(self) -> bool:
        """True once the task can no longer change."""
        return self in _TERMINAL


_TERMINAL = frozenset({State.SUCCEEDED, State.FAILED, State.CANCELLED, State.TIMED_OUT})


class _Model(Protocol[R_co]):
    def from_dict(self, src_dict: Mapping[str, Any], /) -> R_co: ...


class Deferred(Generic[R]):
    """A generated model made from the answer's bytes when first asked for
    (``TaskStatus.raw``).

    A wait keeps the latest status of every task it watches; held as the one bytes object it
    was read from rather than as the model (the model, a copy of the body, every nested model,
    string and timestamp), 10,000 watched tasks take about half the memory (README:
    Performance).  These bytes already gave a model without error, so the model made later is
    the same."""

    __slots__ = ("model", "source")

    def __init__(self, model: _Model[R], source: bytes) -> None:
        self.model = model
        self.source = source

    def make(self) -> R:
        return self.model.from_dict(json.loads(self.source.decode("utf-8-sig")))


@attrs.frozen(kw_only=True)
class TaskStatus(Generic[R]):
    """One observation of a task.

    ``vendor_status`` is the vendor's own value (kept verbatim, also when the state is
    UNKNOWN); ``output`` is what the task produced (text or JSON, as the vendor sends it);
    ``error`` is the vendor's failure text; ``raw`` is the generated model of the answer
    (typed by the handle's kind: ``TaskStatus[shannon_client.models.TaskStatusResponse]``;
    None only for a status not read from an answer).  Timestamps are set only where the
    vendor sends real ones.
    """

    vendor: str
    kind: str
    task_id: str
    execution_id: str | None = None
    state: State
    vendor_status: str | None
    output: JSON = None
    error: str | None = None
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    _raw: R | Deferred[R] | None = attrs.field(default=None, repr=False, eq=False, alias="raw")

    @property
    def raw(self) -> R | None:
        """The generated model of the answer (made on first use from the body it was read
        from; then kept)."""
        raw = self._raw
        if isinstance(raw, Deferred):
            raw = raw.make()
            object.__setattr__(self, "_raw", raw)  # frozen: the same model every time
        return raw

    @property
    def done(self) -> bool:
        """True when the state is terminal (succeeded, failed, cancelled or timed out)."""
        return self.state.terminal

    def to_dict(self) -> dict[str, JSON]:
        """The status as JSON (``raw`` left out): what the CLI prints and Celery callbacks get."""

        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "vendor": self.vendor,
            "kind": self.kind,
            "task_id": self.task_id,
            "execution_id": self.execution_id,
            "state": self.state.value,
            "vendor_status": self.vendor_status,
            "done": self.done,
            "output": self.output,
            "error": self.error,
            "created_at": when(self.created_at),
            "started_at": when(self.started_at),
            "finished_at": when(self.finished_at),
        }

    @property
    def task_ref(self) -> str:
        """The task's ids as one string, as used in messages and the CLI."""
        return f"{self.task_id}/{self.execution_id}" if self.execution_id else self.task_id
