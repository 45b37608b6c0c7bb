"""Mutated bodies and HTTP oddities: only taskstatus errors (or UNKNOWN), within the deadline."""

from __future__ import annotations

import json
import resource
import time
from typing import Any

import httpx
import pytest
import taskstatus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taskstatus import State

from tests.facade.support import KINDS, MODES, call, handle, status_body

ALL_KINDS = list(KINDS)


def outcome(kind: str, answer: httpx.Response | Exception, mode: str = "sync", **kw: Any) -> Any:
    """status() against one fixed answer: the TaskStatus, or the taskstatus error raised."""

    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    try:
        return call(handle(mode, kind, handler, max_retries=0, **kw).status)
    except taskstatus.TaskStatusError as exc:
        return exc  # anything else propagates and fails the test


def _mutations(body: dict[str, Any]) -> list[Any]:
    """Missing fields, wrong types, nulls, unknown enum values, extra fields."""
    out: list[Any] = []
    for key in body:
        out.append({k: v for k, v in body.items() if k != key})
        for wrong in (None, 7, 1.5, True, [], {}, "x", [{"a": None}]):
            out.append({**body, key: wrong})
    out.append({k: None for k in body})
    out.append({**body, "unexpected": {"nested": [1, 2]}, "status_extra": "?"})
    out += [None, 0, "string", [], [body], {}]
    return out


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_mutated_bodies_give_a_status_or_a_taskstatus_error(kind: str) -> None:
    body = status_body(kind, "running" if "anchor" in kind or "browseract" in kind else "Running")
    if kind == "shannon/task":
        body = status_body(kind, "TASK_STATUS_RUNNING")
    targets = [body, body.get("data", body)] if "data" in body else [body]
    for target in targets:
        for mutated in _mutations(target):
            whole = {"data": mutated} if target is not body else mutated
            result = outcome(kind, httpx.Response(200, json=whole))
            assert isinstance(
                result, (taskstatus.TaskStatus, taskstatus.BadResponse, taskstatus.APIError)
            )
            if isinstance(result, taskstatus.TaskStatus) and result.vendor_status is not None:
                assert isinstance(result.state, State)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    kind=st.sampled_from(ALL_KINDS),
    body=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    ),
)
def test_any_json_at_all(kind: str, body: Any) -> None:
    result = outcome(kind, httpx.Response(200, content=json.dumps(body).encode()))
    assert isinstance(result, (taskstatus.TaskStatus, taskstatus.TaskStatusError))


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   ",
        b"null",
        b"<html><body>500</body></html>",
        b'{"status": "runn',
        b"\xff\xfe\xfa\xfb",
        b"\x00" * 64,
        '{"status": "\udcff"}'.encode("utf-8", "surrogatepass"),
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    ],
    ids=[
        "empty",
        "blank",
        "null",
        "html",
        "truncated",
        "non-utf8",
        "nul",
        "surrogate",
        "deep-list",
        "deep-object",
    ],
)
def test_broken_bodies_are_bad_response(kind: str, content: bytes) -> None:
    assert isinstance(outcome(kind, httpx.Response(200, content=content)), taskstatus.BadResponse)


@pytest.mark.parametrize("kind", ["shannon/task", "browseract/task"])
def test_ten_megabyte_body_is_handled_with_bounded_memory(kind: str) -> None:
    huge = json.dumps(status_body(kind, "running", result="x" * 10_000_000)).encode()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = outcome(kind, httpx.Response(200, content=huge))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert isinstance(result, (taskstatus.TaskStatus, taskstatus.BadResponse))
    assert grown_mb < 200


def test_body_over_the_cap_is_refused_not_read_to_the_end() -> None:
    consumed = 0

    def chunks() -> Any:
        nonlocal consumed
        for _ in range(1000):  # a 1 GB answer
            consumed += 1
            yield b" " * 1_048_576

    task = handle("sync", "shannon/task", lambda request: httpx.Response(200, content=chunks()))
    with pytest.raises(taskstatus.BadResponse, match="larger than 16 MiB"):
        task.status()
    assert consumed <= 18


CODES = [*range(100, 600), 999]


@pytest.mark.parametrize("mode", MODES)
def test_every_status_code_is_typed(mode: str) -> None:
    for code in CODES:
        if code in (101,):  # switching protocols cannot carry an answer to a GET
            continue
        result = outcome("shannon/task", httpx.Response(code, json={"error": "x"}), mode)
        if 200 <= code < 300:
            assert isinstance(result, (taskstatus.TaskStatus, taskstatus.BadResponse)), code
        else:
            assert isinstance(result, taskstatus.APIError), (code, result)
            assert result.status_code == code
            if code >= 500:
                assert isinstance(result, taskstatus.ServerError)


@pytest.mark.parametrize(
    "retry_after",
    ["", "-1", "abc", "1e309", "9" * 400, "Wed, 99 Nov 9999 99:99:99 GMT", "NaN", "\x00"],
)
def test_garbage_retry_after_still_waits_within_the_deadline(retry_after: str) -> None:
    seen = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal seen
        seen += 1
        if seen < 3:
            return httpx.Response(429, headers={"Retry-After": retry_after}, json={"error": "slow"})
        return httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_COMPLETED"))

    started = time.monotonic()
    final = call(handle("sync", "shannon/task", handler).wait, timeout=5)
    assert final.state is State.SUCCEEDED
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    "content_type", ["text/html", "text/plain", "application/xml", "", "image/png"]
)
def test_wrong_content_type_with_json_body_is_read(content_type: str) -> None:
    answer = httpx.Response(
        200,
        headers={"content-type": content_type},
        content=json.dumps(status_body("shannon/task", "TASK_STATUS_RUNNING")).encode(),
    )
    result = outcome("shannon/task", answer)
    assert isinstance(result, taskstatus.TaskStatus)
    assert result.state is State.RUNNING


@pytest.mark.parametrize("code", [301, 302, 303, 307, 308])
def test_redirects_are_typed_and_never_followed(code: int) -> None:
    answer = httpx.Response(code, headers={"location": "http://elsewhere.test/steal"})
    result = outcome("shannon/task", answer)
    assert isinstance(result, taskstatus.APIError)
    assert result.status_code == code
