"""Each vendor's handle constructors, written once for both twins.

Generic in the handle types, so each constructor returns the handle of its kind, typed by the
generated model of that kind's status answer and by what the kind can do (cancel, stream).
``task_from``/``run_from`` make the handle from a generated create/submit answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from taskstatus._clients.created import created_id

if TYPE_CHECKING:  # the generated models load when a create answer is read, not before
    from anchorbrowser_client.models import ErrorResponse as AnchorBrowserError
    from anchorbrowser_client.models import TaskRunStatusV2Response
    from anchorbrowser_client.types import Response as AnchorBrowserResponse
    from browseract_client.models import ResponseData, TaskCreatedResponse
    from browseract_client.types import Response as BrowserActResponse
    from shannon_client.models import TaskResponse
    from shannon_client.types import Response as ShannonResponse

    from taskstatus._vendors._base import Vendor

H = TypeVar("H")
H2 = TypeVar("H2")


class _Handles:
    _vendor: Vendor

    def _handle(self, kind: str, *ids: str) -> Any:
        raise AssertionError("provided by the sync or async client base")


class TruebitHandles(_Handles, Generic[H, H2]):
    def api_task(self, execution_id: str) -> H:
        """An API task execution (``GET /task/api/execution-status/{executionId}``)."""
        handle: H = self._handle("api", execution_id)
        return handle

    def function_task(self, execution_id: str) -> H2:
        """A function task execution (``GET /task/function/execution-status/{executionId}``)."""
        handle: H2 = self._handle("function", execution_id)
        return handle


class AnchorBrowserHandles(_Handles, Generic[H, H2]):
    def task(self, task_id: str, execution_id: str) -> H:
        """A v1 task execution (``GET /v1/task/{taskId}/executions/{executionId}``)."""
        handle: H = self._handle("execution", task_id, execution_id)
        return handle

    def run(self, run_id: str) -> H2:
        """A v2 task run (``GET /v2/tasks/runs/{runId}/status``)."""
        handle: H2 = self._handle("run", run_id)
        return handle

    def run_from(
        self,
        started: TaskRunStatusV2Response | AnchorBrowserError | AnchorBrowserResponse[Any] | None,
    ) -> H2:
        """The run that ``run_task_v2`` started: its answer, or its ``sync_detailed`` Response
        (an error answer, ``ErrorResponse``, raises the matching APIError)."""
        from anchorbrowser_client.models import TaskRunStatusV2Response

        return self.run(created_id(self._vendor, started, TaskRunStatusV2Response, "run_id"))


class ShannonHandles(_Handles, Generic[H]):
    def task(self, task_id: str) -> H:
        """A task by its id (``GET /api/v1/tasks/{id}``)."""
        handle: H = self._handle("task", task_id)
        return handle

    def task_from(self, submitted: TaskResponse | ShannonResponse[Any] | None) -> H:
        """The task ``submit_task`` submitted: its answer, or its ``sync_detailed`` Response
        (an error answer raises the matching APIError)."""
        from shannon_client.models import TaskResponse

        return self.task(created_id(self._vendor, submitted, TaskResponse, "task_id"))


class BrowserActHandles(_Handles, Generic[H]):
    def task(self, task_id: str) -> H:
        """A workflow task by its id (``GET /v2/workflow/get-task-status``)."""
        handle: H = self._handle("task", task_id)
        return handle

    def task_from(
        self, created: TaskCreatedResponse | ResponseData | BrowserActResponse[Any] | None
    ) -> H:
        """The task ``run_task`` started: its answer, or its ``sync_detailed`` Response (an
        error answer, ``ResponseData``, raises the matching APIError)."""
        from browseract_client.models import TaskCreatedResponse

        return self.task(created_id(self._vendor, created, TaskCreatedResponse, "id"))
