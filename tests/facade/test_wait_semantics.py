"""``taskstatus.wait``/``wait_async`` answer what ``concurrent.futures.wait`` answers for
futures in the same states: every handle already ended is in ``done`` whatever
``return_when`` says, and each ``return_when`` stops where the standard library stops."""

from __future__ import annotations

import itertools
from concurrent import futures
from typing import Any

import pytest
import taskstatus

from tests.facade.support import client
from tests.facade.test_many import _many, polls_until_done

MODES = ["sync", "async"]
# A handle's state before the wait: its task succeeded (seen), failed (seen), its wait ended
# in an error (seen), or it is still running (and stays so).
STATES = ("succeeded", "failed", "error", "pending")
RULES = {"succeeded": 1, "failed": "failed", "error": "http:404", "pending": "never"}
RETURN_WHEN = (taskstatus.FIRST_COMPLETED, taskstatus.FIRST_EXCEPTION, taskstatus.ALL_COMPLETED)
SCENARIOS = [combo for n in (1, 3) for combo in itertools.product(STATES, repeat=n)
             if combo == tuple(sorted(combo, key=STATES.index))]  # fmt: skip


def _stdlib(states: tuple[str, ...], return_when: str) -> tuple[set[int], set[int]]:
    fs: list[futures.Future[int]] = []
    for state in states:
        future: futures.Future[int] = futures.Future()
        if state == "succeeded":
            future.set_result(0)
        elif state in ("failed", "error"):  # result() raises for both
            future.set_exception(RuntimeError(state))
        fs.append(future)
    done, not_done = futures.wait(fs, timeout=0.05, return_when=return_when)
    return {fs.index(f) for f in done}, {fs.index(f) for f in not_done}


def _handles(mode: str, states: tuple[str, ...]) -> list[Any]:
    plan = {f"t{i}-{state}": RULES[state] for i, state in enumerate(states)}
    handler, _ = polls_until_done(plan)
    shannon = client(mode, "shannon", handler, streaming=False)
    handles = [shannon.task(task) for task in plan]
    ended = [h for h, state in zip(handles, states, strict=True) if state != "pending"]
    if ended:  # each learns its end first, as after an earlier as_completed
        assert len(_many(mode, "as_completed", ended, timeout=5)) == len(ended)
    return handles


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("return_when", RETURN_WHEN)
@pytest.mark.parametrize("states", SCENARIOS, ids="-".join)
def test_wait_matches_concurrent_futures(
    mode: str, return_when: str, states: tuple[str, ...]
) -> None:
    handles = _handles(mode, states)
    done, not_done = _many(mode, "wait", handles, timeout=0.05, return_when=return_when)
    assert ({handles.index(h) for h in done}, {handles.index(h) for h in not_done}) == _stdlib(
        states, return_when
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("return_when", RETURN_WHEN)
def test_with_timeout_zero_every_ended_handle_is_done(mode: str, return_when: str) -> None:
    handles = _handles(mode, ("succeeded", "succeeded", "succeeded"))
    done, not_done = _many(mode, "wait", handles, timeout=0, return_when=return_when)
    assert (len(done), len(not_done)) == (3, 0)
