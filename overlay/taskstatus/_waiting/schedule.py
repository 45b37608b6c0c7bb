"""When to ask again: the poll schedule, retry backoff and server hints (pure, no I/O)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime

import attrs

# A hint larger than this is not believed (a garbage or hostile Retry-After must not park a
# waiter for hours); the deadline still bounds every sleep.
MAX_HINT_SECONDS = 300.0


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


def parse_retry_after(
    headers: Mapping[str, str], now: Callable[[], float] = time.time
) -> float | None:
    """Seconds the server asks us to wait, from ``retry-after-ms`` or ``Retry-After``.

    ``Retry-After`` may be delta-seconds or an HTTP date.  Missing, negative, absurd or
    unparseable values give None (no hint); hints are capped at ``MAX_HINT_SECONDS``.
    """
    raw_ms = headers.get("retry-after-ms")
    if raw_ms is not None:
        seconds = _number(raw_ms)
        if seconds is not None:
            return _bounded(seconds / 1000.0)
    raw = headers.get("retry-after")
    if raw is None or len(raw) > 64:
        return None
    seconds = _number(raw)
    if seconds is None:
        try:
            when = parsedate_to_datetime(raw.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - now()
    return _bounded(seconds)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None  # NaN, inf


def _bounded(seconds: float) -> float | None:
    if seconds < 0:
        return 0.0 if seconds > -MAX_HINT_SECONDS else None
    return min(seconds, MAX_HINT_SECONDS)
