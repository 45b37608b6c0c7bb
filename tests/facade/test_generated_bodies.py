"""Property test: any body the effective spec allows normalises without raising."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from taskstatus import State, TaskStatus
from taskstatus._vendors import anchorbrowser, browseract, shannon, truebit
from taskstatus._vendors._base import KindAdapter

from tests.conftest import SPECS


def inline(node: Any, schemas: dict[str, Any]) -> Any:
    """The schema with every local $ref replaced by its target (these specs are not recursive)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            return inline(schemas[ref.rsplit("/", 1)[-1]], schemas)
        out = {k: inline(v, schemas) for k, v in node.items() if k not in ("example", "nullable")}
        if node.get("nullable") is True and isinstance(node.get("type"), str):
            out["type"] = [node["type"], "null"]  # OpenAPI 3.0 spelling of a nullable type
        return out
    if isinstance(node, list):
        return [inline(item, schemas) for item in node]
    return node


def schema_strategy(vendor: str, name: str) -> st.SearchStrategy[Any]:
    schemas = json.loads((SPECS / "effective" / f"{vendor}.openapi.json").read_text())
    return from_schema(
        inline(schemas["components"]["schemas"][name], schemas["components"]["schemas"])
    )


CASES = [
    (truebit.API, "truebit", "ExecuteApiSyncResponse"),
    (truebit.FUNCTION, "truebit", "ExecuteTaskSyncResponse"),
    (anchorbrowser.EXECUTION, "anchorbrowser", "TaskExecutionResultResponse"),
    (anchorbrowser.RUN, "anchorbrowser", "TaskRunStatusV2Response"),
    (shannon.TASK, "shannon", "TaskStatusResponse"),
    (browseract.TASK, "browseract", "TaskStatusResponse"),
]


@pytest.mark.parametrize(("kind", "vendor", "schema"), CASES, ids=lambda c: getattr(c, "name", c))
def test_every_valid_status_body_normalises(kind: KindAdapter, vendor: str, schema: str) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=schema_strategy(vendor, schema))
    def check(body: Any) -> None:
        ids = tuple(f"id-{i}" for i in range(len(kind.id_names)))
        status = kind.parse_status(body, ids)
        assert isinstance(status, TaskStatus)
        assert isinstance(status.state, State)
        if status.vendor_status is not None and status.vendor_status not in kind.states:
            assert status.state is State.UNKNOWN

    check()


def test_every_valid_browseract_task_body_merges_as_output() -> None:
    base = browseract.TASK.parse_status({"status": "finished"}, ("1",))

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=schema_strategy("browseract", "WorkflowTaskResponse"))
    def check(body: Any) -> None:
        merged = browseract.TASK.merge_output(base, body)
        assert merged.state is State.SUCCEEDED

    check()
