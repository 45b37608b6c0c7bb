"""What a vendor adapter is: vendor facts as data, task kinds as small pure parsers.

An adapter says which generated call fetches a status (``status_request``) and turns the
generated model into a ``TaskStatus`` (``parse_status``).  It never sleeps, retries or sends.
``read_response`` turns any HTTP answer into a JSON body or the right typed error.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar, cast

import attrs

from taskstatus._errors import (
    APIError,
    AuthenticationError,
    BadResponse,
    RateLimited,
    ServerError,
    TaskNotFound,
    excerpt,
)
from taskstatus._model import Deferred, State, TaskStatus
from taskstatus._wire import Answer, Request, parse_retry_after


@attrs.frozen
class Vendor:
    """Everything that differs between vendors outside the body shapes, as data."""

    name: str
    key_env: str
    base_url_env: str
    default_base_url: str
    auth_header: str
    auth_prefix: str = ""
    key_required: bool = True
    pushes: bool = False  # sends webhooks/callbacks a WebhookReceiver turns into hints
    # Error codes some vendors put in the body (BrowserAct: 10112 = no such task).
    body_codes: Mapping[int, type[APIError]] = attrs.field(factory=dict)
    # Where the vendor's own error answers hold their text (docs/vendors.md), each a path of
    # keys: a 404 whose body has none is not the vendor's "no such task" but another server's
    # (a wrong base URL), and is not read as TaskNotFound.
    error_texts: tuple[tuple[str, ...], ...] = ()
    # Body codes that answer a cancel of a task that had already ended (BrowserAct 10121).
    ended_codes: frozenset[int] = frozenset()

    def answers_like(self, body: Any) -> bool:
        """Whether an error body has the shape of this vendor's own error answers."""
        for path in self.error_texts:
            found = body
            for key in path:
                found = found.get(key) if isinstance(found, dict) else None
            if isinstance(found, str) and found.strip():
                return True
        return False


# HTTP status -> error class, for codes that are not 2xx.  Anything >= 500 is a ServerError.
STATUS_ERRORS: Mapping[int, type[APIError]] = {
    401: AuthenticationError,
    403: AuthenticationError,
    404: TaskNotFound,
    408: ServerError,  # request timeout on the server side: worth retrying
    410: TaskNotFound,
    429: RateLimited,
}


def request_from(endpoint_kwargs: Callable[..., dict[str, Any]], *args: str, **kw: str) -> Request:
    """A Request from a generated endpoint module's ``_get_kwargs`` (its path encoding included)."""
    built = endpoint_kwargs(*args, **kw)
    return Request(
        method=str(built["method"]).upper(),
        path=str(built["url"]),
        params=built.get("params"),
        json=built.get("json"),
    )


def error_text(body: Any) -> str | None:
    """The vendor's error text from any of the four error envelopes."""
    if not isinstance(body, dict):
        return None
    inner = body.get("error")
    if isinstance(inner, dict):
        inner = inner.get("message")
    for text in (inner, body.get("msg"), body.get("message")):
        if isinstance(text, str) and text.strip():
            return text.strip()
    return None


def _json(answer: Answer) -> Any:
    if not answer.content.strip():
        return None  # an empty 2xx (BrowserAct's stop-task) is fine; parse_model rejects it
    try:
        # Strict UTF-8 (RFC 8259): json.loads(bytes) would let invalid sequences through as
        # lone surrogates, which break whatever prints or encodes the text later.
        return json.loads(answer.content.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return _NOT_JSON


_NOT_JSON = object()


def read_response(vendor: Vendor, task: str, answer: Answer) -> Any:
    """The JSON body of a successful answer; a typed error for anything else."""
    code = answer.status_code
    body = _json(answer)
    if 200 <= code < 300:
        if body is _NOT_JSON:
            raise BadResponse(
                "answer is not JSON", vendor=vendor.name, task=task,
                status_code=code, excerpt=excerpt(answer.content),
            )  # fmt: skip
        envelope_code = body.get("code") if isinstance(body, dict) else None
        if isinstance(envelope_code, int) and envelope_code != 0 and "status" not in body:
            raise _api_error(vendor, task, answer, body, envelope_code)
        return body
    raise _api_error(vendor, task, answer, body if body is not _NOT_JSON else None, None)


def _api_error(
    vendor: Vendor, task: str, answer: Answer, body: Any, body_code: int | None
) -> APIError:
    code = answer.status_code
    cls: type[APIError] | None = None
    if body_code is not None:
        cls = vendor.body_codes.get(body_code) or STATUS_ERRORS.get(body_code)
    elif isinstance(body, dict) and isinstance(body.get("code"), int):
        cls = vendor.body_codes.get(body["code"])
    if cls is None:
        cls = STATUS_ERRORS.get(code) or (ServerError if code >= 500 else APIError)
    text = error_text(body) or (f"vendor code {body_code}" if body_code else None)
    if text is None:
        text = "redirect not followed" if 300 <= code < 400 else "error"
    if cls is TaskNotFound and body_code is None and not vendor.answers_like(body):
        # Not the vendor's own "no such task": some other server answered.
        cls = APIError
        text = (
            f"the server did not answer like {vendor.name} (not its not-found answer): "
            "check the base URL"
        )
    common: dict[str, Any] = {
        "vendor_code": body_code if body_code is not None else _code_of(body),
        "vendor": vendor.name,
        "task": task,
        "status_code": code,
        "excerpt": excerpt(answer.content),
    }
    if cls is RateLimited:
        return RateLimited(text, retry_after=parse_retry_after(answer.headers), **common)
    return cls(text, **common)


def _code_of(body: Any) -> int | None:
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, int) and not isinstance(code, bool) else None


def parse_model(model: Any, body: Any, vendor: Vendor, task: str) -> Any:
    """``model.from_dict(body)``, with every parsing failure turned into BadResponse."""
    if not isinstance(body, dict):
        raise BadResponse(
            f"expected a JSON object, got {type(body).__name__}",
            vendor=vendor.name, task=task, excerpt=excerpt(json.dumps(body)[:400]),
        )  # fmt: skip
    try:
        return model.from_dict(body)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise BadResponse(
            f"answer does not fit {model.__name__} ({type(exc).__name__}: {excerpt(str(exc), 80)})",
            vendor=vendor.name, task=task, excerpt=excerpt(json.dumps(body)[:400]),
        ) from exc  # fmt: skip


M = TypeVar("M")
R = TypeVar("R")


def read_model(read: Callable[[M], R], parsed: M, vendor: Vendor, task: str) -> R:
    """``read(parsed)``; when the generated model and the adapter disagree (a regenerated client
    renamed or dropped a field the adapter reads), BadResponse naming the field, never a raw
    AttributeError."""
    try:
        return read(parsed)
    except AttributeError as exc:
        field = exc.name or excerpt(str(exc), 80)
        raise BadResponse(
            f"{type(parsed).__name__} has no field {field!r}: the generated client and the "
            "facade disagree (regenerated without updating the adapter?)",
            vendor=vendor.name, task=task,
        ) from exc  # fmt: skip
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponse(
            f"cannot read {type(parsed).__name__} ({type(exc).__name__}: "
            f"{excerpt(str(exc), 80)})",
            vendor=vendor.name, task=task,
        ) from exc  # fmt: skip


def value(field: Any) -> Any:
    """A generated field's plain value: None when unset, ``.value`` of an enum, ``to_dict()`` of
    a model, else the field itself."""
    if field is None or type(field).__name__ == "Unset":
        return None
    if hasattr(field, "to_dict"):
        return field.to_dict()
    return field.value if isinstance(field, enum.Enum) else field


def when(field: Any) -> datetime | None:
    return field if isinstance(field, datetime) else None


E = TypeVar("E", bound=enum.StrEnum)


@attrs.frozen
class StateTable(Generic[E]):
    """A vendor's status values -> State, keyed by the members of the generated client's enum.

    The generated enum is the one source of truth for a vendor's values: a value renamed or
    removed upstream is a type error and an import error here, and ``unmapped`` names every
    value the spec lists that the table does not (tests/facade/test_state_tables.py fails on
    it; until the table is extended such a value reads UNKNOWN).
    """

    name: str  # where the table lives, for messages: "STATES in taskstatus/_vendors/shannon.py"
    enum: type[E]
    states: Mapping[E, State]

    def state(self, raw: str | None) -> State:
        """The State for a vendor value; a value the table does not know is UNKNOWN."""
        if raw is None:
            return State.UNKNOWN
        by_value = cast(Mapping[str, State], self.states)  # members hash and compare as str
        return by_value.get(raw, State.UNKNOWN)

    def unmapped(self) -> list[str]:
        """Values the generated enum lists that the table does not map."""
        return [member.value for member in self.enum if member not in self.states]


@attrs.frozen
class Fields:
    """What an adapter reads from a generated status model, before the state table applies."""

    vendor_status: str | None
    output: Any = None
    error: str | None = None
    failed_inside: bool = False  # the vendor says success but the work itself failed
    created_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None


@attrs.frozen
class Kind:
    """A task kind described as data: its ids, generated status call, model and state table."""

    vendor: Vendor
    name: str
    id_names: tuple[str, ...]
    states: StateTable[Any]
    status_call: Callable[..., dict[str, Any]]  # a generated endpoint's _get_kwargs
    model: Any  # the generated model of the 200 answer
    read: Callable[[Any], Fields]  # generated model -> Fields
    notes: Mapping[str, str] = attrs.field(factory=dict)  # vendor value -> implied error text
    query_ids: bool = False  # ids go in the query (BrowserAct) rather than the path
    can_cancel: bool = False
    fetches_output: bool = False
    streams: bool = False  # has a live event stream (Shannon)

    def _call(self, endpoint: Callable[..., dict[str, Any]], ids: tuple[str, ...]) -> Request:
        if self.query_ids:
            return request_from(endpoint, **dict(zip(self.id_names, ids, strict=True)))
        return request_from(endpoint, *ids)

    def status_request(self, ids: tuple[str, ...]) -> Request:
        return self._call(self.status_call, ids)

    def parse_status(
        self, body: Any, ids: tuple[str, ...], source: bytes | None = None
    ) -> TaskStatus:
        """The status in ``body``; given ``source`` (the bytes ``body`` was decoded from), its
        ``raw`` model is made again from them on first use rather than held."""
        task = "/".join(ids)
        parsed = parse_model(self.model, body, self.vendor, task)
        fields = read_model(self.read, parsed, self.vendor, task)
        state = self.states.state(fields.vendor_status)
        if state is State.SUCCEEDED and fields.failed_inside:
            state = State.FAILED
        error = fields.error
        if error is None and fields.vendor_status is not None:
            error = self.notes.get(fields.vendor_status)
        return TaskStatus(
            vendor=self.vendor.name,
            kind=self.name,
            task_id=ids[0],
            execution_id=ids[1] if len(ids) > 1 else None,
            state=state,
            vendor_status=fields.vendor_status,
            output=fields.output,
            error=error,
            created_at=fields.created_at,
            started_at=fields.started_at,
            finished_at=fields.finished_at,
            raw=parsed if source is None else Deferred(self.model, source),
        )

    # Kinds with more than one call override these (see browseract, shannon).
    def output_request(self, ids: tuple[str, ...]) -> Request:
        raise AssertionError(f"{self.vendor.name} {self.name} fetches no separate output")

    def merge_output(self, status: TaskStatus, body: Any) -> TaskStatus:
        return status

    def cancel_request(self, ids: tuple[str, ...]) -> Request:
        raise AssertionError(f"{self.vendor.name} {self.name} cannot cancel")

    def stream_request(self, ids: tuple[str, ...]) -> Request:
        raise AssertionError(f"{self.vendor.name} {self.name} has no event stream")

    def parse_cancel(self, body: Any) -> bool:
        return False
