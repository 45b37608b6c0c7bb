"""Scripted task timelines and fault plans for the fake vendors (pure: no I/O)."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from typing import Any

import attrs

from taskstatus._model import State

OUTCOMES = (State.SUCCEEDED, State.FAILED, State.CANCELLED, State.TIMED_OUT)

# What a fault does to one answer.
FAULTS = (
    "429",  # rate limited, with Retry-After
    "500",
    "502",
    "503",
    "520",  # non-standard code
    "html",  # 502 with an HTML error page, as a proxy sends
    "drop",  # the connection is closed without an answer
    "slow",  # answers after ``slow_seconds`` (longer than a client's timeout)
    "hint",  # the usual answer, with a Retry-After of ``retry_after`` seconds
)


@attrs.frozen(kw_only=True)
class Script:
    """How a fake task unfolds, in seconds from its creation.

    ``queued`` then ``paused`` then ``unknown`` (the vendor sends a status value its spec does
    not list) then ``running``, then ``outcome`` for good.  ``output``/``error`` are what the
    finished task reports; ``inner_failure`` makes a Truebit task report Success with a failed
    execution inside; ``vendor_value`` replaces the outcome's usual vendor value.
    """

    outcome: State = State.SUCCEEDED
    queued: float = 0.0
    paused: float = 0.0
    unknown: float = 0.0
    running: float = 1.0
    output: Any = "done"
    error: str | None = None
    inner_failure: bool = False
    vendor_value: str | None = None  # send this raw value for the outcome (e.g. "Indeterminate")

    def __attrs_post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {[s.value for s in OUTCOMES]}")
        if min(self.queued, self.paused, self.unknown, self.running) < 0:
            raise ValueError("phase durations cannot be negative")

    @property
    def duration(self) -> float:
        return self.queued + self.paused + self.unknown + self.running

    def state_at(self, elapsed: float) -> State:
        for state, length in (
            (State.QUEUED, self.queued),
            (State.PAUSED, self.paused),
            (State.UNKNOWN, self.unknown),
            (State.RUNNING, self.running),
        ):
            if elapsed < length:
                return state
            elapsed -= length
        return self.outcome


@attrs.define
class FaultPlan:
    """Faults to inject: ``queue`` hits the next answers in order; ``rate`` hits that share of
    the rest at random (``kinds`` to choose from, seeded for repeatable runs)."""

    queue: Sequence[str] = ()
    rate: float = 0.0
    kinds: Sequence[str] = FAULTS
    seed: int = 0
    _pending: deque[str] = attrs.field(init=False)
    _rng: random.Random = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        unknown = [k for k in [*self.queue, *self.kinds] if k not in FAULTS]
        if unknown:
            raise ValueError(f"unknown faults {unknown}; known: {FAULTS}")
        self._pending = deque(self.queue)
        # Repeatable fault plans, not secrets.
        self._rng = random.Random(self.seed)  # nosec B311

    def next(self) -> str | None:
        if self._pending:
            return self._pending.popleft()
        if self.rate and self._rng.random() < self.rate:
            return self._rng.choice(list(self.kinds))
        return None
