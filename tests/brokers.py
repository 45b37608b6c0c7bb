"""Real brokers on loopback ports, for the tests and benchmarks that need them: Debian's
redis-server (it can be stopped and started again on the same port: what a lost bus looks
like) and rabbitmq-server (a node of its own: its own name, ports and folder)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (nox installs Debian's redis-server)")
        self.binary = binary
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.folder = tempfile.mkdtemp(prefix="taskstatus-redis-")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, within: float = 10.0) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + within
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class RabbitMQServer:
    """A RabbitMQ node of its own on loopback (guest may log in from loopback only)."""

    def __init__(self) -> None:
        binary = shutil.which("rabbitmq-server")
        if binary is None:
            raise RuntimeError(
                "rabbitmq-server is not installed (nox installs Debian's rabbitmq-server)"
            )
        inner = Path("/usr/lib/rabbitmq/bin/rabbitmq-server")  # Debian's, without its su
        self.binary = str(inner) if inner.exists() else binary
        self.port = free_port()
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}//"
        self.folder = Path(tempfile.mkdtemp(prefix="taskstatus-rabbitmq-"))
        self.process: subprocess.Popen[bytes] | None = None
        self._epmd_was_running = _epmd_running()

    def start(self, within: float = 60.0) -> None:
        (self.folder / "plugins").write_text("[].\n")
        (self.folder / "env").write_text("")
        folder = str(self.folder)
        env = {
            **os.environ, "HOME": folder, "RABBITMQ_NODENAME": f"taskstatus{self.port}@localhost",
            "RABBITMQ_NODE_IP_ADDRESS": "127.0.0.1", "RABBITMQ_NODE_PORT": str(self.port),
            "RABBITMQ_DIST_PORT": str(free_port()), "RABBITMQ_MNESIA_BASE": f"{folder}/mnesia",
            "RABBITMQ_LOG_BASE": f"{folder}/log", "RABBITMQ_PID_FILE": f"{folder}/pid",
            "RABBITMQ_ENABLED_PLUGINS_FILE": f"{folder}/plugins",
            "RABBITMQ_CONFIG_FILE": f"{folder}/rabbitmq",
            "RABBITMQ_ADVANCED_CONFIG_FILE": f"{folder}/advanced.config",
            "RABBITMQ_CONF_ENV_FILE": f"{folder}/env", "ERL_EPMD_ADDRESS": "127.0.0.1",
        }  # fmt: skip
        self.process = subprocess.Popen(
            [self.binary], env=env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        import kombu

        deadline = time.monotonic() + within
        while True:
            try:
                with kombu.Connection(self.url, connect_timeout=1) as connection:
                    connection.connect()
                return
            except Exception:  # not up yet: refused, reset, or the handshake failed
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.close()
                    raise RuntimeError("rabbitmq-server did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
            self.process = None
            if not self._epmd_was_running:  # the Erlang port mapper the node started
                subprocess.run(["pkill", "-x", "epmd"], check=False)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _epmd_running() -> bool:
    return subprocess.run(["pgrep", "-x", "epmd"], capture_output=True, check=False).returncode == 0
