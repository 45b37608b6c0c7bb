"""Truebit: API tasks and function tasks (one generated client, ``truebit_client``)."""

from __future__ import annotations

from typing import Any

from truebit_client.api.task_execution_status import (
    get_api_execution_status,
    get_function_execution_status,
)
from truebit_client.models import (
    ExecuteApiSyncResponse,
    ExecuteApiSyncResponseClearTextSolutionStatus,
    ExecuteApiSyncResponseStatus,
    ExecuteTaskSyncResponse,
    ExecuteTaskSyncResponseClearTextSolutionExecutionStatus,
    ExecuteTaskSyncResponseVerificationStatus,
)

from taskstatus._model import State
from taskstatus._vendors._base import Fields, Kind, StateTable, Vendor, value

VENDOR = Vendor(
    name="truebit",
    key_env="TRUEBIT_API_KEY",
    base_url_env="TRUEBIT_BASE_URL",
    default_base_url="https://run.truebit.network",
    auth_header="x-api-key",
    key_required=False,  # the status call is not documented to need it; sent when configured
    error_texts=(("message",),),  # {"message": "Execution ID not found."}
)

_A = ExecuteApiSyncResponseStatus
API_STATES = StateTable(
    name="API_STATES in taskstatus/_vendors/truebit.py",
    enum=_A,
    states={_A.RUNNING: State.RUNNING, _A.SUCCESS: State.SUCCEEDED, _A.ERROR: State.FAILED},
)
_F = ExecuteTaskSyncResponseVerificationStatus
FUNCTION_STATES = StateTable(
    name="FUNCTION_STATES in taskstatus/_vendors/truebit.py",
    enum=_F,
    states={
        _F.RUNNING: State.RUNNING,
        _F.SUCCESS: State.SUCCEEDED,
        _F.INDETERMINATE: State.FAILED,
        _F.ERROR: State.FAILED,
    },
)
# A finished task whose own code failed: Success outside, "failed" inside.
API_INNER_FAILURE = ExecuteApiSyncResponseClearTextSolutionStatus.FAILED
FUNCTION_INNER_FAILURE = ExecuteTaskSyncResponseClearTextSolutionExecutionStatus.FAILED


def _read_api(model: ExecuteApiSyncResponse) -> Fields:
    solution = model.clear_text_solution
    inner = value(getattr(solution, "status", None))
    return Fields(
        vendor_status=value(model.status),
        output=value(getattr(solution, "output", None)),
        error=value(model.error_msg) or None,
        failed_inside=inner == API_INNER_FAILURE,
    )


def _read_function(model: ExecuteTaskSyncResponse) -> Fields:
    solution = model.clear_text_solution
    inner = value(getattr(solution, "execution_status", None))
    return Fields(
        vendor_status=value(model.verification_status),
        output=value(getattr(solution, "output", None)),
        failed_inside=inner == FUNCTION_INNER_FAILURE,
    )


def _kind(name: str, **spec: Any) -> Kind:
    return Kind(vendor=VENDOR, name=name, id_names=("execution_id",), **spec)


API = _kind(
    "api",
    states=API_STATES,
    status_call=get_api_execution_status._get_kwargs,
    model=ExecuteApiSyncResponse,
    read=_read_api,
)
FUNCTION = _kind(
    "function",
    states=FUNCTION_STATES,
    status_call=get_function_execution_status._get_kwargs,
    model=ExecuteTaskSyncResponse,
    read=_read_function,
    notes={_F.INDETERMINATE: "no consensus: the nodes did not agree on a result"},
)
KINDS = {"api": API, "function": FUNCTION}
