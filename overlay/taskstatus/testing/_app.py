"""The ASGI machinery every fake vendor shares: routing, auth, tasks, fault injection.

A vendor fake subclasses ``FakeApp`` and declares its routes and bodies; faults, credentials
and scripted timelines work the same for all of them.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import parse_qs, unquote

import attrs

from taskstatus._model import State
from taskstatus.testing._push import Delivery, PushPlan
from taskstatus.testing._script import FaultPlan, Script

ASGIMessage = dict[str, Any]
Receive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]


@attrs.frozen
class Reply:
    status: int
    body: bytes = b""
    headers: Sequence[tuple[str, str]] = ()
    stream: AsyncIterator[bytes] | None = None  # an event stream instead of ``body``

    @classmethod
    def json(cls, status: int, obj: Any, headers: Sequence[tuple[str, str]] = ()) -> Reply:
        return cls(
            status, json.dumps(obj).encode(), (("content-type", "application/json"), *headers)
        )


@attrs.frozen
class Incoming:
    method: str
    path: str  # decoded
    raw_path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # lower-case names
    body: bytes

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


@attrs.define
class FakeTask:
    """A task following its script.  A pause over the API (``pause``) stops the script's clock
    until ``resume``; resuming a task in its scripted ``paused`` phase ends that phase at once.
    ``script_time`` is where the task stands in its script; ``real_moment`` turns a moment of
    the script into seconds from creation."""

    kind: str
    ids: tuple[str, ...]
    script: Script
    created: float
    faults: FaultPlan
    cancelled_at: float | None = None
    requests: int = 0
    seen_at: list[float] = attrs.field(factory=list)  # monotonic time of each request
    # (script time, seconds from creation it began, seconds from creation it ended or None)
    holds: list[tuple[float, float, float | None]] = attrs.field(factory=list)
    skips: list[tuple[float, float]] = attrs.field(factory=list)  # (script time, seconds)

    def elapsed(self, now: float) -> float:
        return now - self.created

    def _shifts(self, now: float) -> list[tuple[float, float]]:
        """(script time, seconds the script moved later after it) of each hold and skip."""
        shifts = [
            (at, (self.elapsed(now) if end is None else end) - start)
            for at, start, end in self.holds
        ]
        return shifts + [(at, -seconds) for at, seconds in self.skips]

    def script_time(self, now: float) -> float:
        return self.elapsed(now) - sum(delta for _, delta in self._shifts(now))

    def real_moment(self, moment: float, now: float) -> float:
        """Seconds from creation at which the script reaches ``moment`` (after holds, skips)."""
        return moment + sum(delta for at, delta in self._shifts(now) if moment > at)

    @property
    def held(self) -> bool:
        """Paused over the API and not resumed yet."""
        return bool(self.holds) and self.holds[-1][2] is None

    def ran_for(self, now: float) -> float:
        """Seconds of its script run so far (up to its end or cancellation): stops growing."""
        ends = [self.script.duration]
        if self.cancelled_at is not None:
            ends.append(self.script_time(self.cancelled_at))
        return min(self.script_time(now), *ends)

    def state(self, now: float) -> State:
        if self.cancelled_at is not None and now >= self.cancelled_at:
            return State.CANCELLED
        if self.held:
            return State.PAUSED
        return self.script.state_at(self.script_time(now))

    def cancel(self, now: float) -> bool:
        """Cancel unless already finished; True if it was cancelled."""
        if self.state(now).terminal:
            return False
        self.cancelled_at = now
        return True

    def pause(self, now: float) -> None:
        """Hold the task in PAUSED from now until ``resume`` (the caller checks it may)."""
        self.holds.append((self.script_time(now), self.elapsed(now), None))

    def resume(self, now: float) -> bool:
        """End a pause: the API's hold, or the script's paused phase.  False when not paused."""
        if self.state(now) is not State.PAUSED:
            return False
        if self.held:
            at, start, _ = self.holds[-1]
            self.holds[-1] = (at, start, self.elapsed(now))
            return True
        position = self.script_time(now)
        self.skips.append((position, self.script.queued + self.script.paused - position))
        return True


class Drop(Exception):
    """Raised after the response has started: the server closes the connection mid-answer."""


Handler = Callable[[Any, Incoming, FakeTask], Awaitable[Reply]]


Creator = Callable[[Any, Incoming, re.Match[str]], Awaitable[Reply]]


def creates(method: str, pattern: str) -> Callable[[Creator], Creator]:
    """Declare the handler of a create/submit call (no task exists yet): it gets the request
    and the raw-path match, makes the task with ``create_task`` and answers for it."""

    def mark(handler: Creator) -> Creator:
        handler.creates = (method, re.compile(f"^{pattern}$"))  # type: ignore[attr-defined]
        return handler

    return mark


# Calls that name no scripted task (a vendor's catalogue of task definitions, lists) are
# declared the same way: authorized and fault-injected like a create call, then handed over.
serves = creates


def route(method: str, pattern: str, kind: str) -> Callable[[Handler], Handler]:
    """Declare a handler for ``method`` and a raw-path regex whose groups are the ids of a
    ``kind`` task (percent-decoded); the handler gets that task."""

    def mark(handler: Handler) -> Handler:
        handler.route = (method, re.compile(f"^{pattern}$"), kind)  # type: ignore[attr-defined]
        return handler

    return mark


class FakeApp:
    """An ASGI app faking one vendor.  Add tasks with ``add_task``; they follow their script."""

    name: ClassVar[str]
    auth_header: ClassVar[str]
    auth_prefix: ClassVar[str] = ""
    key_optional: ClassVar[bool] = False
    kinds: ClassVar[Mapping[str, int]]  # kind -> number of ids
    outcome_values: ClassVar[Mapping[str, Mapping[State, str]]]  # kind -> state -> value

    def __init__(
        self,
        api_key: str = "test-key",
        *,
        faults: FaultPlan | None = None,
        slow_seconds: float = 15.0,
        retry_after: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.api_key = api_key
        self.faults = faults or FaultPlan()
        self.slow_seconds = slow_seconds
        self.retry_after = retry_after
        self.clock = clock
        self.tasks: dict[tuple[str, tuple[str, ...]], FakeTask] = {}
        self.requests = 0
        self.faults_injected = 0
        self._routes = [
            (*fn.route, fn)
            for klass in type(self).__mro__
            for fn in vars(klass).values()
            if hasattr(fn, "route")
        ]
        self._creators = [
            (*fn.creates, fn)
            for klass in type(self).__mro__
            for fn in vars(klass).values()
            if hasattr(fn, "creates")
        ]
        self.loop: asyncio.AbstractEventLoop | None = None  # set by the server that runs it
        self.push_plan = PushPlan()  # faults of the deliveries of vendors that push
        self.deliveries: list[Delivery] = []  # every delivery attempt, for tests
        self._counter = 0
        self._scripts: deque[tuple[Script, tuple[str, ...]]] = deque()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {len(self.tasks)} tasks>"

    # --- tasks -------------------------------------------------------------------------
    def new_ids(self, kind: str) -> tuple[str, ...]:
        """Fresh ids in the vendor's own format."""
        self._counter += 1
        return tuple(self.make_id(kind, i) for i in range(self.kinds[kind]))

    def make_id(self, kind: str, position: int) -> str:
        return f"{kind}-{self._counter}-{position}"

    def add_task(
        self,
        kind: str,
        *ids: str,
        script: Script | None = None,
        faults: Sequence[str] = (),
    ) -> tuple[str, ...]:
        """Create a task of ``kind`` (fresh ids unless given); returns its ids."""
        if kind not in self.kinds:
            raise ValueError(f"{self.name} has no task kind {kind!r}; kinds: {sorted(self.kinds)}")
        script = script or Script()
        if script.outcome not in self.outcome_values[kind]:
            raise ValueError(f"{self.name} {kind} tasks cannot end {script.outcome.value}")
        ids = ids or self.new_ids(kind)
        if len(ids) != self.kinds[kind]:
            raise ValueError(f"{self.name} {kind} tasks have {self.kinds[kind]} ids")
        plan = FaultPlan(queue=tuple(faults))
        task = self.tasks[(kind, ids)] = FakeTask(kind, ids, script, self.clock(), plan)
        self.task_added(task)
        return ids

    def task_added(self, task: FakeTask) -> None:
        """Hook: a task was created (vendors that push plan their deliveries here)."""

    def soon(self, coroutine: Coroutine[Any, Any, None]) -> None:
        """Run ``coroutine`` on the loop serving this app (from any thread)."""
        if self.loop is None:
            coroutine.close()
            raise RuntimeError(f"{self.name}: not served yet, so it cannot push")
        asyncio.run_coroutine_threadsafe(coroutine, self.loop)

    def seconds_until(self, task: FakeTask, moment: float) -> float:
        """Seconds from now until ``moment`` seconds into the task's life."""
        now = self.clock()
        return max(0.0, task.real_moment(moment, now) - task.elapsed(now))

    def queue_scripts(self, *scripts: Script, faults: Sequence[str] = ()) -> None:
        """Scripts for the next tasks created over the API (its create/submit call), in order;
        once they are used up, a created task follows ``Script()``."""
        self._scripts.extend((script, tuple(faults)) for script in scripts)

    def create_task(self, kind: str, *ids: str) -> tuple[str, ...]:
        """A task created over the API (fresh ids unless given): the next queued script, or
        the default one."""
        script, faults = self._scripts.popleft() if self._scripts else (Script(), ())
        return self.add_task(kind, *ids, script=script, faults=faults)

    @staticmethod
    def json_body(incoming: Incoming) -> Any:
        """The request's JSON body; None when it is not JSON."""
        try:
            return json.loads(incoming.body or b"null")
        except ValueError:
            return None

    def now_text(self) -> str:
        return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    # --- vendor hooks --------------------------------------------------------------------
    def error(self, status: int, message: str, code: int | None = None) -> Reply:
        raise AssertionError("each vendor fake renders its own error bodies")

    def not_found(self, incoming: Incoming) -> Reply:
        return self.error(404, "Task not found")

    def ids_of(self, incoming: Incoming, match: re.Match[str]) -> tuple[str, ...]:
        """The task ids a request names (path segments here; BrowserAct uses the query)."""
        return tuple(unquote(group) for group in match.groups())

    def check_ids(self, ids: tuple[str, ...]) -> Reply | None:
        """A reply refusing malformed ids, where the vendor validates them."""
        return None

    def unauthorized(self) -> Reply:
        return self.error(401, "Unauthorized")

    # --- HTTP ----------------------------------------------------------------------------
    def authorized(self, headers: Mapping[str, str]) -> bool:
        sent = headers.get(self.auth_header.lower())
        if sent is None:
            return self.key_optional
        return sent == f"{self.auth_prefix}{self.api_key}"

    def fault_reply(self, fault: str) -> Reply:
        if fault == "429":
            return self.error(429, "Too many requests", 429)
        if fault == "html":
            page = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
            return Reply(502, page, (("content-type", "text/html"),))
        return self.error(int(fault), "Internal error")

    def _route(self, incoming: Incoming) -> tuple[str, Handler, re.Match[str]] | None:
        for method, pattern, kind, handler in self._routes:
            match = pattern.match(incoming.raw_path)
            if match and method == incoming.method:
                return kind, handler, match
        return None

    async def _create(self, incoming: Incoming) -> Reply | None:
        """Answer a create/submit call, or None when the request is not one."""
        for method, pattern, creator in self._creators:
            match = pattern.match(incoming.raw_path)
            if match and method == incoming.method:
                if not self.authorized(incoming.headers):
                    return self.unauthorized()
                fault = self.faults.next()
                if fault is not None and fault not in ("drop", "slow"):
                    self.faults_injected += 1
                    return self.fault_reply(fault)
                reply: Reply = await creator(self, incoming, match)
                return reply
        return None

    async def handle(self, incoming: Incoming) -> Reply:
        self.requests += 1
        created = await self._create(incoming)
        if created is not None:
            return created
        found = self._route(incoming)
        if found is None:
            return self.error(404, "no such route")
        kind, handler, match = found
        if not self.authorized(incoming.headers):
            return self.unauthorized()
        ids = self.ids_of(incoming, match)
        refused = self.check_ids(ids)
        if refused is not None:
            return refused
        task = self.tasks.get((kind, ids))
        if task is None:
            return self.not_found(incoming)
        task.requests += 1
        task.seen_at.append(time.monotonic())
        fault = task.faults.next() or self.faults.next()
        if fault is not None:
            self.faults_injected += 1
            if fault == "drop":
                raise Drop
            if fault == "hint":  # a normal answer that asks the client to slow down
                reply = await handler(self, incoming, task)
                hint = ("retry-after", f"{self.retry_after:g}")
                return attrs.evolve(reply, headers=(*reply.headers, hint))
            if fault != "slow":
                return self.fault_reply(fault)
            await asyncio.sleep(self.slow_seconds)
        return await handler(self, incoming, task)

    async def websocket(self, scope: ASGIMessage, receive: Receive, send: ASGISend) -> None:
        """A WebSocket handshake: refused (the server answers 403) unless a vendor serves it."""
        await receive()  # websocket.connect
        await send({"type": "websocket.close", "code": 1008})

    async def __call__(self, scope: ASGIMessage, receive: Receive, send: ASGISend) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] == "websocket":
            await self.websocket(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        raw_path = (scope.get("raw_path") or scope["path"].encode()).decode("latin-1").split("?")[0]
        incoming = Incoming(
            method=scope["method"],
            path=scope["path"],
            raw_path=raw_path,
            query=parse_qs(
                scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True
            ),
            headers={k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]},
            body=body,
        )
        try:
            reply = await self.handle(incoming)
        except Drop:
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-length", b"1000")]})  # fmt: skip
            await send(
                {"type": "http.response.body", "body": b'{"status": "runn', "more_body": True}
            )
            raise  # uvicorn closes the connection: the client sees a dropped answer
        headers = [(k.encode(), v.encode()) for k, v in reply.headers]
        await send({"type": "http.response.start", "status": reply.status, "headers": headers})
        if reply.stream is None:
            await send({"type": "http.response.body", "body": reply.body})
            return
        async for chunk in reply.stream:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
