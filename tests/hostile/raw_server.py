"""A loopback TCP server that is not an HTTP server: the hostile tests script its bytes."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def raw_server(
    on_connection: Callable[[socket.socket, threading.Event], None], backlog: int = 64
) -> Iterator[str]:
    """Serve on a free loopback port until the block ends; each accepted connection goes to
    ``on_connection(conn, stop)`` on the accepting thread (``stop`` is set at the end)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(backlog)
    listener.settimeout(0.1)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            on_connection(conn, stop)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()
