"""The one error hierarchy of taskstatus.  Every error names its vendor and task; none holds a key.

::

    TaskStatusError
    ├── ConfigurationError         no key, bad base URL, invalid id, foreign or tampered token
    ├── UnsupportedOperation       e.g. cancel() where the vendor has no cancel call
    ├── APIError                   the vendor answered with an error (.status_code, .excerpt)
    │   ├── AuthenticationError    401 / 403 (or the vendor's own code for it)
    │   ├── TaskNotFound           404, BrowserAct code 10112
    │   ├── RateLimited            429 (.retry_after, seconds or None)
    │   └── ServerError            any 5xx, non-standard codes (520, 999) included
    ├── TransportError             connection failed or dropped, request timed out
    ├── BadResponse                not JSON, wrong shape, HTML (.status_code, .excerpt)
    ├── TaskFailed                 result() of a task that FAILED (.status)
    │   ├── TaskCancelled          ... that was CANCELLED
    │   └── TaskTimedOut           ... that the vendor timed out (TIMED_OUT)
    ├── WaitTimeout                our own deadline passed (also TimeoutError; .last_status,
    │                              .last_error)
    └── WaitStopped                the caller's stop signal was set (.last_status); the task goes on
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from taskstatus._model import TaskStatus

EXCERPT_CHARS = 200


def excerpt(content: bytes | str, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable, single-line excerpt of a body for error messages."""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    text = " ".join(text[: limit * 2].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class TaskStatusError(Exception):
    """Base of every error taskstatus raises."""

    transient = False  # worth retrying while waiting

    def __init__(self, message: str, *, vendor: str | None = None, task: str | None = None):
        self.vendor = vendor
        self.task = task
        self.reason = message  # what went wrong, without the vendor and task
        where = " ".join(p for p in (vendor, f"task {task}" if task else None) if p)
        super().__init__(f"{where}: {message}" if where else message)


class ConfigurationError(TaskStatusError):
    """The caller's settings or input cannot work: missing key, invalid id, bad token."""


class UnsupportedOperation(TaskStatusError, AttributeError):
    """The vendor offers no such operation (e.g. cancelling a Truebit task).

    Also an ``AttributeError``: a handle of a kind without ``cancel`` or ``events`` has no
    such attribute, so ``hasattr(handle, "cancel")`` is False and ``getattr(handle, "cancel",
    None)`` is None, while calling it names the vendor and says why."""

    def __init__(
        self, message: str, *, vendor: str | None = None, task: str | None = None,
        name: str | None = None,
    ):  # fmt: skip
        super().__init__(message, vendor=vendor, task=task)
        self.name = name


class APIError(TaskStatusError):
    """The vendor answered with an HTTP error; ``vendor_code`` is the error code in its body,
    when it put one there (BrowserAct's ``code``)."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str | None = None,
        task: str | None = None,
        status_code: int | None = None,
        excerpt: str = "",
        vendor_code: int | None = None,
    ):
        self.status_code = status_code
        self.excerpt = excerpt
        self.vendor_code = vendor_code
        detail = f"HTTP {status_code}: {message}" if status_code is not None else message
        super().__init__(detail, vendor=vendor, task=task)


class AuthenticationError(APIError):
    """The API key is missing, wrong, or may not read this task."""


class TaskNotFound(APIError):
    """The vendor does not know this task."""


class RateLimited(APIError):
    """Too many requests; ``retry_after`` is the server's hint in seconds, when it gave one."""

    transient = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object):
        self.retry_after = retry_after
        super().__init__(message, **kwargs)  # type: ignore[arg-type]


class ServerError(APIError):
    """The vendor failed (any 5xx, non-standard codes included)."""

    transient = True


class TransportError(TaskStatusError):
    """No usable answer: connection refused or dropped, or the request timed out."""

    transient = True


class BadResponse(TaskStatusError):
    """An answer taskstatus cannot read: not JSON, wrong shape, HTML."""

    def __init__(
        self,
        message: str,
        *,
        vendor: str | None = None,
        task: str | None = None,
        status_code: int | None = None,
        excerpt: str = "",
    ):
        self.status_code = status_code
        self.excerpt = excerpt
        self.detail = message
        parts = [message]
        if status_code is not None:
            parts.append(f"HTTP {status_code}")
        if excerpt:
            parts.append(f"body: {excerpt!r}")
        super().__init__("; ".join(parts), vendor=vendor, task=task)

    def at_status(self, status_code: int) -> BadResponse:
        """The same error, naming the HTTP status of the answer it came from."""
        if self.status_code is not None:
            return self
        return BadResponse(
            self.detail, vendor=self.vendor, task=self.task, status_code=status_code,
            excerpt=self.excerpt,
        )  # fmt: skip


class TaskFailed(TaskStatusError):
    """``result()`` of a task that did not succeed; ``status`` is its final TaskStatus."""

    def __init__(self, status: TaskStatus):
        self.status = status
        reason = f": {status.error}" if status.error else ""
        super().__init__(
            f"ended {status.state.value} ({status.vendor_status}){reason}",
            vendor=status.vendor,
            task=status.task_ref,
        )


class TaskCancelled(TaskFailed):
    """``result()`` of a task that was cancelled."""


class TaskTimedOut(TaskFailed):
    """``result()`` of a task the vendor stopped for taking too long."""


class WaitTimeout(TaskStatusError, TimeoutError):
    """Our own deadline passed before the task ended; ``last_status`` is the latest seen,
    ``last_error`` the last transient failure the wait rode out (None if there was none)."""

    def __init__(
        self,
        message: str,
        *,
        last_status: TaskStatus | None = None,
        last_error: TaskStatusError | None = None,
        vendor: str | None = None,
        task: str | None = None,
    ):
        self.last_status = last_status
        self.last_error = last_error
        super().__init__(message, vendor=vendor, task=task)


class WaitStopped(TaskStatusError):
    """The caller's ``stop`` signal ended the wait; ``last_status`` is the latest seen.  Only
    the wait stopped: nothing was cancelled at the vendor."""

    def __init__(
        self,
        message: str = "wait stopped",
        *,
        last_status: TaskStatus | None = None,
        vendor: str | None = None,
        task: str | None = None,
    ):
        self.last_status = last_status
        super().__init__(message, vendor=vendor, task=task)
