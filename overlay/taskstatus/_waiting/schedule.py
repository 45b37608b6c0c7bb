"""When to ask again: the poll schedule and the retry backoff (pure, no I/O)."""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs


@attrs.frozen
class PollSchedule:
    """Capped exponential backoff with jitter, tuned to detection lag.

    The delay before the next poll is ``initial + (factor - 1) * elapsed`` (``elapsed``: time
    since the wait began), capped at ``max_interval``, minus up to ``jitter`` of itself.  So
    each delay is ``factor`` times the one before, and a task that ends T seconds into the
    wait is seen at most ``(factor - 1) * T + initial`` late: 0.1 T + 0.25 s with the defaults,
    jitter or not (it only shortens a delay).  A long wait settles at one request per
    ``max_interval``.
    """

    initial: float = 0.25
    factor: float = 1.1
    max_interval: float = 30.0
    jitter: float = 0.1
    retry_initial: float = 0.5
    retry_factor: float = 2.0
    retry_max: float = 10.0

    def poll_delay(self, elapsed: float, rng: Callable[[], float] = random.random) -> float:
        """Delay before the next poll, ``elapsed`` seconds into the wait."""
        growth = max(0.0, self.factor - 1.0) * max(0.0, elapsed)
        base = min(self.max_interval, self.initial + growth)
        return base * (1.0 - self.jitter * rng())

    def retry_delay(self, failures: int, rng: Callable[[], float] = random.random) -> float:
        """Delay after ``failures`` consecutive transient failures (at least one)."""
        base = min(self.retry_max, self.retry_initial * self.retry_factor ** max(0, failures - 1))
        return base * (1.0 - self.jitter * rng())
