"""The change report classifies each change for users of the generated clients and for the
facade, naming the rule: one small spec, one change at a time."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
import report as spec_report

USES = {
    "kinds": {"task": ["getTask"]},
    "operations": ["getTask"],
    "reads": {"getTask": ["status", "output"]},
    "states": {"getTask": {"status": "STATES in taskstatus/_vendors/x.py"}},
}


def _json(ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}


BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/tasks/{id}": {
            "get": {
                "operationId": "getTask",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "ok", "content": _json("Task")}},
            }
        },
        "/tasks": {
            "post": {
                "operationId": "createTask",
                "requestBody": {"required": True, "content": _json("NewTask")},
                "responses": {"201": {"description": "made", "content": _json("Created")}},
            }
        },
    },
    "components": {
        "schemas": {
            "Task": {
                "type": "object",
                "required": ["status"],
                "properties": {
                    "status": {"type": "string", "enum": ["queued", "done"]},
                    "output": {"type": "string"},
                    "note": {"type": "string"},
                },
            },
            "Created": {"type": "object", "properties": {"id": {"type": "string"}}},
            "NewTask": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "enum": ["a", "b"]},
                    "priority": {"type": "integer"},
                },
            },
        }
    },
}


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["components"]["schemas"]  # type: ignore[no-any-return]


def _one(edit: Callable[[dict[str, Any]], None]) -> spec_report.Change:
    new = copy.deepcopy(BASE)
    edit(new)
    found = spec_report.compare("x", BASE, new, USES).changes
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def _drop_get(doc: dict[str, Any]) -> None:
    del doc["paths"]["/tasks/{id}"]


def _rename_get(doc: dict[str, Any]) -> None:
    doc["paths"]["/tasks/{id}"]["get"]["operationId"] = "fetchTask"


def _add_op(doc: dict[str, Any]) -> None:
    doc["paths"]["/tasks/{id}/cancel"] = {"post": {"operationId": "cancelTask", "responses": {}}}


def _drop_field(name: str) -> Callable[[dict[str, Any]], None]:
    return lambda doc: _schemas(doc)["Task"]["properties"].pop(name)


def _add_status_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["Task"]["properties"]["status"]["enum"].append("retrying")


def _drop_status_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["Task"]["properties"]["status"]["enum"].remove("queued")


def _output_nullable(doc: dict[str, Any]) -> None:
    _schemas(doc)["Task"]["properties"]["output"]["type"] = ["string", "null"]


def _note_integer(doc: dict[str, Any]) -> None:
    _schemas(doc)["Task"]["properties"]["note"]["type"] = "integer"


def _add_answer_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["Task"]["properties"]["region"] = {"type": "string"}


def _priority_required(doc: dict[str, Any]) -> None:
    _schemas(doc)["NewTask"]["required"].append("priority")


def _name_optional(doc: dict[str, Any]) -> None:
    _schemas(doc)["NewTask"]["required"] = []


def _add_required_request_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["NewTask"]["properties"]["owner"] = {"type": "string"}
    _schemas(doc)["NewTask"]["required"].append("owner")


def _add_optional_request_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["NewTask"]["properties"]["owner"] = {"type": "string"}


def _drop_request_field(doc: dict[str, Any]) -> None:
    del _schemas(doc)["NewTask"]["properties"]["priority"]


def _add_request_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["NewTask"]["properties"]["name"]["enum"].append("c")


def _drop_request_body(doc: dict[str, Any]) -> None:
    del doc["paths"]["/tasks"]["post"]["requestBody"]


def _required_query_parameter(doc: dict[str, Any]) -> None:
    doc["paths"]["/tasks/{id}"]["get"]["parameters"].append(
        {"name": "v", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def _drop_answer(doc: dict[str, Any]) -> None:
    del doc["paths"]["/tasks/{id}"]["get"]["responses"]["200"]


# (edit, clients' level and rule, facade's level, a word of the facade's rule)
CASES = {
    "operation removed": (_drop_get, "breaking", "operation removed", "breaking", "kind task"),
    "operation renamed": (_rename_get, "breaking", "operation renamed", "breaking", "kind task"),
    "operation added": (_add_op, "compatible", "operation added", "compatible", "not use"),
    "read field removed": (_drop_field("output"), "breaking", "answer field removed",
                           "breaking", "kind task reads this field"),
    "unread field removed": (_drop_field("note"), "breaking", "answer field removed",
                             "compatible", "not use"),
    "answer field added": (_add_answer_field, "compatible", "answer field added",
                           "compatible", "not use"),
    "status value added": (_add_status_value, "compatible",
                           "enum value added to an answer: kept as an unknown value",
                           "warning", "reads UNKNOWN until mapped"),
    "status value removed": (_drop_status_value, "breaking", "enum value removed from an answer",
                             "breaking", "STATES in taskstatus/_vendors/x.py"),
    "read field nullable": (_output_nullable, "breaking", "answer field now nullable",
                            "breaking", "reads this field"),
    "unread field retyped": (_note_integer, "breaking", "answer field type changed",
                             "compatible", "not use"),
    "answer removed": (_drop_answer, "breaking", "answer removed", "breaking", "kind task"),
    "request field now required": (_priority_required, "breaking", "request field now required",
                                   "compatible", "not use"),
    "request field now optional": (_name_optional, "compatible", "request field now optional",
                                   "compatible", "not use"),
    "required request field added": (_add_required_request_field, "breaking",
                                     "required request field added", "compatible", "not use"),
    "optional request field added": (_add_optional_request_field, "compatible",
                                     "optional request field added", "compatible", "not use"),
    "request field removed": (_drop_request_field, "breaking", "request field removed",
                              "compatible", "not use"),
    "request enum value added": (_add_request_value, "compatible",
                                 "enum value added to a request field", "compatible", "not use"),
    "request body removed": (_drop_request_body, "breaking", "request body removed",
                             "compatible", "not use"),
    "required parameter added": (_required_query_parameter, "breaking",
                                 "required parameter added", "breaking", "kind task calls"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_change_is_classified_for_clients_and_facade_with_its_rule(case: str) -> None:
    edit, level, rule, facade_level, facade_words = CASES[case]
    change = _one(edit)
    assert change.clients.level == level, change
    assert rule in change.clients.rule, change
    assert change.facade.level == facade_level, change
    assert facade_words in change.facade.rule, change


def test_the_text_states_both_verdicts_and_the_worst_per_audience() -> None:
    new = copy.deepcopy(BASE)
    _add_status_value(new)
    _drop_field("note")(new)
    text = spec_report.compare("x", BASE, new, USES).text()
    lines = text.splitlines()
    assert (
        lines[1]
        == "  users of the generated clients: breaking (1 breaking, 0 warning, 1 compatible)"
    )
    assert lines[2] == "  users of the facade: warning (0 breaking, 1 warning, 1 compatible)"
    status = lines.index(next(line for line in lines if "enum now also lists retrying" in line))
    assert "<- facade: STATES in taskstatus/_vendors/x.py must map it" in lines[status]
    assert lines[status + 1] == (
        "      clients: compatible (enum value added to an answer: kept as an unknown value)"
    )
    assert lines[status + 2].startswith("      facade: warning (")


def test_an_unchanged_spec_reports_nothing() -> None:
    found = spec_report.compare("x", BASE, copy.deepcopy(BASE), USES)
    assert found.changes == []
    assert found.level("clients") == found.level("facade") == "compatible"
