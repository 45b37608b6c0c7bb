"""A status read from an answer holds the answer's bytes, not its generated model: ``raw`` is
made from them on first use (the same model as at reading), then kept; a many-wait's
thousands of latest statuses cost the bytes alone."""

from __future__ import annotations

import json
import pickle

import attrs
import httpx
import pytest
import taskstatus
from taskstatus._model import Deferred

from tests.facade.support import KINDS, MODES, answering, call, handle, status_body

RUNNING = {
    "truebit/api": "Running",
    "truebit/function": "Running",
    "anchorbrowser/execution": "running",
    "anchorbrowser/run": "running",
    "shannon/task": "TASK_STATUS_RUNNING",
    "browseract/task": "running",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_status_holds_the_answers_bytes_until_raw_is_asked_for(mode: str, kind: str) -> None:
    body = status_body(kind, RUNNING[kind], extra_field={"nested": [1, 2]})
    status = call(handle(mode, kind, answering(body)).status)
    held = status._raw
    assert isinstance(held, Deferred)
    assert isinstance(held.source, bytes)
    assert json.loads(held.source) == body
    expected = held.model.from_dict(body)
    raw = status.raw
    assert raw is status.raw  # made once, then kept
    assert raw.to_dict() == expected.to_dict()
    assert not isinstance(status._raw, Deferred)


def test_a_deferred_raw_survives_evolve_pickle_and_equality() -> None:
    body = status_body("shannon/task", "TASK_STATUS_RUNNING")
    status = call(handle("sync", "shannon/task", answering(body)).status)
    copied = pickle.loads(pickle.dumps(status))
    assert copied == status
    assert copied.raw.to_dict() == status.raw.to_dict()
    fresh = call(handle("sync", "shannon/task", answering(body)).status)
    evolved = attrs.evolve(fresh, error="x")
    assert isinstance(evolved._raw, Deferred)
    assert evolved.raw.to_dict() == status.raw.to_dict()


def test_a_status_made_by_hand_keeps_what_it_was_given() -> None:
    model = object()
    status = taskstatus.TaskStatus(
        vendor="shannon", kind="task", task_id="t", state=taskstatus.State.RUNNING,
        vendor_status="TASK_STATUS_RUNNING", raw=model,
    )  # fmt: skip
    assert status.raw is model
    assert taskstatus.TaskStatus(
        vendor="shannon", kind="task", task_id="t", state=taskstatus.State.RUNNING,
        vendor_status=None,
    ).raw is None  # fmt: skip


def test_an_answer_with_a_byte_order_mark_still_makes_its_model() -> None:
    body = status_body("shannon/task", "TASK_STATUS_RUNNING")
    content = b"\xef\xbb\xbf" + json.dumps(body).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"content-type": "application/json"})

    status = call(handle("async", "shannon/task", handler).status)
    assert status.raw.task_id == "task-s"
