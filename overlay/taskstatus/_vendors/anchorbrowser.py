"""AnchorBrowser: v1 task executions and v2 task runs (``anchorbrowser_client``)."""

from __future__ import annotations

import json
from typing import Any

from anchorbrowser_client.api.tasks import get_task_run_status
from anchorbrowser_client.api.tasks_legacy import get_task_execution
from anchorbrowser_client.models import (
    TaskExecutionResult,
    TaskExecutionResultResponse,
    TaskExecutionResultStatus,
    TaskRunStatusV2Response,
    TaskRunStatusV2ResponseStatus,
)

from taskstatus._model import State
from taskstatus._vendors._base import Fields, Kind, StateTable, Vendor, value, when

VENDOR = Vendor(
    name="anchorbrowser",
    key_env="ANCHORBROWSER_API_KEY",
    base_url_env="ANCHORBROWSER_BASE_URL",
    default_base_url="https://api.anchorbrowser.io",
    auth_header="anchor-api-key",
    pushes=True,  # signed, project-wide webhooks
    # {"error": {"code", "message"}}, {"message": ...} or {"error": "<text>"}
    error_texts=(("error", "message"), ("message",), ("error",)),
)

# v1 executions and v2 runs list the same values, as two generated enums.
_X = TaskExecutionResultStatus
EXECUTION_STATES = StateTable(
    name="EXECUTION_STATES in taskstatus/_vendors/anchorbrowser.py",
    enum=_X,
    states={
        _X.QUEUED: State.QUEUED,
        _X.RUNNING: State.RUNNING,
        _X.SUCCESS: State.SUCCEEDED,
        _X.FAILURE: State.FAILED,
        _X.TIMEOUT: State.TIMED_OUT,
        _X.CANCELLED: State.CANCELLED,
    },
)
_R = TaskRunStatusV2ResponseStatus
RUN_STATES = StateTable(
    name="RUN_STATES in taskstatus/_vendors/anchorbrowser.py",
    enum=_R,
    states={
        _R.QUEUED: State.QUEUED,
        _R.RUNNING: State.RUNNING,
        _R.SUCCESS: State.SUCCEEDED,
        _R.FAILURE: State.FAILED,
        _R.TIMEOUT: State.TIMED_OUT,
        _R.CANCELLED: State.CANCELLED,
    },
)


def decoded(output: Any) -> Any:
    """AnchorBrowser's output as the task produced it: v1 sends it JSON-encoded in a string
    (docs/vendors.md), v2 as ``{"output": ...}`` for anything but an object.  Both kinds'
    ``result()`` therefore give the same value for the same task: an object as an object, a
    text as the text (a string that is not JSON stays as sent)."""
    if isinstance(output, dict) and set(output) == {"output"}:
        output = output["output"]
    if isinstance(output, str):
        try:
            return json.loads(output)
        except ValueError:
            return output
    return output


def _read_execution(model: TaskExecutionResultResponse) -> Fields:
    data = model.data
    if not isinstance(data, TaskExecutionResult):  # the wrapper is optional: {} is schema-valid
        return Fields(vendor_status=None)
    return Fields(
        vendor_status=value(data.status),
        output=decoded(value(data.output)),
        error=value(data.error_message) or None,
        started_at=when(data.start_time),
    )


def _read_run(model: TaskRunStatusV2Response) -> Fields:
    return Fields(
        vendor_status=value(model.status),
        output=decoded(value(model.result)),
        error=value(model.error) or None,
    )


EXECUTION = Kind(
    vendor=VENDOR,
    name="execution",
    id_names=("task_id", "execution_id"),
    states=EXECUTION_STATES,
    status_call=get_task_execution._get_kwargs,
    model=TaskExecutionResultResponse,
    read=_read_execution,
)
RUN = Kind(
    vendor=VENDOR,
    name="run",
    id_names=("run_id",),
    states=RUN_STATES,
    status_call=get_task_run_status._get_kwargs,
    model=TaskRunStatusV2Response,
    read=_read_run,
)
KINDS = {"execution": EXECUTION, "run": RUN}
