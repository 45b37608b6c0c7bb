"""Wire types: one request to make, one answer got back, and the server's Retry-After hint.

The bottom of the package: vendors build ``Request``s and read ``Answer``s, flows hand them to
drivers, transports carry them.  Nothing here does I/O.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any

import attrs

# A hint larger than this is not believed (a garbage or hostile Retry-After must not park a
# waiter for hours); the deadline still bounds every sleep.
MAX_HINT_SECONDS = 300.0


@attrs.frozen
class Request:
    """One HTTP request to make: method, percent-encoded path below the base URL, query, body."""

    method: str
    path: str
    params: Mapping[str, str] | None = None
    json: Any = None


@attrs.frozen
class Answer:
    """What a transport got back, reduced to what the adapters read."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes


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
