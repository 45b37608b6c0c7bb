"""What sync and async clients and handles share: settings, ids, tokens, the flows each
method runs (no I/O: the twins only drive them)."""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar, overload

import attrs

from taskstatus import _token
from taskstatus._config import check_id, resolve
from taskstatus._errors import (
    ConfigurationError,
    TaskCancelled,
    TaskFailed,
    TaskStatusError,
    TaskTimedOut,
    UnsupportedOperation,
)
from taskstatus._io.tracing import wait_trace
from taskstatus._model import JSON, State, TaskStatus
from taskstatus._vendors import kinds_of, vendor_of
from taskstatus._waiting import flows, stream
from taskstatus._waiting.board import Job
from taskstatus._waiting.plan import SAFETY_INTERVAL, WaitPlan, check_timeout, until_done
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import Clock, Flow, HintSource, OnRetry, OnStatus, Send, TaskRef
from taskstatus._waiting.watch import DoneCallback, StopSignal, Watch, notify

# result() of a task that ended in one of these states raises the error instead.
FAILURES: dict[State, type[TaskFailed]] = {
    State.FAILED: TaskFailed,
    State.CANCELLED: TaskCancelled,
    State.TIMED_OUT: TaskTimedOut,
}


def result_of(status: TaskStatus) -> JSON:
    """The output of a SUCCEEDED status; the matching TaskFailed for any other final state."""
    error = FAILURES.get(status.state)
    if error is not None:
        raise error(status)
    return status.output


class ClientCore:
    """Settings of one vendor client. Subclasses set ``vendor_name``."""

    vendor_name: ClassVar[str]

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        *,
        timeout: float,
        max_retries: int,
        retry_budget: float,
        schedule: PollSchedule | None,
        streaming: bool = True,
        hints: HintSource | None = None,
        safety_interval: float = SAFETY_INTERVAL,
    ):
        self._vendor = vendor_of(self.vendor_name)
        self._kinds = kinds_of(self.vendor_name)
        self._settings = resolve(self._vendor, api_key, base_url)
        if not timeout > 0:
            raise ConfigurationError(
                "timeout must be a positive number of seconds", vendor=self.vendor_name
            )
        if max_retries < 0:
            raise ConfigurationError("max_retries must be 0 or more", vendor=self.vendor_name)
        self._timeout = float(timeout)
        if hints is not None and not self._vendor.pushes:
            raise ConfigurationError(
                f"{self.vendor_name} sends no webhooks or callbacks: hints= cannot apply",
                vendor=self.vendor_name,
            )
        if not safety_interval > 0:
            raise ConfigurationError(
                "safety_interval must be a positive number of seconds", vendor=self.vendor_name
            )
        self._hints = hints  # a taskstatus.webhooks.WebhookReceiver, or another HintSource
        self._plan = WaitPlan(
            self.base_url, schedule or PollSchedule(),
            flows.RetryPolicy(max_retries=max_retries, budget=retry_budget),
            streaming=streaming, hinted=hints is not None, safety_interval=safety_interval,
        )  # fmt: skip
        self._clock = time.monotonic

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    def _generated_client(self) -> Any:
        """The vendor's generated ``AuthenticatedClient`` with this client's base URL, key and
        timeout; each twin then makes it send over its own connections."""
        import httpx

        package = importlib.import_module(f"{self.vendor_name}_client")
        return package.AuthenticatedClient(
            base_url=self.base_url,
            token=self._settings.api_key or "",
            auth_header_name=self._vendor.auth_header,
            prefix=self._vendor.auth_prefix.strip(),
            timeout=httpx.Timeout(self._timeout),
            follow_redirects=False,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def _ref(self, kind: str, *ids: str) -> TaskRef:
        adapter = self._kinds[kind]
        checked = tuple(
            check_id(self._vendor, name, value)
            for name, value in zip(adapter.id_names, ids, strict=True)
        )
        return TaskRef(adapter, checked)

    def _ref_from_token(self, token: str) -> TaskRef:
        data = _token.decode(token)
        if data.vendor != self.vendor_name:
            raise ConfigurationError(
                f"token is for {data.vendor}, not {self.vendor_name}", vendor=self.vendor_name
            )
        if data.kind not in self._kinds or len(data.ids) != len(self._kinds[data.kind].id_names):
            raise ConfigurationError(
                f"token names an unknown task kind {data.kind!r}", vendor=self.vendor_name
            )
        if data.base_url != self.base_url:
            # The key of this client must not be sent to a URL that came from a token.
            raise ConfigurationError(
                f"token was made for {data.base_url}; this client talks to {self.base_url}",
                vendor=self.vendor_name,
            )
        return self._ref(data.kind, *data.ids)


A = TypeVar("A")


class GeneratedClient(Generic[A]):
    """``client.api``: the vendor's generated client, made on first use from the facade
    client's settings and sending over its connection pool, so any generated operation is one
    call: ``submit_task.sync(client=shannon.api, body=...)``."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type) -> GeneratedClient[A]: ...
    @overload
    def __get__(self, obj: ClientCore, owner: type) -> A: ...
    def __get__(self, obj: ClientCore | None, owner: type) -> GeneratedClient[A] | A:
        if obj is None:
            return self
        made: A = obj._generated_client()
        obj.__dict__[self._name] = made  # later reads find it there, not here
        return made


# Operations only some kinds have, and how to say a kind lacks one.
OPTIONAL_OPERATIONS = {
    "cancel": "offers no way to cancel {kind} tasks: its API has no cancel call",
    "events": "offers no event stream for {kind} tasks: its API streams no events",
}


def missing(vendor: str, kind: str, task: str, name: str) -> UnsupportedOperation:
    """The error of an operation ``name`` that tasks of this kind do not have."""
    return UnsupportedOperation(
        f"{vendor} " + OPTIONAL_OPERATIONS[name].format(kind=kind),
        vendor=vendor, task=task, name=name,
    )  # fmt: skip


def unsupported(handle: HandleCore, name: str) -> Exception:
    """What reading a missing attribute of a handle raises at run time (the type checker
    already refuses it): an AttributeError, which for an operation the kind lacks is
    UnsupportedOperation (an AttributeError too), so hasattr()/getattr(..., default) work."""
    if name not in OPTIONAL_OPERATIONS:
        return AttributeError(
            f"{type(handle).__name__!r} object has no attribute {name!r}", name=name, obj=handle
        )
    return missing(handle.vendor, handle.kind, "/".join(handle.ids), name)


def handle_class(kind: Any, plain: type[Any], cancellable: type[Any], streaming: type[Any]) -> Any:
    """The handle class of a task kind: what the kind can do decides what its handle has."""
    if kind.streams:
        return streaming
    return cancellable if kind.can_cancel else plain


@attrs.frozen
class Context:
    """What a client gives each of its handles: how it waits, its clock, its hints, how it
    sends one request, how it drives a flow (``drive(flow, hint_id=None, streams=False,
    watch=None)``) and the carrier of a flow's steps (``carrier(wakeup=None, streams=False,
    watch=None)``)."""

    base_url: str
    plan: WaitPlan
    clock: Clock
    hints: HintSource | None
    send: Callable[[Send], Any]
    drive: Callable[..., Any]
    carrier: Callable[..., Any]


# Guards every handle's done callbacks (registering is rare: one lock for all handles).
_CALLBACKS = threading.Lock()


class HandleCore:
    """A task of one client: its ids, the last status seen, its token, and the flow each of
    its methods runs (the twins drive them with ``context.drive``).  Slotted, as are the
    twins' handles: a many-wait holds one per task (10,000 of them)."""

    __slots__ = ("__weakref__", "_callbacks", "_context", "_last", "_outcome", "_ref")

    def __init__(self, context: Context, ref: TaskRef):
        self._context = context
        self._ref = ref
        self._last: TaskStatus | None = None
        # A final status, or the error that ended a many-wait for this handle.
        self._outcome: TaskStatus | TaskStatusError | None = None
        self._callbacks: list[DoneCallback] | None = None

    def add_done_callback(self, fn: DoneCallback) -> None:
        """Call ``fn`` once with this handle's outcome: its final status (seen by any call),
        or the error that ended a many-wait for it; at once if it is already known.  What
        ``fn`` raises is logged, never propagated (as ``concurrent.futures.Future``)."""
        with _CALLBACKS:
            outcome = self._outcome
            if outcome is None:
                self._callbacks = [*(self._callbacks or ()), fn]
                return
        notify(fn, outcome)

    def _done(self, outcome: TaskStatus | TaskStatusError) -> None:
        """The outcome is known (the first one calls the callbacks; a later one replaces it)."""
        with _CALLBACKS:
            self._outcome = outcome
            callbacks, self._callbacks = self._callbacks, None
        for fn in callbacks or ():
            notify(fn, outcome)

    def _watch(self, stop: StopSignal | None, on_done: DoneCallback | None,
               operation: str) -> Watch | None:  # fmt: skip
        """What watches one wait of this handle: None when nothing does (no cost per step)."""
        trace = wait_trace(self._ref, operation)
        if stop is None and on_done is None and trace is None:
            return None
        return Watch(self._ref, stop, trace, on_done, lambda: self._last)

    @property
    def vendor(self) -> str:
        return self._ref.vendor

    @property
    def kind(self) -> str:
        return self._ref.kind.name

    @property
    def ids(self) -> tuple[str, ...]:
        return self._ref.ids

    @property
    def last_status(self) -> TaskStatus | None:
        """The latest status this handle has seen (None before the first request)."""
        return self._last

    def token(self) -> str:
        """A resumable token for this task: ``client.resume(token)`` (holds no key)."""
        return _token.encode(
            _token.TokenData(self.vendor, self.kind, self.ids, self._context.base_url)
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.vendor} {self.kind} {self._ref.ref}>"

    def _settle(self, outcome: TaskStatus | TaskStatusError) -> None:
        if isinstance(outcome, TaskStatus):
            self._seen(outcome)
        else:
            self._done(outcome)

    def _seen(self, status: TaskStatus) -> TaskStatus:
        self._last = status
        if status.done:
            self._done(status)
        return status

    def _note(self, status: TaskStatus) -> None:
        self._last = status

    def _observer(self, on_status: OnStatus | None) -> OnStatus:
        if on_status is None:  # a bound method: no closure held per wait (10,000 of them)
            return self._note

        def observe(status: TaskStatus) -> None:
            self._last = status
            if on_status is not None:
                on_status(status)

        return observe

    def _status_flow(self) -> Flow[TaskStatus]:
        context = self._context
        observed = yield from flows.with_retries(
            lambda attempt: flows.observe(self._ref, None, attempt), context.plan.retries,
            context.plan.schedule, context.clock, self._ref,
        )  # fmt: skip
        return self._seen(observed.status)

    def _check_flow(self) -> Flow[flows.Observed]:
        observed = yield from flows.observe(self._ref)
        self._seen(observed.status)
        return observed

    def _wait_flow(
        self, timeout: float | None, on_status: OnStatus | None, on_retry: OnRetry | None = None
    ) -> Flow[TaskStatus]:
        """The wait, as the client's plan says; at once when the outcome is known."""
        check_timeout(timeout, vendor=self.vendor)
        if isinstance(self._outcome, TaskStatus):
            return self._outcome
        if self._outcome is not None:
            raise self._outcome
        context = self._context
        status = yield from until_done(
            self._ref, context.plan, context.clock, timeout, self._observer(on_status),
            on_retry=on_retry,
        )  # fmt: skip
        return self._seen(status)

    def _job(
        self,
        on_status: OnStatus | None,
        on_done: DoneCallback | None = None,
        on_retry: OnRetry | None = None,
    ) -> Job[Any]:
        """This handle's part in a many-wait: a polling flow (hints wake it; no stream), its
        trace and done callback (called at once when the outcome is already known)."""
        context, flow, watch = self._context, None, None
        if self._outcome is None:
            flow = until_done(self._ref, context.plan, context.clock, None,
                              self._observer(on_status), streaming=False,
                              on_retry=on_retry)  # fmt: skip
            watch = self._watch(None, on_done, "wait")
        elif on_done is not None:
            notify(on_done, self._outcome)
        return Job(self, flow, context.send, self._settle, self._outcome, context.hints,
                   self._hint_id(), watch=watch)  # fmt: skip

    def _hint_id(self) -> str:
        """The id a delivery names for this task (an AnchorBrowser execution, a run, a task)."""
        return self._ref.ids[-1]

    def _events_flow(self, timeout: float | None) -> Flow[None]:
        check_timeout(timeout, vendor=self.vendor)
        if not self._ref.kind.streams:
            raise missing(self.vendor, self.kind, self._ref.ref, "events")
        return stream.events(self._ref, self._context.base_url, self._context.clock, timeout)

    def _cancel_flow(self) -> Flow[bool]:
        if not self._ref.kind.can_cancel:
            raise missing(self.vendor, self.kind, self._ref.ref, "cancel")
        return (yield from flows.cancel(self._ref))
