"""What the sync and async many-waits share: return_when rules and the result type."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
from typing import Generic, NamedTuple, TypeVar

from taskstatus._clients.core import HandleCore
from taskstatus._errors import ConfigurationError, WaitTimeout
from taskstatus._model import State

H = TypeVar("H", bound=HandleCore)  # type: ignore[type-arg]

RETURN_WHEN = (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)


class DoneAndNotDone(NamedTuple, Generic[H]):
    """``wait``'s answer, as ``concurrent.futures.wait``: the handles done and not done."""

    done: set[H]
    not_done: set[H]


def unique(handles: Iterable[H]) -> list[H]:
    seen: dict[int, H] = {}
    for handle in handles:
        if not isinstance(handle, HandleCore):
            raise ConfigurationError(f"not a task handle: {handle!r}")
        seen.setdefault(id(handle), handle)
    return list(seen.values())


def check_return_when(return_when: str) -> None:
    if return_when not in RETURN_WHEN:
        raise ConfigurationError(f"return_when must be one of {', '.join(RETURN_WHEN)}")


def finished(handle: HandleCore) -> bool:  # type: ignore[type-arg]
    return handle._final is not None or handle._error is not None


def ended_badly(handle: HandleCore) -> bool:  # type: ignore[type-arg]
    """FIRST_EXCEPTION counts a wait that raised, or a task whose result() would raise."""
    return handle._error is not None or (
        handle._final is not None and handle._final.state is not State.SUCCEEDED
    )


def should_stop(return_when: str, handle: HandleCore) -> bool:  # type: ignore[type-arg]
    return return_when == FIRST_COMPLETED or (
        return_when == FIRST_EXCEPTION and ended_badly(handle)
    )


def timed_out(pending: int, total: int, timeout: float | None) -> WaitTimeout:
    return WaitTimeout(f"{pending} of {total} tasks not finished after {timeout:g}s")
