"""OpenTelemetry spans of the waits, through the global tracer provider (extra ``otel``).

``wait_trace`` is None when opentelemetry-api is not installed or no SDK records (then a wait
costs one call here and nothing per step).  Otherwise one span per wait: vendor, kind, task
ids, and at its end the final state, the requests made and the outcome or error type; a child
span per request (method, route template, status code, resend count); an event per sleep,
hint, stream opening and stream event.  Never a key, a header or a body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from taskstatus._errors import WaitStopped, WaitTimeout
from taskstatus._model import TaskStatus
from taskstatus._waiting.steps import Message, Opened, Send, TaskRef
from taskstatus._wire import Answer

otel: Any = None  # opentelemetry.trace, imported at the first wait (not at import time)
_tracer: Any = None
_missing = False  # opentelemetry-api is not installed: no tracing, no cost
# Outcomes that are no failure of the wait (the caller ended it, or left it).
_LEFT = {GeneratorExit: "closed", WaitStopped: "stopped"}


def _get_tracer() -> Any:
    global otel, _tracer, _missing
    if _tracer is None and not _missing:
        try:
            from opentelemetry import trace
        except ImportError:
            _missing = True
            return None
        otel, _tracer = trace, trace.get_tracer("taskstatus")
    return _tracer


def wait_trace(task: TaskRef, operation: str = "wait") -> WaitSpan | None:
    """The trace of one wait of ``task`` (a child of the current span), or None."""
    tracer = _tracer if _tracer is not None else _get_tracer()
    if tracer is None:
        return None
    span = tracer.start_span(
        f"taskstatus.{operation}",
        attributes={
            "taskstatus.vendor": task.vendor,
            "taskstatus.kind": task.kind.name,
            "taskstatus.task_ids": list(task.ids),
        },
    )
    if not span.is_recording():
        return None  # no SDK: a non-recording span needs no ending
    return WaitSpan(span, task)


def route(task: TaskRef, path: str) -> str:
    """The route template of a request path: each task id segment named, the query dropped."""
    names = dict(zip(task.ids, task.kind.id_names, strict=False))
    parts = path.split("?", 1)[0].split("/")
    return "/".join(f"{{{names[unquote(p)]}}}" if unquote(p) in names else p for p in parts)


def _error_type(exc: BaseException) -> str:
    return type(exc).__name__


class WaitSpan:
    """The span of one wait (the ``Trace`` the drivers tell)."""

    def __init__(self, span: Any, task: TaskRef):
        self.span = span
        self.task = task
        self.requests = 0
        self._context = otel.set_span_in_context(span)

    def request(self, send: Send) -> Callable[[object], None]:
        self.requests += 1
        method = send.request.method
        attributes: dict[str, Any] = {
            "http.request.method": method,
            "url.template": route(self.task, send.request.path),
        }
        if send.attempt:
            attributes["http.request.resend_count"] = send.attempt
        child = _get_tracer().start_span(
            f"{method} {attributes['url.template']}", context=self._context,
            kind=otel.SpanKind.CLIENT, attributes=attributes,
        )  # fmt: skip

        def ended(outcome: object) -> None:
            if isinstance(outcome, Answer):
                code = outcome.status_code
                child.set_attribute("http.response.status_code", code)
                if code >= 400:
                    child.set_attribute("error.type", str(code))
                    child.set_status(otel.StatusCode.ERROR)
            elif isinstance(outcome, BaseException):
                child.set_attribute("error.type", _error_type(outcome))
                child.set_status(otel.StatusCode.ERROR, str(outcome))
            child.end()

        return ended

    def slept(self, seconds: float, wakeable: bool) -> None:
        self.span.add_event(
            "taskstatus.sleep",
            {"taskstatus.sleep.seconds": seconds, "taskstatus.sleep.wakeable": wakeable},
        )

    def hinted(self) -> None:
        self.span.add_event("taskstatus.hint")

    def opened(self, opened: Opened) -> None:
        self.span.add_event(
            "taskstatus.stream.open", {"http.response.status_code": opened.status_code}
        )

    def message(self, message: Message) -> None:
        attributes = {"taskstatus.event.name": message.event}
        if message.id:
            attributes["taskstatus.event.id"] = message.id
        self.span.add_event("taskstatus.stream.event", attributes)

    def ended(self, outcome: object) -> None:
        span = self.span
        span.set_attribute("taskstatus.polls", self.requests)
        last = outcome
        if isinstance(outcome, WaitTimeout | WaitStopped):
            last = outcome.last_status
        if isinstance(last, TaskStatus):
            span.set_attribute("taskstatus.state", last.state.value)
        if isinstance(outcome, TaskStatus):
            span.set_attribute("taskstatus.outcome", outcome.state.value)
        elif isinstance(outcome, BaseException):
            left = _LEFT.get(type(outcome))
            if left is not None:
                span.set_attribute("taskstatus.outcome", left)
            else:
                timeout = isinstance(outcome, WaitTimeout)
                span.set_attribute("taskstatus.outcome", "timeout" if timeout else "error")
                span.set_attribute("error.type", _error_type(outcome))
                span.set_status(otel.StatusCode.ERROR, str(outcome))
        else:
            span.set_attribute("taskstatus.outcome", "ended")  # events(): the stream's end
        span.end()
