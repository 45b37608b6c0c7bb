"""The webhook receiver: an ASGI app taking AnchorBrowser webhooks and BrowserAct callbacks.

Mount it in Starlette/FastAPI (``app.mount("/hooks", receiver)``) or run it with uvicorn.
Routes, below the mount point:

- ``POST /anchorbrowser``: verified (``Anchor-Signature``, constant time, 2 minutes' tolerance),
  deduplicated on the event id, then every wait on an id the event names polls at once.
- ``POST /browseract/{token}``: the URL ``browseract_callback_url()`` made.  The token verifies
  by itself (HMAC under the callback secret), so every receiver of the same configuration,
  restarted or not, accepts it; any other token is refused (404).  The body (get-task's answer)
  names the task; its waits poll at once.

Answers are immediate (200, with ``duplicate`` for a repeat); nothing here calls a vendor.  With a
``bus`` (``RedisHints``), each accepted delivery is also published to every process on the bus,
event ids are deduplicated and callback URLs bound to their task in its store; when the store
cannot answer in time, this process's own memory decides, and the answer does not wait.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from typing import Any

from taskstatus._io.bus import RedisHints
from taskstatus._io.hints import HintHub
from taskstatus.webhooks import _callbacks
from taskstatus.webhooks._signature import TOLERANCE, SignatureError, verify

Scope = MutableMapping[str, Any]
ASGIMessage = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]

MAX_BODY = 1024 * 1024  # a delivery larger than this is refused (413)
SEEN_LIMIT = 100_000  # event ids remembered for deduplication (the oldest are forgotten first)
TOKENS_LIMIT = 100_000  # BrowserAct callback bindings kept (the oldest are forgotten first)
SEEN_TTL = 24 * 3600.0  # seconds a shared store remembers an event id
BOUND_TTL = 30 * 24 * 3600.0  # seconds a shared store remembers which task a callback URL serves
SECRET_ENV = "TASKSTATUS_CALLBACK_SECRET"  # noqa: S105 - the name of a variable


def _strings(node: Any) -> Iterator[str]:
    """Every string in a JSON value: the ids an undocumented ``data`` may carry."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


class WebhookReceiver:
    """Turns vendor deliveries into hints for the waits of the clients given ``hints=``.

    ``anchorbrowser_secret``: the secret of the AnchorBrowser webhook (without it, AnchorBrowser
    deliveries are refused).  ``public_url``: where the vendors reach this app (its mount point),
    to build BrowserAct callback URLs.  ``callback_secret`` (or the environment variable
    ``TASKSTATUS_CALLBACK_SECRET``): the key that signs those URLs; give every receiver process
    the same one.  Without it, a random key is drawn, and only this process, until it ends,
    accepts the URLs it made.  ``bus``: a ``RedisHints`` shared by every receiver and waiting
    process (off by default).
    """

    def __init__(
        self,
        *,
        anchorbrowser_secret: str | None = None,
        public_url: str | None = None,
        tolerance: float = TOLERANCE,
        clock: Callable[[], float] = time.time,
        callback_secret: str | None = None,
        bus: RedisHints | None = None,
    ):
        self._secret = anchorbrowser_secret
        callback_secret = callback_secret or os.environ.get(SECRET_ENV) or None
        self.callbacks_survive_restarts = callback_secret is not None
        self._callback_key = (callback_secret.encode("utf-8") if callback_secret is not None
                              else secrets.token_bytes(32))  # fmt: skip
        self.bus = bus
        self.public_url = public_url.rstrip("/") if public_url else None
        self.tolerance = tolerance
        self._clock = clock
        self.hub = bus.hub if bus is not None else HintHub()  # the waits deliveries wake here
        self._lock = threading.Lock()
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._bound: OrderedDict[str, str] = OrderedDict()  # token digest -> its task (no store)
        self.counts: dict[str, int] = {
            "accepted": 0, "duplicate": 0, "refused": 0, "woken": 0,
        }  # fmt: skip

    def __repr__(self) -> str:  # never shows the secret
        bus = f" bus={self.bus!r}" if self.bus is not None else ""
        return f"<WebhookReceiver {self.public_url or '(no public URL)'}{bus}>"

    def subscribe(self, task_id: str, wake: Callable[[], object]) -> Callable[[], None]:
        """Call ``wake`` whenever an accepted delivery names ``task_id`` (what a client given
        ``hints=`` does for each of its waits); returns the unsubscribe.  With a bus, a
        delivery accepted by any receiver on it counts."""
        if self.bus is not None:
            return self.bus.subscribe(task_id, wake)
        return self.hub.subscribe(task_id, wake)

    # --- BrowserAct callback URLs --------------------------------------------------------
    def browseract_callback_url(self) -> str:
        """A fresh, unguessable callback URL for one BrowserAct task: pass it as
        ``callback_url`` (and ``status_change_callback_url``) when you create the task.  It
        holds no state: any receiver of the same ``callback_secret`` accepts it."""
        if self.public_url is None:
            raise ValueError("WebhookReceiver(public_url=...) is needed to build callback URLs")
        return f"{self.public_url}/browseract/{_callbacks.make(self._callback_key)}"

    # --- ASGI ----------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: ASGISend) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] != "http":
            return
        path = scope.get("path", "")
        root = scope.get("root_path", "")
        if root and path.startswith(root):  # mounted: routes are below the mount point
            path = path[len(root) :]
        status, answer = await self._route(scope, path, receive)
        await self._answer(send, status, answer)

    @staticmethod
    async def _answer(send: ASGISend, status: int, answer: Any) -> None:
        body = json.dumps(answer).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})

    async def _route(self, scope: Scope, path: str, receive: Receive) -> tuple[int, Any]:
        if path == "/anchorbrowser" or path.startswith("/browseract/"):
            if scope.get("method") != "POST":
                return 405, {"error": "POST only"}
            body = await _read(receive)
            if body is None:
                return 413, {"error": "delivery too large"}
            headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                       for k, v in scope.get("headers", [])}  # fmt: skip
            if path == "/anchorbrowser":
                return await self._off_loop(self.anchorbrowser, headers, body)
            return await self._off_loop(self.browseract, path.removeprefix("/browseract/"), body)
        return 404, {"error": "no such route"}

    async def _off_loop(self, handler: Callable[..., tuple[int, Any]],
                        *args: Any) -> tuple[int, Any]:  # fmt: skip
        """With a bus, a delivery asks its store (bounded by its timeout): off the event loop,
        so other deliveries are answered meanwhile."""
        if self.bus is None:
            return handler(*args)
        return await asyncio.to_thread(handler, *args)

    # --- deliveries (also callable without ASGI) -----------------------------------------
    def anchorbrowser(self, headers: MutableMapping[str, str], body: bytes) -> tuple[int, Any]:
        """Handle one AnchorBrowser delivery: (HTTP status, answer body)."""
        if self._secret is None:
            return self._refuse(401, "no AnchorBrowser secret configured")
        try:
            verify(self._secret, headers.get("anchor-signature"), body, self._clock(),
                   self.tolerance)  # fmt: skip
        except SignatureError as exc:
            return self._refuse(401, str(exc))
        try:
            event = json.loads(body)
        except ValueError:
            return self._refuse(400, "body is not JSON")
        event_id = event.get("id") if isinstance(event, dict) else None
        if not isinstance(event_id, str) or not event_id:
            return self._refuse(400, "event has no id")
        if not self._first_time(f"anchorbrowser:{event_id}"):
            self.counts["duplicate"] += 1
            return 200, {"duplicate": True}
        woken = self._publish(set(_strings(event.get("data"))))
        return self._accepted(woken)

    def browseract(self, token: str, body: bytes) -> tuple[int, Any]:
        """Handle one BrowserAct callback: (HTTP status, answer body)."""
        if not _callbacks.valid(self._callback_key, token):
            return self._refuse(404, "unknown callback")
        try:
            task = json.loads(body)
        except ValueError:
            return self._refuse(400, "body is not JSON")
        task_id = task.get("id") if isinstance(task, dict) else None
        if not isinstance(task_id, str) or not task_id:
            return self._refuse(400, "callback names no task")
        if self._bind(_callbacks.digest(token), task_id) != task_id:
            return self._refuse(409, "callback is for another task")
        return self._accepted(self._publish([task_id]))

    def _bind(self, token: str, task_id: str) -> str:
        """The task a callback URL serves: the first it was called back for (shared through
        the bus's store when there is one; else in this process's memory)."""
        if self.bus is not None:
            bound = self.bus.bind(f"callback:{token}", task_id, BOUND_TTL)
            if bound is not None:
                return bound
        with self._lock:
            found = self._bound.setdefault(token, task_id)
            while len(self._bound) > TOKENS_LIMIT:
                self._bound.popitem(last=False)
            return found

    def _first_time(self, key: str) -> bool:
        if self.bus is not None:
            first = self.bus.first_time(f"seen:{key}", SEEN_TTL)
            if first is not None:
                return first
        with self._lock:
            if key in self._seen:
                return False
            self._seen[key] = None
            while len(self._seen) > SEEN_LIMIT:
                self._seen.popitem(last=False)
            return True

    def _publish(self, ids: Any) -> int:
        """Wake the waits on ``ids`` here (and, with a bus, everywhere): how many here."""
        if self.bus is not None:
            return self.bus.publish(ids)
        return self.hub.publish(ids)

    def _accepted(self, woken: int) -> tuple[int, Any]:
        self.counts["accepted"] += 1
        self.counts["woken"] += woken
        return 200, {"woken": woken}

    def _refuse(self, status: int, why: str) -> tuple[int, Any]:
        self.counts["refused"] += 1
        return status, {"error": why}


async def _read(receive: Receive) -> bytes | None:
    body = b""
    while True:
        message = await receive()
        chunk: bytes = message.get("body", b"")
        body += chunk
        if len(body) > MAX_BODY:
            return None
        if not message.get("more_body"):
            return body
