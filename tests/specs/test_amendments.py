"""Amendment semantics on a scratch vendor ("acme"), independent of the live amendment files:
fingerprints stop an amendment from hiding upstream, additions fail once upstream has them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import build as spec_build
import pytest
from diffing import describe, fingerprint

from tests.conftest import ROOT, SPECS

STATUS = {"type": "string"}
ERRORS = {"401": {"description": "Unauthorized"}}


def _upstream(status: dict[str, Any] | None = None, errors: dict[str, Any] | None = None,
              extra_op: bool = False) -> dict[str, Any]:  # fmt: skip
    op = {
        "operationId": "getTask",
        "tags": ["Tasks"],
        "parameters": [{"name": "id", "in": "path", "required": True,
                        "schema": {"type": "string"}}],
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Task"}}}},
            **(errors if errors is not None else ERRORS),
        },
    }  # fmt: skip
    paths: dict[str, Any] = {"/tasks/{id}": {"get": op}}
    if extra_op:
        paths["/admin"] = {"get": {"operationId": "admin", "tags": ["Admin"],
                                   "responses": {"204": {"description": "none"}}}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {"title": "Acme", "version": "1"},
        "paths": paths,
        "components": {"schemas": {"Task": {
            "type": "object", "required": ["id", "status"],
            "properties": {"id": {"type": "string"},
                           "status": status if status is not None else dict(STATUS)},
        }}},
    }  # fmt: skip


AMENDMENT = """\
# Acme, a scratch vendor for these tests.
upstream: acme.openapi.json
read_liberally:
  reason: only the status is needed
  required:
    Task: [status]
actions:
  - reason: the values the server sends
    add:
      path: /components/schemas/Task/properties/status/enum
      value: [queued, running, done]
  - reason: error bodies
    merge:
      path: /paths/~1tasks~1{id}/get/responses
      value:
        "401": &error
          {description: Unauthorized, content: {application/json: {schema: {type: object}}}}
        "500": *error
  - reason: ids are opaque
    set:
      path: /components/schemas/Task/properties/id
      value: {type: string, description: opaque}
  - reason: only tasks
    keep_tags: [Tasks]
"""


def _write(tmp_path: Path, doc: dict[str, Any], amendment: str = AMENDMENT) -> tuple[Path, Path]:
    upstream, amendments = tmp_path / "upstream", tmp_path / "amendments"
    upstream.mkdir(exist_ok=True)
    amendments.mkdir(exist_ok=True)
    (upstream / "acme.openapi.json").write_text(json.dumps(doc, indent=2))
    (amendments / "acme.yaml").write_text(amendment)
    return upstream, amendments


def _recorded(tmp_path: Path, doc: dict[str, Any] | None = None) -> tuple[Path, Path]:
    """The scratch vendor with fingerprints recorded against ``doc``."""
    upstream, amendments = _write(tmp_path, doc or _upstream())
    spec_build.build(amendments / "acme.yaml", upstream, refingerprint=True)
    return upstream, amendments


def _build(upstream: Path, amendments: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SPECS / "build.py"), "--upstream", str(upstream),
               "--amendments", str(amendments), "--out", str(upstream.parent / "out"),
               *extra]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def test_refingerprint_records_each_action_and_keeps_the_text(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    text = (amendments / "acme.yaml").read_text()
    assert text.count("fingerprint: sha256:") == 3  # merge, set, keep_tags; add needs none
    assert "# Acme, a scratch vendor" in text
    assert "&error" in text
    assert "*error" in text
    done = _build(upstream, amendments)
    assert done.returncode == 0, done.stderr
    effective = json.loads((tmp_path / "out" / "acme.openapi.json").read_text())
    assert effective["components"]["schemas"]["Task"]["properties"]["status"]["enum"] == [
        "queued", "running", "done",
    ]  # fmt: skip
    assert effective["components"]["schemas"]["Task"]["required"] == ["status"]


def test_action_without_fingerprint_fails_and_says_what_to_record(tmp_path: Path) -> None:
    upstream, amendments = _write(tmp_path, _upstream())
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert (
        "vendor acme, amendment acme.yaml, action #2 (merge /paths/~1tasks~1{id}/get/responses)"
        in done.stderr
    )
    assert (
        f"has no fingerprint; upstream's value is {fingerprint({'401': ERRORS['401']})}"
        in done.stderr
    )
    assert "--refingerprint" in done.stderr


def test_upstream_listing_values_fails_the_addition_naming_them(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    listed = {"type": "string", "enum": ["queued", "running", "done", "retrying"]}
    _write(tmp_path, _upstream(listed),
           (amendments / "acme.yaml").read_text())  # fmt: skip
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert "vendor acme, amendment acme.yaml, action #1 (add " in done.stderr
    assert "upstream now also lists retrying" in done.stderr


def test_upstream_changing_under_a_set_fails_saying_what_changed(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "acme.openapi.json").write_text((upstream / "acme.openapi.json").read_text())
    doc = _upstream()
    doc["components"]["schemas"]["Task"]["properties"]["id"] = {"type": "integer"}
    (upstream / "acme.openapi.json").write_text(json.dumps(doc))
    done = _build(upstream, amendments, "--previous", str(previous))
    assert done.returncode == 1
    assert (
        "action #3 (set /components/schemas/Task/properties/id): upstream changed under it"
        in done.stderr
    )
    assert '/type: was "string", now "integer"' in done.stderr
    without_previous = _build(upstream, amendments)
    assert 'upstream now has {"type": "integer"}' in without_previous.stderr


def test_upstream_changing_a_merged_key_fails_but_a_new_sibling_does_not(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    sibling = {**ERRORS, "404": {"description": "Not found"}}
    (upstream / "acme.openapi.json").write_text(json.dumps(_upstream(errors=sibling)))
    assert _build(upstream, amendments).returncode == 0
    changed = {"401": {"description": "Unauthorized: bad key"}}
    (upstream / "acme.openapi.json").write_text(json.dumps(_upstream(errors=changed)))
    done = _build(upstream, amendments, "--previous", str(upstream))  # same files: no old value
    assert done.returncode == 1
    assert "action #2 (merge /paths/~1tasks~1{id}/get/responses): upstream changed" in done.stderr
    added = {**ERRORS, "500": {"description": "Oops"}}  # a key the merge writes over
    (upstream / "acme.openapi.json").write_text(json.dumps(_upstream(errors=added)))
    assert "action #2 (merge" in _build(upstream, amendments).stderr


def test_keep_tags_fails_when_upstream_adds_an_operation_it_would_drop(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    previous = tmp_path / "previous"
    previous.mkdir()
    (previous / "acme.openapi.json").write_text((upstream / "acme.openapi.json").read_text())
    (upstream / "acme.openapi.json").write_text(json.dumps(_upstream(extra_op=True)))
    done = _build(upstream, amendments, "--previous", str(previous))
    assert done.returncode == 1
    assert "action #4 (keep_tags): upstream changed under it" in done.stderr
    assert "upstream now also lists GET /admin" in done.stderr


def test_reviewed_drift_is_recorded_and_then_builds(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    doc = _upstream()
    doc["components"]["schemas"]["Task"]["properties"]["id"] = {"type": "integer"}
    (upstream / "acme.openapi.json").write_text(json.dumps(doc))
    before = (amendments / "acme.yaml").read_text()
    assert _build(upstream, amendments, "--refingerprint").returncode == 0
    after = (amendments / "acme.yaml").read_text()
    assert sum(a != b for a, b in zip(before.splitlines(), after.splitlines(), strict=True)) == 1
    assert _build(upstream, amendments).returncode == 0


def test_vanished_target_fails_naming_vendor_file_and_action(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    doc = _upstream()
    del doc["components"]["schemas"]["Task"]["properties"]["id"]
    (upstream / "acme.openapi.json").write_text(json.dumps(doc))
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert (
        "vendor acme, amendment acme.yaml, action #3 (set /components/schemas/Task/properties/id)"
        in done.stderr
    )
    assert "not found" in done.stderr


def test_read_liberally_naming_a_vanished_field_fails(tmp_path: Path) -> None:
    upstream, amendments = _recorded(tmp_path)
    text = (amendments / "acme.yaml").read_text().replace("Task: [status]", "Task: [state]")
    (amendments / "acme.yaml").write_text(text)
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert "vendor acme, amendment acme.yaml, read_liberally" in done.stderr
    assert "Task has no property state" in done.stderr


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("read_liberally:", "ignored:"), "read_liberally"),
        (lambda t: t.replace("  - reason: ids are opaque\n", "  - \n"), "reason"),
        (lambda t: t.replace("    keep_tags: [Tasks]\n", ""), "needs exactly one of"),
    ],
    ids=["no read_liberally", "no reason", "no verb"],
)
def test_malformed_amendment_is_refused(tmp_path: Path, edit: Any, message: str) -> None:
    upstream, amendments = _recorded(tmp_path)
    (amendments / "acme.yaml").write_text(edit((amendments / "acme.yaml").read_text()))
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert "vendor acme" in done.stderr
    assert message in done.stderr


def test_describe_says_what_changed_in_words() -> None:
    assert sorted(describe({"enum": ["a", "b"]}, {"enum": ["a", "c"]})) == [
        "/enum: upstream no longer lists b",
        "/enum: upstream now also lists c",
    ]
    assert describe({"type": "string"}, {"type": "string", "nullable": True}) == [
        "/nullable: added, true"
    ]
    assert describe(1, 1) == []
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})


EXTENDING = AMENDMENT.replace(
    """    add:
      path: /components/schemas/Task/properties/status/enum
      value: [queued, running, done]""",
    """    extend:
      path: /components/schemas/Task/properties/status/enum
      value: [paused]""",
)


def test_extend_adds_values_upstream_does_not_list_and_fails_once_it_does(tmp_path: Path) -> None:
    listed = {"type": "string", "enum": ["queued", "running"]}
    upstream, amendments = _write(tmp_path, _upstream(listed), EXTENDING)
    spec_build.build(amendments / "acme.yaml", upstream, refingerprint=True)
    done = _build(upstream, amendments)
    assert done.returncode == 0, done.stderr
    effective = json.loads((tmp_path / "out" / "acme.openapi.json").read_text())
    status = effective["components"]["schemas"]["Task"]["properties"]["status"]
    assert status["enum"] == ["queued", "running", "paused"]

    listed["enum"].append("paused")
    _write(tmp_path, _upstream(listed), (amendments / "acme.yaml").read_text())
    done = _build(upstream, amendments)
    assert done.returncode == 1
    assert "action #1 (extend /components/schemas/Task/properties/status/enum)" in done.stderr
    assert "upstream now lists paused itself" in done.stderr
