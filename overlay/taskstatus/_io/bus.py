"""Hints across processes: a Redis pub/sub bus, and the small shared store beside it.

``RedisHints`` is a ``HintSource``: a client given ``hints=bus`` in any process is woken by the
deliveries any receiver configured with the same bus accepted.  It also keeps what receivers
share: which delivery ids were seen (set-if-absent with expiry) and which task a callback URL
serves.  Like every hint it carries no status: a lost, late or duplicated message costs latency
or a status call, never a wrong result.

Nothing here blocks a caller on Redis for long: ``publish`` only queues (a thread sends), the
store's commands time out after ``timeout`` seconds and are skipped for a second after a
failure (the caller falls back to its own memory), and the listener reconnects on its own
thread.  While it is cut off, waits poll on their safety net; once it is back it wakes every
wait it serves once, so a delivery missed meanwhile costs one status call, not the safety
interval.  ``redis`` (the ``redis`` extra) is imported only when a bus is made.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from taskstatus._errors import ConfigurationError
from taskstatus._io.hints import HintHub

if TYPE_CHECKING:
    import redis

log = logging.getLogger("taskstatus")

CHANNEL = "taskstatus:hints"
PREFIX = "taskstatus:"
TIMEOUT = 0.25  # seconds a store command (or a connection attempt) may take
BACKOFF = (0.1, 5.0)  # the listener's reconnect delays: first, most
OUTBOX = 10_000  # publishes queued while Redis is slow; beyond this they are dropped

# Bind a key to a value unless it is bound already; the value it is bound to.
_BIND = """
local found = redis.call('GET', KEYS[1])
if found then return found end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return ARGV[1]
"""


def _import_redis() -> Any:
    try:
        import redis
    except ImportError as exc:  # pragma: no cover - the extra is installed in every test run
        raise ConfigurationError(
            "RedisHints needs the redis package: pip install 'taskstatus[redis]'"
        ) from exc
    return redis


def _shown(url: str) -> str:
    """The URL without its user and password (for repr)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


class RedisHints:
    """A hint bus over Redis pub/sub, shared by every process given the same ``url``.

    ``url``: ``redis://host:port/db`` (a password in it never shows in a repr or a log line).
    ``channel`` and ``prefix`` separate several deployments sharing one Redis.
    """

    def __init__(
        self,
        url: str,
        *,
        channel: str = CHANNEL,
        prefix: str = PREFIX,
        timeout: float = TIMEOUT,
    ):
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ConfigurationError("RedisHints needs a redis://, rediss:// or unix:// URL")
        self._url = url
        self.channel = channel
        self.prefix = prefix
        self.timeout = timeout
        self.hub = HintHub()  # the waits of this process the bus wakes
        self.origin = uuid.uuid4().hex  # this bus's own messages are delivered here directly
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._client: redis.Redis | None = None
        self._listener: threading.Thread | None = None
        self._sender: threading.Thread | None = None
        self._outbox: queue.Queue[list[str]] = queue.Queue(OUTBOX)
        self._connected = threading.Event()
        self._closed = threading.Event()
        self._store_down_until = 0.0
        self.counts: dict[str, int] = {
            "published": 0, "dropped": 0, "received": 0, "reconnects": 0, "store_failures": 0,
        }  # fmt: skip

    def __repr__(self) -> str:
        return f"<RedisHints {_shown(self._url)} channel={self.channel!r}>"

    # --- what a client does: HintSource ---------------------------------------------------
    def subscribe(self, task_id: str, wake: Callable[[], object]) -> Callable[[], None]:
        """Call ``wake`` whenever a delivery accepted by any receiver on this bus names
        ``task_id``; returns the unsubscribe."""
        unsubscribe = self.hub.subscribe(task_id, wake)
        self._start_listener()
        return unsubscribe

    def start(self, timeout: float = 5.0) -> bool:
        """Connect the listener now (else the first ``subscribe`` does); True once it listens.
        Waits that subscribe before it listens are woken once when it does."""
        self._start_listener()
        return self._connected.wait(timeout)

    @property
    def connected(self) -> bool:
        """Whether the listener is subscribed to the channel now."""
        return self._connected.is_set()

    # --- what a receiver does ---------------------------------------------------------------
    def publish(self, ids: Iterable[str]) -> int:
        """Wake the waits on ``ids`` in this process at once, and queue a message for every
        other process (never blocks); how many waits were woken here."""
        wanted = sorted(set(ids))
        woken = self.hub.publish(wanted)
        if wanted:
            self._start_sender()
            try:
                self._outbox.put_nowait(wanted)
            except queue.Full:
                self.counts["dropped"] += 1
        return woken

    def first_time(self, key: str, ttl: float) -> bool | None:
        """Set ``key`` unless it is set (it expires after ``ttl`` seconds): True the first
        time, False after; None when the store cannot answer now."""
        found = self._store(lambda c: c.set(self.prefix + key, "1", nx=True, ex=max(1, int(ttl))))
        return None if found is _FAILED else bool(found)

    def bind(self, key: str, value: str, ttl: float) -> str | None:
        """Bind ``key`` to ``value`` unless it is bound: the value it is bound to (``value``
        the first time); None when the store cannot answer now."""
        found = self._store(lambda c: c.eval(_BIND, 1, self.prefix + key, value, max(1, int(ttl))))
        if found is _FAILED:
            return None
        return found.decode("utf-8") if isinstance(found, bytes) else str(found)

    def close(self) -> None:
        """Stop the listener and the sender (waits fall back to their safety net)."""
        self._closed.set()
        for thread in (self._listener, self._sender):
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout=2)

    # --- the threads ------------------------------------------------------------------------
    def _forked(self) -> None:
        """After a fork (a prefork worker's child), this process has none of the threads."""
        if self._pid != os.getpid():
            self._pid = os.getpid()
            self._client, self._listener, self._sender = None, None, None
            self._outbox = queue.Queue(OUTBOX)
            self._connected.clear()

    def _redis(self) -> redis.Redis:
        if self._client is None:
            self._client = _import_redis().Redis.from_url(
                self._url, socket_timeout=self.timeout, socket_connect_timeout=self.timeout
            )
        return self._client

    def _store(self, command: Callable[[redis.Redis], Any]) -> Any:
        if self._closed.is_set() or time.monotonic() < self._store_down_until:
            return _FAILED
        with self._lock:
            self._forked()
            client = self._redis()
        try:
            return command(client)
        except Exception as exc:  # any failure of the store: the caller falls back
            self.counts["store_failures"] += 1
            self._store_down_until = time.monotonic() + 1.0
            log.warning("hint bus store unreachable (%s): using this process's memory",
                        type(exc).__name__)  # fmt: skip
            return _FAILED

    def _start_listener(self) -> None:
        with self._lock:
            self._forked()
            if self._listener is None and not self._closed.is_set():
                self._listener = threading.Thread(target=self._listen, daemon=True,
                                                  name="taskstatus-hints")  # fmt: skip
                self._listener.start()

    def _start_sender(self) -> None:
        with self._lock:
            self._forked()
            if self._sender is None and not self._closed.is_set():
                self._sender = threading.Thread(target=self._send, daemon=True,
                                                name="taskstatus-hints-out")  # fmt: skip
                self._sender.start()

    def _send(self) -> None:
        outbox = self._outbox
        while not self._closed.is_set():
            try:
                ids = outbox.get(timeout=0.5)
            except queue.Empty:
                continue
            message = json.dumps({"from": self.origin, "ids": ids})
            try:
                self._redis().publish(self.channel, message)
                self.counts["published"] += 1
            except Exception as exc:  # lost: the waits' safety net covers it
                self.counts["dropped"] += 1
                log.warning("hint bus unreachable (%s): a hint was not shared; waits "
                            "elsewhere poll on their safety net", type(exc).__name__)  # fmt: skip

    def _listen(self) -> None:
        module = _import_redis()
        delay = BACKOFF[0]
        first = True
        while not self._closed.is_set():
            pubsub = None
            try:
                client = module.Redis.from_url(self._url, socket_connect_timeout=self.timeout,
                                               health_check_interval=5)  # fmt: skip
                pubsub = client.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(self.channel)
                pubsub.get_message(timeout=self.timeout)  # the subscription's confirmation
                self._connected.set()
                if not first:
                    self.counts["reconnects"] += 1
                    log.warning("hint bus reconnected")
                first, delay = False, BACKOFF[0]
                # Whatever was delivered before the subscription took is not lost: every
                # wait served here asks once (one status call each).
                self.hub.publish(self.hub.ids())
                while not self._closed.is_set():
                    message = pubsub.get_message(timeout=0.5)
                    if message is not None:
                        self._received(message.get("data"))
            except Exception as exc:  # the connection is lost: poll on, reconnect
                if self._connected.is_set() or first:
                    log.warning("hint bus unreachable (%s): waits poll on their safety net "
                                "until it is back", type(exc).__name__)  # fmt: skip
                first = False
                self._connected.clear()
                self._closed.wait(delay)
                delay = min(delay * 2, BACKOFF[1])
            finally:
                self._connected.clear()
                if pubsub is not None:
                    with contextlib.suppress(Exception):  # closing a connection already lost
                        pubsub.close()

    def _received(self, data: object) -> None:
        try:
            message = json.loads(data)  # type: ignore[arg-type]
            ids = message["ids"]
            origin = message.get("from")
        except (TypeError, ValueError, KeyError, AttributeError):
            return  # not ours: ignored
        if origin == self.origin or not isinstance(ids, list):
            return  # published here: this process's waits were woken at once
        self.counts["received"] += 1
        self.hub.publish(i for i in ids if isinstance(i, str))


_FAILED = object()
