"""Fake Truebit: API and function task status, as docs/vendors.md describes the wire."""

from __future__ import annotations

import json
import uuid
from typing import Any

from truebit_client.models import ExecuteApiSyncResponseClearTextSolutionStatus as _Inner
from truebit_client.models import ExecuteApiSyncResponseStatus as _A
from truebit_client.models import (
    ExecuteTaskSyncResponseClearTextSolutionExecutionStatus as _FInner,
)
from truebit_client.models import ExecuteTaskSyncResponseVerificationStatus as _F

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask, Incoming, Reply, route

# Values from the generated client's enums: the one place the spec's values live.
RUNNING = _A.RUNNING
UNKNOWN = "Pending"  # a value the spec does not list


def _object(output: Any) -> dict[str, Any]:
    return output if isinstance(output, dict) else {"result": output}


def _text(output: Any) -> str:
    return output if isinstance(output, str) else json.dumps(output)


class FakeTruebit(FakeApp):
    name = "truebit"
    auth_header = "x-api-key"
    key_optional = True
    kinds = {"api": 1, "function": 1}
    outcome_values = {
        "api": {State.SUCCEEDED: _A.SUCCESS, State.FAILED: _A.ERROR},
        "function": {State.SUCCEEDED: _F.SUCCESS, State.FAILED: _F.ERROR},
    }

    def make_id(self, kind: str, position: int) -> str:
        return str(uuid.uuid4())

    def error(self, status: int, message: str, code: int | None = None) -> Reply:
        headers = [("retry-after", f"{self.retry_after:g}")] if status == 429 else []
        return Reply.json(status, {"message": message}, headers)

    def not_found(self, incoming: Incoming) -> Reply:
        return self.error(404, "Execution ID not found.")

    def _value(self, task: FakeTask, state: State) -> str:
        if state.terminal:
            if task.script.vendor_value:
                return task.script.vendor_value
            failed_inside = state is State.FAILED and task.script.inner_failure
            return _A.SUCCESS if failed_inside else self.outcome_values[task.kind][state]
        return UNKNOWN if state is State.UNKNOWN else RUNNING

    @route("GET", "/task/api/execution-status/([^/]+)", "api")
    async def api_status(self, incoming: Incoming, task: FakeTask) -> Reply:
        state = task.state(self.clock())
        body: dict[str, Any] = {"executionId": task.ids[0], "status": self._value(task, state)}
        if state.terminal:
            inner = _Inner.FAILED if state is State.FAILED else _Inner.SUCCEED
            body["clearTextSolution"] = {
                "output": _object(task.script.output),
                "status": inner,
                "senderAddress": "0x5aB1c0ffee000000000000000000000000000001",
            }
            body["totalTransferredBytes"] = {"request": 182, "response": 941}
            if state is State.FAILED and task.script.error:
                body["errorMsg"] = task.script.error
        return Reply.json(200, body)

    @route("GET", "/task/function/execution-status/([^/]+)", "function")
    async def function_status(self, incoming: Incoming, task: FakeTask) -> Reply:
        state = task.state(self.clock())
        body: dict[str, Any] = {
            "executionId": task.ids[0],
            "verificationStatus": self._value(task, state),
        }
        if state.terminal:
            body["clearTextSolution"] = {
                "output": _text(task.script.output),
                "executionStatus": _FInner.FAILED if state is State.FAILED else _FInner.SUCCEED,
                "senderAddress": "0x5aB1c0ffee000000000000000000000000000001",
                "signature": {"v": 27, "r": "0x" + "1f" * 32, "s": "0x" + "2e" * 32},
            }
        return Reply.json(200, body)
