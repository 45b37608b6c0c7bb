"""When the generated clients and the facade drift apart, the user still gets a typed error;
stream ids in either of Shannon's formats are never delivered twice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
import pytest
import taskstatus
from taskstatus._events import newer
from taskstatus._vendors import browseract, shannon

from tests.facade.support import MODES, answering, call, handle, status_body


@attrs.define
class RenamedStatus:
    """What a regenerated TaskStatusResponse would be if upstream renamed ``status``."""

    state: str

    @classmethod
    def from_dict(cls, body: Mapping[str, Any]) -> RenamedStatus:
        return cls(state=str(body.get("status")))


@pytest.mark.parametrize("mode", MODES)
def test_a_field_the_adapter_reads_is_gone(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shannon, "KINDS", {"task": attrs.evolve(shannon.TASK, model=RenamedStatus)})
    body = status_body("shannon/task", "TASK_STATUS_RUNNING")
    task = handle(mode, "shannon/task", answering(body), streaming=False)
    for operation, kwargs in (("status", {}), ("wait", {"timeout": 5})):
        with pytest.raises(taskstatus.BadResponse) as raised:
            call(getattr(task, operation), **kwargs)
        assert "RenamedStatus has no field 'response'" in str(raised.value)  # read first
        assert raised.value.vendor == "shannon"
        causes = []
        cause: BaseException | None = raised.value
        while cause is not None:
            causes.append(type(cause))
            cause = cause.__cause__
        assert AttributeError in causes  # kept for the traceback, never raised bare


@pytest.mark.parametrize("mode", MODES)
def test_a_field_of_the_output_call_is_gone(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browseract, "WorkflowTaskResponse", RenamedStatus)
    task = handle(mode, "browseract/task", answering({"status": "finished"}))
    with pytest.raises(taskstatus.BadResponse) as raised:
        call(task.result, timeout=5)
    assert "RenamedStatus has no field" in str(raised.value)


@pytest.mark.parametrize(
    ("event_id", "last", "delivered"),
    [
        ("2", "1", True),
        ("1", "1", False),
        ("9", "10", False),  # numbers, not text
        ("1761545276767-1", "1761545276767-0", True),
        ("1761545276767-0", "1761545276767-0", False),
        ("1761545276766-9", "1761545276767-0", False),  # replayed after a reconnect
        ("1761545276767-10", "1761545276767-9", True),
        ("abc", "abd", True),  # unknown formats: only an exact repeat is dropped
        ("abc", "abc", False),
        ("5", None, True),
    ],
)
def test_stream_ids_in_either_wire_format(event_id: str, last: str | None, delivered: bool) -> None:
    assert newer(event_id, last) is delivered
