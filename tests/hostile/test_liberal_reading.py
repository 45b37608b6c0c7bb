"""Real servers send null for what they leave out and omit fields their spec requires: for every
response schema the facade reads, such a body is still a TaskStatus (or a cancel answer), and
BadResponse is kept for bodies lacking what the facade needs (the effective spec's ``required``).

Bodies are generated with every property present, then (1) every optional, non-nullable
property at every depth is set to null at once, and (2) each property that is not required is
removed, one at a time.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
import taskstatus
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from taskstatus import State
from taskstatus._vendors._base import Kind

from tests.hostile.test_fuzz_bodies import CASES, _through_facade
from tests.spec_schemas import Path, nullable, property_paths

EXAMPLES = 100 if os.environ.get("CI") else 25
READ = [c for c in CASES if 200 <= c[2] < 300]


def _complete(schema: Any) -> Any:
    """The schema with every property of every object required: bodies carry all of them."""
    if isinstance(schema, list):
        return [_complete(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _complete(value) for key, value in schema.items()}
    if isinstance(schema.get("properties"), dict):
        out["properties"] = {name: _complete(s) for name, s in schema["properties"].items()}
        out["required"] = sorted(schema["properties"])
    return out


def _optional_paths(body: Any, schema: Any) -> Iterator[tuple[Path, bool]]:
    """(path, nullable) of every property in ``body`` that its schema does not require."""
    return (
        (path, nullable(sub))
        for path, sub, required in property_paths(body, schema)
        if not required
    )


def _edit(body: Any, path: Path, remove: bool) -> Any:
    edited = copy.deepcopy(body)
    node = edited
    for step in path[:-1]:
        node = node[step]
    if remove:
        del node[path[-1]]
    else:
        node[path[-1]] = None
    return edited


def _null_everywhere(body: Any, schema: Any) -> Any:
    """Null in every optional, non-nullable property, deepest first (a parent nulled last)."""
    paths = [p for p, may_be_null in _optional_paths(body, schema) if not may_be_null]
    edited = copy.deepcopy(body)
    for path in sorted(paths, key=len, reverse=True):
        node = edited
        for step in path[:-1]:
            node = node[step] if isinstance(node, (dict, list)) else None
        if isinstance(node, dict):
            node[path[-1]] = None
    return edited


def _readable(kind: Kind, role: str, result: Any) -> None:
    if role == "cancel":
        assert isinstance(result, bool)
        return
    assert isinstance(result, taskstatus.TaskStatus)
    if role == "output":
        assert result.state is State.SUCCEEDED  # the status read before stays the truth
        return
    mapped = kind.states.state(result.vendor_status)
    assert result.state is mapped or (mapped, result.state) == (State.SUCCEEDED, State.FAILED)


def _check(kind: Kind, role: str, code: int, schema: Any, edit: str) -> None:
    run = _through_facade(kind, role, code)

    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(body=from_schema(_complete(schema)))
    def check(body: Any) -> None:
        if edit == "null":
            _readable(kind, role, run(_null_everywhere(body, schema)))
            return
        for path, _ in _optional_paths(body, schema):
            try:
                _readable(kind, role, run(_edit(body, path, remove=True)))
            except taskstatus.TaskStatusError as exc:
                raise AssertionError(f"without {'.'.join(map(str, path))}: {exc}") from exc

    check()


IDS = [f"{k.vendor.name}-{r}-{c}" for k, r, c, _ in READ]


@pytest.mark.parametrize(("kind", "role", "code", "schema"), READ, ids=IDS)
def test_null_in_every_optional_field_is_still_read(
    kind: Kind, role: str, code: int, schema: Any
) -> None:
    _check(kind, role, code, schema, "null")


@pytest.mark.parametrize(("kind", "role", "code", "schema"), READ, ids=IDS)
def test_any_one_field_the_facade_does_not_need_may_be_missing(
    kind: Kind, role: str, code: int, schema: Any
) -> None:
    _check(kind, role, code, schema, "missing")


def _requires_something(schema: Any) -> bool:
    return '"required"' in json.dumps(schema)


NEEDY = [c for c in READ if _requires_something(c[3])]


@pytest.mark.parametrize(
    ("kind", "role", "code", "schema"), NEEDY, ids=[f"{k.vendor.name}-{r}" for k, r, _, _ in NEEDY]
)
def test_a_body_without_what_the_facade_needs_is_a_bad_response(
    kind: Kind, role: str, code: int, schema: Any
) -> None:
    """The other side of the rule: the required properties are the ones the facade reads."""
    run = _through_facade(kind, role, code)
    checked = [0]

    @settings(
        max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(body=from_schema(_complete(schema)))
    def check(body: Any) -> None:
        for path, _, required in property_paths(body, schema):
            if required:
                checked[0] += 1
                with pytest.raises(taskstatus.BadResponse):
                    run(_edit(body, path, remove=True))

    check()
    assert checked[0]
