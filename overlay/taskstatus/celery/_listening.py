"""Hints in a worker process: after checking a watch of a vendor that pushes, the process
listens for deliveries naming its task; one makes the watch due now and queues a run that
checks it (``wake``).  Several processes may hear one delivery: the first makes the watch due,
the others find it due already, so it is checked once."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from taskstatus._token import decode
from taskstatus._vendors import vendor_of
from taskstatus._waiting.steps import HintSource

log = logging.getLogger("taskstatus")
LISTENING_LIMIT = 100_000  # watches one worker process listens for (the oldest are dropped)

Wake = Callable[[str], int]  # member -> 1 made due, 0 due already, -1 no longer watched


def _nothing() -> None:
    pass


class Listening:
    """The watches this process listens for, by member, with their unsubscribe calls."""

    def __init__(self, hints: HintSource, wake: Wake, check_now: Callable[[str], None]) -> None:
        self._hints = hints
        self._wake = wake
        self._check_now = check_now
        self._listening: OrderedDict[str, Callable[[], None]] = OrderedDict()
        self._lock = threading.Lock()

    def listen(self, member: str, token: str) -> None:
        """Listen for deliveries naming the task of ``token`` (once per member)."""
        with self._lock:
            if member in self._listening:
                return
        data = decode(token)
        if vendor_of(data.vendor).pushes:
            unsubscribe = self._hints.subscribe(data.ids[-1], lambda: self._heard(member))
        else:  # nothing to hear: remembered so that its next check decodes nothing
            unsubscribe = _nothing
        with self._lock:
            dropped = [self._listening.pop(member, None)]
            self._listening[member] = unsubscribe
            while len(self._listening) > LISTENING_LIMIT:
                dropped.append(self._listening.popitem(last=False)[1])
        for old in dropped:
            if old is not None:
                old()

    def forget(self, member: str) -> None:
        with self._lock:
            unsubscribe = self._listening.pop(member, None)
        if unsubscribe is not None:
            unsubscribe()

    def _heard(self, member: str) -> None:
        try:
            woken = self._wake(member)
            if woken == 1:
                self._check_now(member)
            elif woken == -1:
                self.forget(member)
        except Exception as exc:  # the watch is still checked when it is due
            log.warning("could not wake a Celery watch (%s): it checks when due",
                        type(exc).__name__)  # fmt: skip
