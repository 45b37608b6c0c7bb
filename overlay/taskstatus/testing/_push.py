"""How the fake vendors push: webhook and callback deliveries, with the vendors' retries and
the faults real deliveries have (docs/vendors.md, "Push").

A delivery is planned when a task is created and sent from the fake's own event loop when
the task reaches the moment it reports.  ``PushPlan.faults`` hits the next deliveries in order:
``lost`` (never sent), ``late`` (sent ``late_seconds`` after the moment), ``duplicate`` (sent
again after it was taken).
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from collections import deque
from collections.abc import Callable, Mapping, Sequence

import attrs
import httpx

PUSH_FAULTS = ("lost", "late", "duplicate")


@attrs.define
class PushPlan:
    """Faults for the next deliveries, and the vendor's retry timing (shortened for tests)."""

    faults: Sequence[str] = ()
    late_seconds: float = 3.0
    retry_delays: Sequence[float] = (0.2, 0.4, 0.8, 1.6, 3.2)
    _queue: deque[str] = attrs.field(init=False, factory=deque)

    def __attrs_post_init__(self) -> None:
        unknown = [f for f in self.faults if f not in PUSH_FAULTS]
        if unknown:
            raise ValueError(f"unknown push faults {unknown}; known: {PUSH_FAULTS}")
        self._queue.extend(self.faults)

    def next(self) -> str | None:
        return self._queue.popleft() if self._queue else None


@attrs.define
class Delivery:
    """One delivery attempt, as the fake saw it (for tests)."""

    url: str
    status: int | None  # None: the connection failed
    attempt: int
    duplicate: bool = False


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every delivery: making one per client (certifi's bundle loaded each
    time) costs ~50 ms of CPU, which made a burst of 100 deliveries take seconds."""
    return ssl.create_default_context()


async def deliver(
    url: str,
    body: bytes,
    headers: Callable[[], Mapping[str, str]],
    plan: PushPlan,
    log: list[Delivery],
    retry: Callable[[int | None], bool],
    attempts: int,
) -> None:
    """POST ``body`` as the vendor would: fresh ``headers()`` per attempt, retried while
    ``retry(status)`` says so, at most ``attempts`` times; the plan's next fault applies."""
    fault = plan.next()
    if fault == "lost":
        return
    if fault == "late":
        await asyncio.sleep(plan.late_seconds)
    for duplicate in (False, True) if fault == "duplicate" else (False,):
        for attempt in range(1, attempts + 1):
            status: int | None
            try:
                async with httpx.AsyncClient(timeout=10, verify=_tls()) as client:
                    answer = await client.post(url, content=body, headers=dict(headers()))
                status = answer.status_code
            except httpx.HTTPError:
                status = None
            log.append(Delivery(url, status, attempt, duplicate))
            if not retry(status) or attempt == attempts:
                break
            await asyncio.sleep(plan.retry_delays[min(attempt - 1, len(plan.retry_delays) - 1)])
