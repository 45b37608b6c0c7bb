"""One status call for each of many watches at once, in a worker process.

Each worker process keeps one event loop and one async facade client per vendor, configured
from its environment (``SHANNON_API_KEY``, ``SHANNON_BASE_URL``, ...), with no retries: a
transient failure is retried by the watch's next check, after the delay the wait policy gives.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import OrderedDict
from collections.abc import Sequence

from taskstatus._clients.async_client import AsyncClient, AsyncTaskHandle
from taskstatus._errors import TaskStatusError
from taskstatus._token import decode
from taskstatus._vendors import CLIENT_NAMES, load
from taskstatus._waiting.flows import Observed

IN_FLIGHT = 128  # status calls one worker process has in flight at once
HANDLES = 20_000  # handles one worker process keeps (a token's decoding costs ~50 us a check)

_loop: asyncio.AbstractEventLoop | None = None
_clients: dict[str, AsyncClient] = {}
_handles: OrderedDict[str, AsyncTaskHandle] = OrderedDict()  # by token, the oldest dropped
_pid = 0


def check_all(tokens: Sequence[str]) -> list[Observed | TaskStatusError]:
    """One status call per token (concurrently), each its answer or its error."""
    return _here().run_until_complete(_gather(tokens))


def warm(**_: object) -> None:
    """Load what a check needs before the first run (``worker_process_init``): a child's first
    check would otherwise take the imports' time."""
    _here()
    for vendor in CLIENT_NAMES:
        load(vendor)
        with contextlib.suppress(TaskStatusError):  # no key of that vendor here
            _client(vendor)


def close(**_: object) -> None:
    """Close this process's clients and loop (``worker_process_shutdown``)."""
    global _loop
    if _loop is None or _pid != os.getpid():
        return
    for client in _clients.values():
        _loop.run_until_complete(client.aclose())
    _clients.clear()
    _handles.clear()
    _loop.close()
    _loop = None


def _here() -> asyncio.AbstractEventLoop:
    """This process's loop (a forked worker child makes its own, and its own clients)."""
    global _loop, _pid
    if _loop is None or _pid != os.getpid():
        _loop, _pid = asyncio.new_event_loop(), os.getpid()
        _clients.clear()
        _handles.clear()
    return _loop


def _client(vendor: str) -> AsyncClient:
    client = _clients.get(vendor)
    if client is None:
        import taskstatus

        cls: type[AsyncClient] = getattr(taskstatus, f"Async{CLIENT_NAMES[vendor]}")
        client = _clients[vendor] = cls(max_retries=0)
    return client


def _handle(token: str) -> AsyncTaskHandle:
    """The handle of ``token`` (kept: a watch is checked again and again here)."""
    handle = _handles.get(token)
    if handle is None:
        handle = _handles[token] = _client(decode(token).vendor).resume(token)
        if len(_handles) > HANDLES:
            _handles.popitem(last=False)
    return handle


async def _gather(tokens: Sequence[str]) -> list[Observed | TaskStatusError]:
    """``IN_FLIGHT`` callers take the tokens in turn (no semaphore to wake per call)."""
    outcomes: list[Observed | TaskStatusError | None] = [None] * len(tokens)
    turns = iter(range(len(tokens)))

    async def caller() -> None:
        for i in turns:
            try:
                outcomes[i] = await _handle(tokens[i])._check()
            except TaskStatusError as exc:
                outcomes[i] = exc

    await asyncio.gather(*(caller() for _ in range(min(IN_FLIGHT, len(tokens)))))
    return [outcome for outcome in outcomes if outcome is not None]
