"""Push across processes and restarts, over real sockets: two receiver processes (uvicorn,
``serve_receiver.py``) share a Redis hint bus; this test process is the third, waiting with
``hints=RedisHints(url)``; the fakes deliver to either receiver."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import taskstatus
from browseract_client.api.tasks import run_task
from browseract_client.models import RunWorkflowTaskRequest
from taskstatus import State
from taskstatus.testing import FakeVendors, Script
from taskstatus.webhooks import RedisHints, WebhookReceiver, sign

from tests.brokers import RedisServer, free_port

pytestmark = pytest.mark.slow
SECRET = "whsec_fake"
CALLBACK_SECRET = "callback-secret-shared-by-the-receivers"
SLOW_NET = 30.0  # a safety net this long would fail every timing below: the bus must do it
HERE = Path(__file__).resolve().parent


class Receiver:
    """``serve_receiver.py`` in a process of its own, on a loopback port it keeps across
    restarts."""

    def __init__(self, bus_url: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "TEST_BUS_URL": bus_url, "TEST_ANCHOR_SECRET": SECRET,
                    "TASKSTATUS_CALLBACK_SECRET": CALLBACK_SECRET}  # fmt: skip
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, within: float = 20.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "serve_receiver.py"), str(self.port)], env=self.env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url, timeout=1).status_code == 404:
                    return
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the receiver did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None) -> Any:
        answer = httpx.post(f"{self.url}{path}", content=body, headers=headers or {}, timeout=5)
        return answer.status_code, answer.json()


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def receivers(redis_server: RedisServer) -> Iterator[tuple[Receiver, Receiver]]:
    pair = (Receiver(redis_server.url), Receiver(redis_server.url))
    try:
        for receiver in pair:
            receiver.start()
        yield pair
    finally:
        for receiver in pair:
            receiver.stop()


@pytest.fixture
def bus(redis_server: RedisServer) -> Iterator[RedisHints]:
    hints = RedisHints(redis_server.url)
    assert hints.start(5)
    try:
        yield hints
    finally:
        hints.close()


@pytest.fixture
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


def _event(event_id: str, run_id: str) -> tuple[bytes, dict[str, str]]:
    raw = json.dumps({"id": event_id, "type": "task.completed", "data": {"run_id": run_id}})
    body = raw.encode()
    return body, {"anchor-signature": sign(SECRET, int(time.time()), body)}


def _tampered(url: str) -> str:
    return url[:-1] + ("A" if url[-1] != "A" else "B")


def _requests(fakes: FakeVendors, run_id: str) -> int:
    return fakes.anchorbrowser.tasks[("run", (run_id,))].requests


def _until(done: Any, within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not done():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


class Waiting:
    """A wait on a run that does not end by itself, in a thread, stopped at the end."""

    def __init__(self, fakes: FakeVendors, bus: RedisHints, run_id: str | None = None):
        if run_id is None:
            (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=600))
        self.run_id = run_id
        self.stop = threading.Event()
        self.client = fakes.client("anchorbrowser", hints=bus, safety_interval=SLOW_NET)
        self.thread = threading.Thread(target=self._wait)
        self.thread.start()
        _until(lambda: _requests(fakes, self.run_id) == 1)  # its first call, then it sleeps
        time.sleep(0.05)

    def _wait(self) -> None:
        with contextlib.suppress(taskstatus.WaitStopped):
            self.client.run(self.run_id).wait(timeout=60, stop=self.stop)

    def end(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.client.close()


def test_a_delivery_to_either_receiver_ends_the_wait_in_a_third_process(
    fakes: FakeVendors, receivers: tuple[Receiver, Receiver], bus: RedisHints
) -> None:
    for number, receiver in enumerate(receivers, 1):
        fakes.anchorbrowser.push_to(f"{receiver.url}/anchorbrowser", SECRET)
        (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=1.0))
        with fakes.client("anchorbrowser", hints=bus, safety_interval=SLOW_NET) as anchor:
            final = anchor.run(run_id).wait(timeout=10)
        task = fakes.anchorbrowser.tasks[("run", (run_id,))]
        lag = time.monotonic() - (task.created + task.script.duration)
        assert final.state is State.SUCCEEDED
        assert lag < 0.5
        assert task.requests == 2  # the first call and the hinted one
        _until(lambda n=number: len(fakes.anchorbrowser.deliveries) == n)  # type: ignore[misc]  # logged after its answer
        assert fakes.anchorbrowser.deliveries[-1].status == 200
        assert fakes.anchorbrowser.deliveries[-1].url.startswith(receiver.url)
    assert bus.counts["received"] == 2


def test_a_receiver_restarted_before_the_callback_accepts_it(
    fakes: FakeVendors, receivers: tuple[Receiver, Receiver], bus: RedisHints
) -> None:
    first, _ = receivers
    # The web app worker that creates the task is not the receiver: same configuration.
    maker = WebhookReceiver(public_url=first.url, callback_secret=CALLBACK_SECRET)
    fakes.browseract.queue_scripts(Script(running=4.0, output="rows"))
    url = maker.browseract_callback_url()
    with fakes.client("browseract", hints=bus, safety_interval=SLOW_NET) as browseract:
        body = RunWorkflowTaskRequest(workflow_id="wf", callback_url=url,
                                      status_change_callback_url=url)  # fmt: skip
        task = browseract.task_from(run_task.sync(client=browseract.api, body=body))
        first.stop()  # the receiver restarts between the task's creation and its end
        first.start()
        final = task.wait(timeout=15)
        fake = fakes.browseract.tasks[("task", task.ids)]
        lag = time.monotonic() - (fake.created + fake.script.duration)
    assert final.state is State.SUCCEEDED
    assert lag < 0.5
    answered = [d.status for d in fakes.browseract.deliveries if d.status is not None]
    assert answered
    assert set(answered) == {200}  # never 404: the restarted receiver knew the URL


def test_the_same_event_sent_to_both_receivers_wakes_once(
    fakes: FakeVendors, receivers: tuple[Receiver, Receiver], bus: RedisHints
) -> None:
    waiting = Waiting(fakes, bus)
    try:
        body, headers = _event("evt_both", waiting.run_id)
        answers = [receivers[0].post("/anchorbrowser", body, headers)]
        time.sleep(0.1)  # the hinted call is made; a second wake would cut the follow-up short
        answers.append(receivers[1].post("/anchorbrowser", body, headers))
        time.sleep(0.2)
        assert _requests(fakes, waiting.run_id) == 2  # first call + one hinted call
    finally:
        waiting.end()
    assert answers[0] == (200, {"woken": 0})  # no wait in the receiver's own process
    assert answers[1] == (200, {"duplicate": True})


def test_forged_and_replayed_deliveries_across_processes_change_nothing(
    fakes: FakeVendors, receivers: tuple[Receiver, Receiver], bus: RedisHints
) -> None:
    first, _ = receivers
    maker = WebhookReceiver(public_url=first.url, callback_secret=CALLBACK_SECRET)
    other_secret = WebhookReceiver(public_url=first.url, callback_secret="guess")
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=600))
    body, headers = _event("evt_replayed", run_id)
    assert first.post("/anchorbrowser", body, headers)[0] == 200  # before anyone waits
    _until(lambda: bus.counts["received"] == 1)
    waiting = Waiting(fakes, bus, run_id)
    try:
        answers = []
        for receiver in receivers:
            answers.append(receiver.post("/anchorbrowser", body, headers))  # replays
            forged = {"anchor-signature": sign("guess", int(time.time()), body)}
            answers.append(receiver.post("/anchorbrowser", body, forged))
            stale = {"anchor-signature": sign(SECRET, int(time.time()) - 300, body)}
            answers.append(receiver.post("/anchorbrowser", body, stale))
            for url in (other_secret.browseract_callback_url(),
                        _tampered(maker.browseract_callback_url())):  # fmt: skip
                answers.append(receiver.post(url.removeprefix(first.url),
                                             json.dumps({"id": run_id}).encode()))  # fmt: skip
        time.sleep(0.5)
        assert _requests(fakes, run_id) == 1  # no delivery above woke the wait
    finally:
        waiting.end()
    statuses = [status for status, _ in answers]
    assert statuses == [200, 401, 401, 404, 404] * 2
    assert answers[0][1] == answers[5][1] == {"duplicate": True}
    assert bus.counts["received"] == 1  # only the genuine delivery, before the wait


def test_a_lost_bus_costs_the_safety_net_and_comes_back(
    fakes: FakeVendors, receivers: tuple[Receiver, Receiver], redis_server: RedisServer
) -> None:
    bus = RedisHints(redis_server.url)
    assert bus.start(5)
    first, _ = receivers
    fakes.anchorbrowser.push_to(f"{first.url}/anchorbrowser", SECRET)
    try:
        redis_server.stop()
        _until(lambda: not bus.connected)
        (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=0.5))
        with fakes.client("anchorbrowser", hints=bus, safety_interval=1.5) as anchor:
            final = anchor.run(run_id).wait(timeout=10)
        task = fakes.anchorbrowser.tasks[("run", (run_id,))]
        lag = time.monotonic() - (task.created + task.script.duration)
        assert final.state is State.SUCCEEDED
        assert 0.5 < lag <= 1.5 + 0.3  # no hint came: the safety net did it
        _until(lambda: len(fakes.anchorbrowser.deliveries) >= 1)
        (delivery,) = fakes.anchorbrowser.deliveries
        assert delivery.status == 200  # the receiver answered without its bus
        started = time.monotonic()  # and at once
        status, _ = first.post("/anchorbrowser", *_event("evt_offline", "nobody"))
        assert status == 200
        assert time.monotonic() - started < 0.5

        redis_server.start()
        _until(lambda: bus.connected, within=10)  # the listener reconnected by itself
        (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=1.0))
        with fakes.client("anchorbrowser", hints=bus, safety_interval=SLOW_NET) as anchor:
            final = anchor.run(run_id).wait(timeout=15)
        task = fakes.anchorbrowser.tasks[("run", (run_id,))]
        assert final.state is State.SUCCEEDED
        assert time.monotonic() - (task.created + task.script.duration) < 0.5
        assert bus.counts["reconnects"] >= 1
    finally:
        bus.close()
        if redis_server.process is None:
            redis_server.start()
