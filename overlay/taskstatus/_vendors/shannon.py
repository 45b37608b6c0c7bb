"""Shannon: tasks of the multi-agent gateway (``shannon_client``), status and cancel."""

from __future__ import annotations

from typing import Any

import attrs
from shannon_client.api.default import cancel_task, get_task_status, stream_task_events
from shannon_client.models import CancelTaskResponse, TaskStatusResponse, TaskStatusResponseStatus

from taskstatus._model import State
from taskstatus._vendors._base import (
    Fields,
    Kind,
    StateTable,
    Vendor,
    parse_model,
    request_from,
    value,
)
from taskstatus._wire import Request

VENDOR = Vendor(
    name="shannon",
    key_env="SHANNON_API_KEY",
    base_url_env="SHANNON_BASE_URL",
    default_base_url="http://localhost:8080",
    auth_header="X-API-Key",
    error_texts=(("error",),),  # {"error": "Task not found"}
)

_S = TaskStatusResponseStatus
STATES = StateTable(
    name="STATES in taskstatus/_vendors/shannon.py",
    enum=_S,
    states={
        _S.TASK_STATUS_QUEUED: State.QUEUED,
        _S.TASK_STATUS_RUNNING: State.RUNNING,
        _S.TASK_STATUS_PAUSED: State.PAUSED,
        _S.TASK_STATUS_COMPLETED: State.SUCCEEDED,
        _S.TASK_STATUS_FAILED: State.FAILED,
        _S.TASK_STATUS_CANCELLED: State.CANCELLED,
        _S.TASK_STATUS_TIMEOUT: State.TIMED_OUT,
        _S.TASK_STATUS_UNSPECIFIED: State.UNKNOWN,  # the server lost the history: not a failure
    },
)


def _read(model: TaskStatusResponse) -> Fields:
    parsed = value(model.response)  # present only when result parsed as a JSON object
    return Fields(
        vendor_status=value(model.status),
        output=parsed if parsed is not None else value(model.result),
        error=value(model.error) or None,  # "" means no error
    )


@attrs.frozen
class ShannonTask(Kind):
    """Shannon tasks can be cancelled (POST .../cancel answers 202 {success}) and streamed."""

    def cancel_request(self, ids: tuple[str, ...]) -> Request:
        return request_from(cancel_task._get_kwargs, ids[0])

    def stream_request(self, ids: tuple[str, ...]) -> Request:
        """The documented alias (307 to /api/v1/stream/sse?workflow_id=...)."""
        return request_from(stream_task_events._get_kwargs, ids[0])

    def parse_cancel(self, body: Any) -> bool:
        answer = parse_model(CancelTaskResponse, body, self.vendor, "cancel")
        return value(answer.success) is True


TASK = ShannonTask(
    vendor=VENDOR,
    name="task",
    id_names=("task_id",),
    states=STATES,
    status_call=get_task_status._get_kwargs,
    model=TaskStatusResponse,
    read=_read,
    can_cancel=True,
    streams=True,
)
KINDS = {"task": TASK}
