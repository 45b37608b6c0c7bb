"""What sync and async clients and handles share: settings, ids, tokens, flows (no I/O)."""

from __future__ import annotations

import importlib
import time
from typing import Any, ClassVar, Generic, TypeVar, overload

from taskstatus import _token
from taskstatus._config import check_id, resolve
from taskstatus._errors import (
    ConfigurationError,
    TaskCancelled,
    TaskFailed,
    TaskStatusError,
    TaskTimedOut,
    UnsupportedOperation,
    WaitTimeout,
)
from taskstatus._events import TaskEvent, WorkflowEvent
from taskstatus._model import JSON, State, TaskStatus
from taskstatus._vendors import kinds_of, vendor_of
from taskstatus._waiting import flows, stream_common
from taskstatus._waiting.flows import log
from taskstatus._waiting.schedule import PollSchedule

# With hints (webhooks), the poll that catches a lost delivery: seconds between status calls.
SAFETY_INTERVAL = 60.0

# Lifecycle steps after which a streaming wait refreshes the status, so on_status sees them.
REFRESH_PHASES = frozenset({"started", "pausing", "paused", "resumed", "cancelling"})

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
        hints: Any = None,
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
        self._policy = flows.RetryPolicy(max_retries=max_retries, budget=retry_budget)
        self._schedule = schedule or PollSchedule()
        self._streaming = streaming
        if hints is not None and not self._vendor.pushes:
            raise ConfigurationError(
                f"{self.vendor_name} sends no webhooks or callbacks: hints= cannot apply",
                vendor=self.vendor_name,
            )
        if not safety_interval > 0:
            raise ConfigurationError(
                "safety_interval must be a positive number of seconds", vendor=self.vendor_name
            )
        self._hints = hints  # a taskstatus.webhooks.WebhookReceiver
        self._safety = PollSchedule(
            initial=safety_interval, factor=1.0, max_interval=safety_interval,
            jitter=self._schedule.jitter, retry_initial=self._schedule.retry_initial,
            retry_factor=self._schedule.retry_factor, retry_max=self._schedule.retry_max,
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

    def _target(self, kind: str, *ids: str) -> flows.Target:
        adapter = self._kinds[kind]
        checked = tuple(
            check_id(self._vendor, name, value)
            for name, value in zip(adapter.id_names, ids, strict=True)
        )
        return flows.Target(adapter, checked)

    def _target_from_token(self, token: str) -> flows.Target:
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
        return self._target(data.kind, *data.ids)


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
OPTIONAL_OPERATIONS = {"cancel": "no way to cancel", "events": "no event stream"}


def unsupported(handle: HandleCore[Any], name: str) -> Exception:
    """What calling a missing attribute of a handle raises at run time (the type checker
    already refuses it): UnsupportedOperation for an operation the kind lacks."""
    what = OPTIONAL_OPERATIONS.get(name)
    if what is None or name.startswith("_"):
        return AttributeError(f"{type(handle).__name__!r} object has no attribute {name!r}")
    return UnsupportedOperation(
        f"{handle.vendor} offers {what} for {handle.kind} tasks",
        vendor=handle.vendor,
        task=handle._target.ref,
    )


def handle_class(kind: Any, plain: type[Any], cancellable: type[Any], streaming: type[Any]) -> Any:
    """The handle class of a task kind: what the kind can do decides what its handle has."""
    if kind.streams:
        return streaming
    return cancellable if kind.can_cancel else plain


C = TypeVar("C", bound=ClientCore)


class HandleCore(Generic[C]):
    """A task of one client: ids, last status seen, token, and the flows to run."""

    def __init__(self, client: C, target: flows.Target):
        self._client = client
        self._target = target
        self._last: TaskStatus | None = None
        self._final: TaskStatus | None = None
        self._error: TaskStatusError | None = None  # what ended a many-wait for this handle

    @property
    def vendor(self) -> str:
        return self._target.vendor

    @property
    def kind(self) -> str:
        return self._target.kind.name

    @property
    def ids(self) -> tuple[str, ...]:
        return self._target.ids

    @property
    def last_status(self) -> TaskStatus | None:
        """The latest status this handle has seen (None before the first request)."""
        return self._last

    def token(self) -> str:
        """A resumable token for this task: ``client.resume(token)`` (holds no key)."""
        return _token.encode(
            _token.TokenData(self.vendor, self.kind, self.ids, self._client.base_url)
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.vendor} {self.kind} {self._target.ref}>"

    def _seen(self, status: TaskStatus) -> TaskStatus:
        self._last = status
        if status.done:
            self._final = status
        return status

    def _status_flow(self) -> flows.Flow[TaskStatus]:
        client = self._client
        observed = yield from flows.with_retries(
            lambda: flows.observe(self._target),
            client._policy, client._schedule, client._clock, self._target,
        )  # fmt: skip
        return self._seen(observed.status)

    def _hint_listener(self) -> Any:
        """The wake-up of a wait that deliveries can cut short; None without hints."""
        hints = self._client._hints
        return None if hints is None else hints.board.listen(self._target.ids[-1])

    def _forget(self, listener: Any) -> None:
        if listener is not None:
            self._client._hints.board.forget(self._target.ids[-1], listener)

    def _wait_flow(
        self,
        timeout: float | None,
        on_status: flows.OnStatus | None,
        reported: TaskStatus | None = None,
        after: TaskStatusError | None = None,
        schedule: PollSchedule | None = None,
    ) -> flows.Flow[TaskStatus]:
        """Poll to the end; ``after``: the transient failure it takes over from, if any."""
        if self._final is not None:
            return self._final
        if self._error is not None:
            raise self._error
        client = self._client
        status = yield from flows.wait(
            self._target, schedule or client._schedule, client._clock, timeout,
            self._observer(on_status), reported, after,
        )  # fmt: skip
        return self._seen(status)

    def _probe_flow(self, deadline: float | None) -> flows.Flow[TaskStatus]:
        """One status request inside a wait: bounded by its deadline, not retried."""
        observed = yield from flows.observe(self._target, deadline)
        return self._seen(observed.status)

    def _report(
        self, status: TaskStatus, on_status: flows.OnStatus | None, reported: TaskStatus | None
    ) -> TaskStatus:
        """Tell on_status about a status seen while streaming, if it changed."""
        if reported is None or (reported.state, reported.vendor_status) != (
            status.state,
            status.vendor_status,
        ):
            self._observer(on_status)(status)
        return status

    def _observer(self, on_status: flows.OnStatus | None) -> flows.OnStatus:
        def observe(status: TaskStatus) -> None:
            self._last = status
            if on_status is not None:
                on_status(status)

        return observe

    def _streamed(self) -> bool:
        """wait() streams first: the vendor streams and the client did not turn it off."""
        return self._target.kind.streams and self._client._streaming

    def _stream_target(self) -> flows.Target:
        if not self._target.kind.streams:
            raise UnsupportedOperation(
                f"{self.vendor} offers no event stream for {self.kind} tasks",
                vendor=self.vendor, task=self._target.ref,
            )  # fmt: skip
        return self._target

    def _deadline(self, timeout: float | None) -> float | None:
        return None if timeout is None else self._client._clock() + max(0.0, timeout)

    def _check_at(self, deadline: float | None) -> float:
        """When a streaming wait next asks for the status if the stream stays silent."""
        check = self._client._clock() + stream_common.SILENT_STREAM_CHECK
        return check if deadline is None or check < deadline else deadline

    def _remaining(self, deadline: float | None) -> float | None:
        return None if deadline is None else max(0.0, deadline - self._client._clock())

    @staticmethod
    def _refreshes(event: TaskEvent) -> bool:
        """Lifecycle events after which a streaming wait asks for the status (for on_status)."""
        return isinstance(event, WorkflowEvent) and event.phase in REFRESH_PHASES

    def _stream_timed_out(self, timeout: float | None) -> WaitTimeout:
        """A streaming wait's deadline passed: WaitTimeout with the last status seen."""
        return WaitTimeout(
            f"not finished after {timeout:g}s", last_status=self._last,
            vendor=self.vendor, task=self._target.ref,
        )  # fmt: skip

    def _stream_ended(self, error: TaskStatusError | None) -> None:
        if error is not None:
            log.info(
                "%s %s: event stream unavailable (%s); polling",
                self.vendor,
                self._target.ref,
                error,
            )

    def _cancel_flow(self) -> flows.Flow[bool]:
        if not self._target.kind.can_cancel:
            raise UnsupportedOperation(
                f"{self.vendor} offers no way to cancel a {self.kind} task",
                vendor=self.vendor,
                task=self._target.ref,
            )
        return (yield from flows.cancel(self._target))
