"""Each vendor's handle constructors, written once for both twins (generic in the handle type)."""

from __future__ import annotations

from typing import Generic, TypeVar

H = TypeVar("H")


class _Kinds(Generic[H]):
    def _handle(self, kind: str, *ids: str) -> H:
        raise AssertionError("provided by the sync or async client base")


class TruebitKinds(_Kinds[H]):
    def api_task(self, execution_id: str) -> H:
        """An API task execution (``GET /task/api/execution-status/{executionId}``)."""
        return self._handle("api", execution_id)

    def function_task(self, execution_id: str) -> H:
        """A function task execution (``GET /task/function/execution-status/{executionId}``)."""
        return self._handle("function", execution_id)


class AnchorBrowserKinds(_Kinds[H]):
    def task(self, task_id: str, execution_id: str) -> H:
        """A v1 task execution (``GET /v1/task/{taskId}/executions/{executionId}``)."""
        return self._handle("execution", task_id, execution_id)

    def run(self, run_id: str) -> H:
        """A v2 task run (``GET /v2/tasks/runs/{runId}/status``)."""
        return self._handle("run", run_id)


class SingleKind(_Kinds[H]):
    def task(self, task_id: str) -> H:
        """A task by its id."""
        return self._handle("task", task_id)
