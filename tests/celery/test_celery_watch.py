"""taskstatus.celery with real brokers and real workers: every test on Redis and on RabbitMQ
(Debian's, on loopback ports; Redis keeps the watches on both), ``celery worker`` processes,
the fake vendors over sockets."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
import redis
import taskstatus
from taskstatus import State
from taskstatus.testing import FakeVendors, Script

from tests.brokers import RabbitMQServer, RedisServer
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
# Seconds before a dead worker's unacknowledged messages are redelivered on Redis.  Above the
# longest time a message waits reserved behind slow runs: a callback message held longer would
# be delivered twice (Redis's visibility timeout applies to every message).
VISIBILITY = 6.0


@pytest.fixture(scope="module")
def state() -> Iterator[str]:
    """The Redis that keeps the watches (and, on the Redis broker, the broker too)."""
    server = RedisServer()
    server.start()
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture(scope="module", params=["redis", "rabbitmq"])
def broker(request: pytest.FixtureRequest, state: str) -> Iterator[str]:
    """Every test runs on both brokers: Redis, and RabbitMQ (a node of its own)."""
    if request.param == "redis":
        yield state
        return
    server = RabbitMQServer()
    server.start()
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors() as running:
        yield running


@pytest.fixture
def env(broker: str, state: str, fakes: FakeVendors) -> Iterator[dict[str, str]]:
    redis.Redis.from_url(state).flushdb()
    if broker.startswith("amqp"):
        _purge(broker)
    values = {
        "TASKSTATUS_TEST_BROKER": broker,
        "TASKSTATUS_TEST_STATE": state,
        "TASKSTATUS_TEST_VISIBILITY": str(VISIBILITY),
        **{f"{v.upper()}_API_KEY": fakes.api_key for v in fakes.apps},
        **{f"{v.upper()}_BASE_URL": fakes.url(v) for v in fakes.apps},
    }
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield {**os.environ, **values}
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _purge(broker: str) -> None:
    """What an earlier test left queued on RabbitMQ (Redis is flushed)."""
    import kombu

    with kombu.Connection(broker) as connection, contextlib.suppress(Exception):  # no queue yet
        connection.channel().queue_purge("celery")


def _app(env: dict[str, str]) -> Any:
    module = importlib.import_module("tests.celery.app")
    return importlib.reload(module).app  # this test's broker


class Worker:
    """``celery worker`` in a process group of its own (prefork: the parent and its child)."""

    def __init__(self, env: dict[str, str], name: str, concurrency: int = 1):
        self.name = name
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tests.celery.app", "worker",
             "--pool=prefork", f"--concurrency={concurrency}", "--loglevel=WARNING",
             "--without-mingle", "--without-gossip", "-n", f"{name}@%h"],
            cwd=ROOT, env=env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def wait_ready(self, app: Any, within: float = 30.0) -> None:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            replies = app.control.ping(timeout=0.5)
            if any(name.startswith(f"{self.name}@") for r in replies for name in r):
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"worker {self.name} exited with {self.process.returncode}")
        raise RuntimeError(f"worker {self.name} did not start")

    def kill(self) -> None:
        """What a crash does: SIGKILL to the whole group, no chance to acknowledge or requeue."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def _callbacks(broker: str, count: int, within: float) -> dict[str, list[dict[str, Any]]]:
    """The callbacks recorded, once ``count`` arrived (or time ran out)."""
    store = redis.Redis.from_url(broker)
    deadline = time.monotonic() + within
    while True:
        found = {o: [json.loads(x) for x in store.lrange(f"tests:{o}", 0, -1)]
                 for o in ("succeeded", "failed")}  # fmt: skip
        if sum(map(len, found.values())) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def _token(fakes: FakeVendors, vendor: str, constructor: str, ids: tuple[str, ...]) -> str:
    with fakes.client(vendor) as client:
        handle: Any = getattr(client, constructor)(*ids)
        return str(handle.token())


def test_each_watch_calls_its_callback_once_and_no_worker_waits(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    worker = Worker(env, "one")  # one worker process watches every task at once
    try:
        worker.wait_ready(app)
        started = time.time()
        plan = [
            ("shannon", "task", "task", Script(running=1.0, output="Paris."), 30),
            ("browseract", "task", "task",
             Script(running=1.5, outcome=State.FAILED, error="Navigation timeout"), 30),
            ("anchorbrowser", "run", "run", Script(running=0.5, output={"rows": 3}), 30),
            ("truebit", "api", "api_task", Script(running=600), 2),  # the deadline comes first
        ]  # fmt: skip
        tokens = {}
        for vendor, kind, constructor, script, timeout in plan:
            ids = fakes.apps[vendor].add_task(kind, script=script)
            token = _token(fakes, vendor, constructor, ids)
            tokens[vendor] = (token, script)
            taskstatus_celery.watch(app, token, timeout=timeout,
                                    on_success=app.signature("tests.succeeded"),
                                    on_failure=app.signature("tests.failed"))  # fmt: skip
        found = _callbacks(state, 4, within=30)
        time.sleep(1.0)  # nothing more may come
        found = _callbacks(state, 4, within=0)
    finally:
        worker.stop()
    by_token = {c["token"]: (o, c) for o, cs in found.items() for c in cs}
    assert sum(map(len, found.values())) == 4 == len(by_token)  # once per task
    outcome, body = by_token[tokens["shannon"][0]]
    assert (outcome, body["state"], body["output"]) == ("succeeded", "succeeded", "Paris.")
    outcome, body = by_token[tokens["browseract"][0]]
    assert (outcome, body["state"], body["error"]) == ("failed", "failed", "Navigation timeout")
    outcome, body = by_token[tokens["anchorbrowser"][0]]
    assert (outcome, body["output"]) == ("succeeded", {"rows": 3})
    outcome, body = by_token[tokens["truebit"][0]]
    assert outcome == "failed"
    assert body["timeout"] is True
    assert body["last_status"]["state"] == "running"
    for vendor in ("shannon", "browseract", "anchorbrowser"):
        _, script = tokens[vendor]
        _, body = by_token[tokens[vendor][0]]
        # Seen soon after the task ended, though one worker process watched all four at once.
        assert body["received_at"] - (started + script.duration) < 2.5


def test_a_worker_killed_mid_watch_loses_nothing_and_calls_back_once(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    first = Worker(env, "first")
    tokens = []
    fakes.shannon.slow_seconds = 3.0  # the first status call hangs: the kill lands mid-run
    try:
        first.wait_ready(app)
        for number in range(5):
            (task_id,) = fakes.shannon.add_task(
                "task", script=Script(running=4.0, output="ok"),
                faults=["slow"] if number == 0 else [],
            )  # fmt: skip
            token = _token(fakes, "shannon", "task", (task_id,))
            tokens.append(token)
            taskstatus_celery.watch(app, token, timeout=60,
                                    on_success=app.signature("tests.succeeded"),
                                    on_failure=app.signature("tests.failed"))  # fmt: skip
        time.sleep(1.5)  # one run is inside its status call (acknowledged only after it),
        # the other watches' runs wait their turn in the worker
        first.kill()
    finally:
        first.stop()
        fakes.shannon.slow_seconds = 15.0
    second = Worker(env, "second")
    try:
        second.wait_ready(app)
        found = _callbacks(state, 5, within=40)
        time.sleep(VISIBILITY + 2)  # redelivered duplicates would call back again by now
        found = _callbacks(state, 5, within=0)
    finally:
        second.stop()
    assert found["failed"] == []
    assert sorted(c["token"] for c in found["succeeded"]) == sorted(tokens)


@pytest.mark.parametrize("batch", [500, 1], ids=["batched", "one-per-run"])
def test_a_worker_killed_beside_another_delays_no_callback_long(
    env: dict[str, str], fakes: FakeVendors, state: str, broker: str, batch: int
) -> None:
    """Two workers; one is SIGKILLed while runs are inside their status calls.  Every watch
    calls back once, and soon after its task's end: on RabbitMQ the dead worker's runs are
    requeued at once (p95 lag at most 3 s); on Redis they come back after the visibility
    timeout and a restore sweep, and the watches they held after ``LEASE`` at the latest
    (which bounds a run per check, slower to catch up)."""
    from taskstatus import celery as taskstatus_celery

    env = {**env, "TASKSTATUS_TEST_BATCH": str(batch)}
    app = _app(env)
    doomed, survivor = Worker(env, "doomed"), Worker(env, "survivor")
    fakes.shannon.slow_seconds = 2.0  # some status calls hang: the kill lands mid-run
    ends: dict[str, float] = {}
    try:
        doomed.wait_ready(app)
        survivor.wait_ready(app)
        for number in range(30):
            script = Script(running=3.0 + number * 0.1, output="ok")
            (task_id,) = fakes.shannon.add_task(
                "task", script=script, faults=["slow"] if number % 5 == 0 else []
            )
            token = _token(fakes, "shannon", "task", (task_id,))
            ends[token] = time.time() + script.duration
            taskstatus_celery.watch(app, token, timeout=60,
                                    on_success=app.signature("tests.succeeded"),
                                    on_failure=app.signature("tests.failed"))  # fmt: skip
        time.sleep(2.5)
        doomed.kill()
        found = _callbacks(state, 30, within=40)
        time.sleep(VISIBILITY + 2)  # redelivered duplicates would call back again by now
        found = _callbacks(state, 30, within=0)
    finally:
        doomed.stop()
        survivor.stop()
        fakes.shannon.slow_seconds = 15.0
    assert found["failed"] == []
    assert sorted(c["token"] for c in found["succeeded"]) == sorted(ends)  # each once
    lags = sorted(c["received_at"] - ends[c["token"]] for c in found["succeeded"])
    p95 = lags[int(len(lags) * 0.95)]
    print(f"\n{broker.split(':')[0]}, batch {batch}: callback lag p50 {lags[15]:.2f} s, "
          f"p95 {p95:.2f} s, max {lags[-1]:.2f} s")  # fmt: skip
    if batch == 1:  # a message per check: slower to catch up, bounded by the lease
        assert lags[-1] <= taskstatus_celery.LEASE
    else:
        assert p95 <= (3.0 if broker.startswith("amqp") else VISIBILITY + 4.0)


def test_a_run_that_comes_after_the_deadline_ends_with_the_timeout(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    """The only worker dies; the task ends, then the watch's deadline passes; a worker comes
    back: the watch ends with the timeout, saying how late it ran, not with the success."""
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    first = Worker(env, "first")
    try:
        first.wait_ready(app)
        (task_id,) = fakes.shannon.add_task("task", script=Script(running=2.0, output="ok"))
        token = _token(fakes, "shannon", "task", (task_id,))
        deadline = time.time() + 3.0
        taskstatus_celery.watch(app, token, timeout=3.0,
                                on_success=app.signature("tests.succeeded"),
                                on_failure=app.signature("tests.failed"))  # fmt: skip
        time.sleep(1.0)  # checked once: running
        first.kill()
    finally:
        first.stop()
    time.sleep(max(0.0, deadline + taskstatus_celery.LATE_AFTER + 1.0 - time.time()))
    second = Worker(env, "second")
    try:
        second.wait_ready(app)
        found = _callbacks(state, 1, within=30)
        time.sleep(1.0)
        found = _callbacks(state, 1, within=0)
    finally:
        second.stop()
    assert found["succeeded"] == []
    (body,) = found["failed"]
    assert body["timeout"] is True
    assert body["late_by"] > taskstatus_celery.LATE_AFTER
    assert body["received_at"] - deadline >= body["late_by"]
    assert body["last_status"]["state"] == "running"  # the last check the watch made
    assert fakes.shannon.tasks[("task", (task_id,))].state(time.monotonic()) is State.SUCCEEDED


def test_watches_whose_runs_the_broker_lost_resume_when_a_worker_starts(
    env: dict[str, str], fakes: FakeVendors, state: str, broker: str
) -> None:
    """The broker loses every queued run (and the lanes' keys have expired): the watches are
    still in Redis, and a worker that starts runs their lanes again."""
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    (task_id,) = fakes.shannon.add_task("task", script=Script(running=0.5, output="ok"))
    token = _token(fakes, "shannon", "task", (task_id,))
    taskstatus_celery.watch(app, token, timeout=60, on_success=app.signature("tests.succeeded"))
    store = redis.Redis.from_url(state)
    if broker.startswith("amqp"):
        _purge(broker)
    else:
        store.delete("celery")  # kombu's queue of the default route
    store.delete(*store.keys("taskstatus:lane:*"))  # what LANE_TTL does to a dead lane's key
    worker = Worker(env, "restarted")
    try:
        worker.wait_ready(app)
        found = _callbacks(state, 1, within=15)
    finally:
        worker.stop()
    assert [c["token"] for c in found["succeeded"]] == [token]


def test_a_permanent_error_takes_the_failure_path(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    worker = Worker(env, "errors")
    try:
        worker.wait_ready(app)
        token = _token(fakes, "shannon", "task", ("task-nobody-made",))
        taskstatus_celery.watch(app, token, timeout=30,
                                on_failure=app.signature("tests.failed"))  # fmt: skip
        found = _callbacks(state, 1, within=20)
    finally:
        worker.stop()
    (body,) = found["failed"]
    assert body["error"]["type"] == "TaskNotFound"
    assert "test-key" not in json.dumps(body)


def test_watch_refuses_a_bad_token_before_sending_anything(env: dict[str, str]) -> None:
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    with pytest.raises(taskstatus.ConfigurationError):
        taskstatus_celery.watch(app, "not-a-token", timeout=10)


def test_a_rate_limited_check_waits_the_retry_after_before_the_next(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    worker = Worker(env, "limits")
    fakes.shannon.retry_after = 1.5
    try:
        worker.wait_ready(app)
        (task_id,) = fakes.shannon.add_task(
            "task", script=Script(running=0.1, output="ok"), faults=["429"]
        )
        started = time.time()
        token = _token(fakes, "shannon", "task", (task_id,))
        taskstatus_celery.watch(app, token, timeout=30,
                                on_success=app.signature("tests.succeeded"))  # fmt: skip
        found = _callbacks(state, 1, within=20)
    finally:
        worker.stop()
        fakes.shannon.retry_after = 1.0
    (body,) = found["succeeded"]
    assert 1.5 <= body["received_at"] - started < 4.0  # waited Retry-After, not the 0.5 s backoff
    assert fakes.shannon.tasks[("task", (task_id,))].requests == 2


@pytest.mark.parametrize(
    ("fault", "retry_after", "at_least"),
    [
        ("429", 0.0, 0.25),  # Retry-After: 0 on a 429 keeps the schedule's floor, not at once
        ("hint", 2.0, 2.0),  # Retry-After on a 200 answer is honoured, as by a plain wait
    ],
)
def test_the_next_check_follows_the_wait_policy(
    env: dict[str, str], fakes: FakeVendors, state: str, fault: str, retry_after: float,
    at_least: float,
) -> None:  # fmt: skip
    from taskstatus import celery as taskstatus_celery

    app = _app(env)
    worker = Worker(env, f"policy-{fault}")
    fakes.shannon.retry_after = retry_after
    try:
        worker.wait_ready(app)
        (task_id,) = fakes.shannon.add_task(
            "task", script=Script(running=1.0, output="ok"), faults=[fault]
        )
        token = _token(fakes, "shannon", "task", (task_id,))
        taskstatus_celery.watch(app, token, timeout=30,
                                on_success=app.signature("tests.succeeded"))  # fmt: skip
        found = _callbacks(state, 1, within=20)
    finally:
        worker.stop()
        fakes.shannon.retry_after = 1.0
    assert len(found["succeeded"]) == 1
    seen = fakes.shannon.tasks[("task", (task_id,))].seen_at
    assert len(seen) >= 2
    assert at_least <= seen[1] - seen[0] < at_least + 1.0  # the second check: when the policy says


def test_a_delivery_wakes_the_watch_and_it_still_calls_back_once(
    env: dict[str, str], fakes: FakeVendors, state: str
) -> None:
    """Each status answer asks for 5 s (Retry-After): without hints each end is seen up to 5 s
    late; the receiver (this process) publishes the end's webhook on the bus the workers
    listen to, and the watch checks at once."""
    from taskstatus import celery as taskstatus_celery
    from taskstatus.testing import FakeServer
    from taskstatus.webhooks import RedisHints, WebhookReceiver

    app = _app(env)
    bus = RedisHints(state)
    receiver = WebhookReceiver(anchorbrowser_secret="whsec_celery", bus=bus)
    worker = Worker(env, "hinted")
    fakes.anchorbrowser.retry_after = 5.0
    try:
        with FakeServer({"hooks": receiver}) as hooks:  # type: ignore[dict-item]
            fakes.anchorbrowser.push_to(f"{hooks.url('hooks')}/anchorbrowser", "whsec_celery")
            worker.wait_ready(app)
            plan = []
            for number in range(4):
                script = Script(running=2.0 + number * 0.7, output={"n": number})
                (run_id,) = fakes.anchorbrowser.add_task("run", script=script,
                                                         faults=["hint"] * 20)  # fmt: skip
                token = _token(fakes, "anchorbrowser", "run", (run_id,))
                made = fakes.anchorbrowser.tasks[("run", (run_id,))].created  # monotonic
                plan.append(
                    (run_id, token, made + script.duration + time.time() - time.monotonic())
                )
                taskstatus_celery.watch(app, token, timeout=30,
                                        on_success=app.signature("tests.succeeded"),
                                        on_failure=app.signature("tests.failed"))  # fmt: skip
            found = _callbacks(state, 4, within=20)
            time.sleep(5.5)  # the superseded runs' countdowns pass: none may call back again
            found = _callbacks(state, 4, within=0)
    finally:
        worker.stop()
        bus.close()
        fakes.anchorbrowser.retry_after = 1.0
        fakes.anchorbrowser.webhook_url = None
    assert found["failed"] == []
    by_token = {c["token"]: c for c in found["succeeded"]}
    assert len(found["succeeded"]) == 4 == len(by_token)  # once per watch
    for run_id, token, ended in plan:  # (ended: the task's end, on the wall clock)
        task = fakes.anchorbrowser.tasks[("run", (run_id,))]
        checked = task.seen_at[-1] - (task.created + task.script.duration)  # the woken check
        assert checked < 0.5, run_id  # not at the 5 s countdown
        # Then the callback: a Celery message of its own (about 10 ms here, idle).
        assert by_token[token]["received_at"] - ended < 2.0, run_id
        assert task.requests <= 3
