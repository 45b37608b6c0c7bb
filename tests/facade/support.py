"""Helpers for facade tests: clients over httpx.MockTransport, sync and async alike."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from typing import Any

import httpx
import taskstatus

KEY = "sk-SECRET-abc123"
FAST = taskstatus.PollSchedule(
    initial=0.001, factor=1.5, max_interval=0.01, retry_initial=0.001, retry_max=0.01
)
MODES = ["sync", "async"]
SYNC = {
    "truebit": taskstatus.Truebit,
    "anchorbrowser": taskstatus.AnchorBrowser,
    "shannon": taskstatus.Shannon,
    "browseract": taskstatus.BrowserAct,
}
ASYNC = {
    "truebit": taskstatus.AsyncTruebit,
    "anchorbrowser": taskstatus.AsyncAnchorBrowser,
    "shannon": taskstatus.AsyncShannon,
    "browseract": taskstatus.AsyncBrowserAct,
}
Handler = Callable[[httpx.Request], httpx.Response]


def client(mode: str, vendor: str, handler: Handler, **kw: Any) -> Any:
    kw.setdefault("api_key", KEY)
    kw.setdefault("base_url", "http://vendor.test")
    kw.setdefault("schedule", FAST)
    transport = httpx.MockTransport(handler)
    if mode == "sync":
        return SYNC[vendor](http_client=httpx.Client(transport=transport), **kw)
    return ASYNC[vendor](http_client=httpx.AsyncClient(transport=transport), **kw)


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a sync method, or run an async one to completion."""
    result = fn(*args, **kwargs)
    return asyncio.run(result) if inspect.isawaitable(result) else result


# One handle per task kind: (vendor, handle constructor name, ids).
KINDS = {
    "truebit/api": ("truebit", "api_task", ("exec-1",)),
    "truebit/function": ("truebit", "function_task", ("exec-2",)),
    "anchorbrowser/execution": ("anchorbrowser", "task", ("task-a", "exec-a")),
    "anchorbrowser/run": ("anchorbrowser", "run", ("run-1",)),
    "shannon/task": ("shannon", "task", ("task-s",)),
    "browseract/task": ("browseract", "task", ("16429034742537847",)),
}


def handle(mode: str, kind: str, handler: Handler, **kw: Any) -> Any:
    vendor, method, ids = KINDS[kind]
    return getattr(client(mode, vendor, handler, **kw), method)(*ids)


def status_body(kind: str, value: str | None, **extra: Any) -> dict[str, Any]:
    """A 200 status body of the given kind carrying vendor status ``value``."""
    if kind == "truebit/api":
        return {"executionId": "exec-1", "status": value, **extra}
    if kind == "truebit/function":
        return {"executionId": "exec-2", "verificationStatus": value, **extra}
    if kind == "anchorbrowser/execution":
        data = {
            "id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
            "taskVersionId": "3c90c3cc-0d44-4b50-8888-8dd25736052b",
            "version": "1",
            "status": value,
            "startTime": "2025-10-08T09:54:10Z",
            **extra,
        }
        return {"data": data}
    if kind == "anchorbrowser/run":
        return {"run_id": "run-1", "status": value, **extra}
    if kind == "shannon/task":
        return {
            "task_id": "task-s",
            "workflow_id": "task-s",
            "status": value,
            "created_at": "2025-10-22T10:30:00Z",
            "updated_at": "2025-10-22T10:30:05Z",
            **extra,
        }
    return {"status": value, **extra}


def browseract_task_body(status: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "16429034742537847",
        "status": status,
        "steps": [],
        "workflow_id": "wf-1",
        "created_at": "2025-10-08 09:54:10",
        **extra,
    }


def answering(body: Any, status_code: int = 200, **kw: Any) -> Handler:
    """A handler answering every request with the same body; BrowserAct's get-task answers with
    a task body of the same status."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/workflow/get-task" and isinstance(body, dict):
            return httpx.Response(200, json=browseract_task_body(body.get("status", "unknown")))
        if isinstance(body, (bytes, str)):
            return httpx.Response(status_code, content=body, **kw)
        return httpx.Response(status_code, json=body, **kw)

    return handler


def scripted(*answers: httpx.Response | Exception) -> tuple[Handler, list[httpx.Request]]:
    """A handler giving these answers in order (the last one repeats); records requests."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        answer = answers[min(len(seen), len(answers)) - 1]
        if isinstance(answer, Exception):
            raise answer
        # A fresh copy each time: a response's stream is bound to the first client using it.
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    return handler, seen
