"""Configuration, ids, tokens, and the API key that must never show."""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

import httpx
import pytest
import taskstatus
from hypothesis import given
from hypothesis import strategies as st

from tests.facade.support import (
    ASYNC,
    KEY,
    KINDS,
    MODES,
    SYNC,
    answering,
    call,
    client,
    handle,
    scripted,
    status_body,
)

ENV = {
    "truebit": ("TRUEBIT_API_KEY", "TRUEBIT_BASE_URL", "https://run.truebit.network"),
    "anchorbrowser": (
        "ANCHORBROWSER_API_KEY",
        "ANCHORBROWSER_BASE_URL",
        "https://api.anchorbrowser.io",
    ),
    "shannon": ("SHANNON_API_KEY", "SHANNON_BASE_URL", "http://localhost:8080"),
    "browseract": ("BROWSERACT_API_KEY", "BROWSERACT_BASE_URL", "https://api.browseract.com"),
}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key_var, url_var, _ in ENV.values():
        monkeypatch.delenv(key_var, raising=False)
        monkeypatch.delenv(url_var, raising=False)


@pytest.mark.parametrize("vendor", list(ENV))
def test_keyword_then_environment_then_default(
    vendor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_var, url_var, default = ENV[vendor]
    assert SYNC[vendor](api_key="k").base_url == default
    monkeypatch.setenv(url_var, "http://from-env.test/")
    monkeypatch.setenv(key_var, "env-key")
    assert SYNC[vendor]().base_url == "http://from-env.test"
    assert SYNC[vendor](base_url="http://kw.test").base_url == "http://kw.test"
    assert ASYNC[vendor]().base_url == "http://from-env.test"


@pytest.mark.parametrize("vendor", ["anchorbrowser", "shannon", "browseract"])
def test_missing_key_names_the_variable(vendor: str) -> None:
    with pytest.raises(taskstatus.ConfigurationError, match=ENV[vendor][0]):
        SYNC[vendor]()
    with pytest.raises(taskstatus.ConfigurationError, match=ENV[vendor][0]):
        ASYNC[vendor]()


def test_truebit_works_without_a_key_and_sends_none() -> None:
    handler, seen = scripted(httpx.Response(200, json={"status": "Running"}))
    call(handle("sync", "truebit/api", handler, api_key=None).status)
    assert "x-api-key" not in seen[0].headers


@pytest.mark.parametrize("kind", list(KINDS))
def test_key_goes_in_the_vendors_header(kind: str) -> None:
    handler, seen = scripted(httpx.Response(200, json=status_body(kind, "x")))
    call(handle("sync", kind, handler).status)
    expected = {
        "truebit": ("x-api-key", KEY),
        "anchorbrowser": ("anchor-api-key", KEY),
        "shannon": ("x-api-key", KEY),
        "browseract": ("authorization", f"Bearer {KEY}"),
    }[kind.split("/")[0]]
    assert seen[0].headers[expected[0]] == expected[1]


@pytest.mark.parametrize(
    "url",
    ["", "   ", "ftp://x.test", "not a url", "http://", "http://x.test/?q=1", "http://u:p@x.test"],
)
def test_bad_base_url_is_configuration_error(url: str) -> None:
    with pytest.raises(taskstatus.ConfigurationError, match="base URL"):
        taskstatus.Shannon(api_key="k", base_url=url)


@pytest.mark.parametrize("bad", ["", " ", "\t\n", ".", "..", 42, None])
@pytest.mark.parametrize("kind", list(KINDS))
def test_invalid_ids_are_refused_before_any_request(kind: str, bad: Any) -> None:
    vendor, method, ids = KINDS[kind]
    handler, seen = scripted(httpx.Response(200, json={}))
    c = client("sync", vendor, handler)
    for position in range(len(ids)):
        args = list(ids)
        args[position] = bad
        with pytest.raises(taskstatus.ConfigurationError):
            getattr(c, method)(*args)
    assert seen == []


@pytest.mark.parametrize(
    ("bad", "shown", "why"),
    [
        ("a b", "'a b'", "holds whitespace"),
        (" task-x", "' task-x'", "leading or trailing whitespace"),
        ("task-x\t", "'task-x\\t'", "control character"),
        ("a\nb", "'a\\nb'", "control character"),
        ("a\x00b", "'a\\x00b'", "control character"),
        ("a\u200bb", "'a\\u200bb'", "control character"),
        ("..", "'..'", "path segment"),
        (".", "'.'", "path segment"),
        ("", "''", "is empty"),
        ("x" * 1025, "characters long", "at most 1024"),
    ],
)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_refused_ids_say_why_and_show_the_id_escaped(
    mode: str, bad: str, shown: str, why: str
) -> None:
    handler, seen = scripted(httpx.Response(200, json={}))
    with pytest.raises(taskstatus.ConfigurationError) as caught:
        client(mode, "shannon", handler).task(bad)
    message = str(caught.value)
    assert shown in message
    assert why in message
    assert "\n" not in message
    assert "\x00" not in message
    assert seen == []


@given(st.text(max_size=12) | st.sampled_from(["\u00a0x", "x\u3000", "\u2028", "a\u202fb"]))
def test_the_quick_id_check_refuses_what_the_character_by_character_one_does(text: str) -> None:
    from taskstatus._config import MAX_ID_LENGTH, check_id
    from taskstatus._vendors.shannon import VENDOR

    controls = ("Cc", "Cf", "Zl", "Zp")
    refused = (
        not text or len(text) > MAX_ID_LENGTH or text in (".", "..")
        or any(unicodedata.category(c) in controls for c in text)
        or text != text.strip() or any(c.isspace() for c in text)
    )  # fmt: skip
    if refused:
        with pytest.raises(taskstatus.ConfigurationError):
            check_id(VENDOR, "task_id", text)
    else:
        assert check_id(VENDOR, "task_id", text) == text


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "browseract/task"])
def test_ids_are_percent_encoded_and_cannot_change_the_route(kind: str) -> None:
    vendor, method, ids = KINDS[kind]
    tricky = "../a/b?c=d#e%2F+f"
    handler, seen = scripted(httpx.Response(200, json=status_body(kind, "x")))
    c = client("sync", vendor, handler)
    call(getattr(c, method)(*[tricky] * len(ids)).status)
    raw = seen[0].url.raw_path.decode()
    assert seen[0].url.query == b""
    assert "..%2Fa%2Fb%3Fc%3Dd%23e%252F%2Bf" in raw
    assert raw.count("/") == {"truebit/api": 4, "truebit/function": 4, "anchorbrowser/execution": 5,
                              "anchorbrowser/run": 5, "shannon/task": 4}[kind]  # fmt: skip


def test_browseract_id_stays_one_query_value() -> None:
    handler, seen = scripted(httpx.Response(200, json={"status": "running"}))
    call(client("sync", "browseract", handler).task("a&task_id=b#c").status)
    assert seen[0].url.params.get_list("task_id") == ["a&task_id=b#c"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_token_round_trip_resumes_the_same_task(mode: str, kind: str) -> None:
    vendor, _, ids = KINDS[kind]
    task = handle(mode, kind, answering(status_body(kind, "x")))
    token = task.token()
    assert token.startswith("ts1.")
    assert all(c.isalnum() or c in "-_." for c in token)
    resumed = client(mode, vendor, answering(status_body(kind, "x"))).resume(token)
    assert (resumed.vendor, resumed.kind, resumed.ids) == (task.vendor, task.kind, ids)
    assert call(resumed.status).task_id == ids[0]


def test_bad_tokens_are_configuration_errors() -> None:
    shannon = client("sync", "shannon", answering({}))
    token = shannon.task("task-1").token()
    prefix, payload, check = token.split(".")
    tampered = f"{prefix}.{payload[:-2]}{'AA' if payload[-2:] != 'AA' else 'BB'}.{check}"
    cases = {
        "garbage": "hello",
        "other version": "ts9." + payload + "." + check,
        "tampered": tampered,
        "truncated": token[:-3],
        "not text": 12,
        "other vendor": client("sync", "browseract", answering({})).task("1").token(),
        "other base URL": client("sync", "shannon", answering({}), base_url="http://evil.test")
        .task("t")
        .token(),
    }
    for name, bad in cases.items():
        with pytest.raises(taskstatus.ConfigurationError):
            shannon.resume(bad)  # type: ignore[arg-type]
        assert name


def _secret_free(*texts: str) -> None:
    for text in texts:
        assert KEY not in text
        assert KEY[3:] not in text


@pytest.mark.parametrize("mode", MODES)
def test_key_never_shows_in_reprs_errors_tokens_or_logs(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    answers = [
        httpx.Response(401, json={"error": f"bad key {KEY[:3]}"}),
        httpx.Response(404, json={"error": "gone"}),
        httpx.Response(429, headers={"Retry-After": "0"}, json={"error": "slow"}),
        httpx.Response(500, text="<html>500</html>"),
        httpx.Response(200, text="<html>not json</html>"),
        httpx.ConnectError("refused"),
        httpx.Response(307, headers={"Location": "http://evil.test"}),
    ]
    texts: list[str] = []
    with caplog.at_level(logging.DEBUG):
        for answer in answers:
            handler, _ = scripted(answer)
            c = client(mode, "shannon", handler, max_retries=1)
            task = c.task("task-1")
            texts += [
                repr(c),
                str(c),
                repr(task),
                task.token(),
                repr(c._transport),
                repr(c._settings),
            ]
            with pytest.raises(taskstatus.TaskStatusError) as caught:
                call(task.wait, timeout=0.05)
            texts += [str(caught.value), repr(caught.value), repr(caught.value.__dict__)]
        done = client(mode, "shannon", answering(status_body("shannon/task", "TASK_STATUS_FAILED")))
        with pytest.raises(taskstatus.TaskFailed) as failed:
            call(done.task("task-1").result, timeout=1)
        texts += [str(failed.value), repr(failed.value.status)]
    texts += [r.getMessage() for r in caplog.records] + [repr(r.__dict__) for r in caplog.records]
    _secret_free(*texts)


def test_callers_http_client_is_used_and_left_open() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("x-custom", ""))
        return httpx.Response(200, json=status_body("shannon/task", "TASK_STATUS_RUNNING"))

    mine = httpx.Client(transport=httpx.MockTransport(handler), headers={"x-custom": "mine"})
    with taskstatus.Shannon(api_key="k", base_url="http://x.test", http_client=mine) as shannon:
        shannon.task("t").status()
    assert seen == ["mine"]
    assert not mine.is_closed
    mine.close()


def test_clients_close_their_own_http_client() -> None:
    shannon = taskstatus.Shannon(api_key="k", base_url="http://x.test")
    with shannon:
        pass
    assert shannon._transport.client.is_closed
