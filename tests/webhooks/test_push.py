"""Push over real sockets: the fakes deliver webhooks and callbacks to a WebhookReceiver served
on loopback, and waits given ``hints=`` end at once; a delivery is a hint, never the truth."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import taskstatus
from browseract_client.api.tasks import run_task
from browseract_client.models import RunWorkflowTaskRequest
from taskstatus import State
from taskstatus.testing import FakeServer, FakeVendors, Script
from taskstatus.testing._push import PushPlan
from taskstatus.webhooks import WebhookReceiver, sign

pytestmark = pytest.mark.slow
SECRET = "whsec_fake"
SLOW_NET = 30.0  # a safety net this long would fail every timing below: push must do it


class Flaky:
    """The receiver behind a front that answers 503 to the first ``failures`` deliveries."""

    def __init__(self, receiver: WebhookReceiver, failures: int):
        self.receiver, self.failures = receiver, failures

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.failures > 0:
            self.failures -= 1
            await send({"type": "http.response.start", "status": 503, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        await self.receiver(scope, receive, send)


@pytest.fixture
def setup() -> Iterator[tuple[FakeVendors, WebhookReceiver, FakeServer, Flaky]]:
    receiver = WebhookReceiver(anchorbrowser_secret=SECRET)
    front = Flaky(receiver, 0)
    with FakeVendors() as fakes, FakeServer({"hooks": front}) as hooks:  # type: ignore[dict-item]
        receiver.public_url = hooks.url("hooks")
        fakes.anchorbrowser.push_to(f"{hooks.url('hooks')}/anchorbrowser", SECRET)
        yield fakes, receiver, hooks, front


def _settle(done: Any, within: float = 3.0) -> None:
    """Wait for what happens after the answer (the fake's own log) to be there."""
    deadline = time.monotonic() + within
    while not done() and time.monotonic() < deadline:
        time.sleep(0.02)


def _ended_lag(fakes: FakeVendors, run_id: str, returned: float) -> float:
    task = fakes.anchorbrowser.tasks[("run", (run_id,))]
    return returned - (task.created + task.script.duration)


def test_a_webhook_ends_the_wait_at_once(setup: Any) -> None:
    fakes, receiver, _, _ = setup
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=1.0, output={"a": 1}))
    with fakes.client("anchorbrowser", hints=receiver, safety_interval=SLOW_NET) as anchor:
        final = anchor.run(run_id).wait(timeout=10)
    lag = _ended_lag(fakes, run_id, time.monotonic())
    assert final.state is State.SUCCEEDED
    assert final.output == {"a": 1}
    assert lag < 0.5
    assert fakes.anchorbrowser.tasks[("run", (run_id,))].requests == 2  # first call + the hinted
    assert receiver.counts["accepted"] == 1
    assert receiver.hub.listening() == 0  # the wait stopped listening


def test_async_waits_are_woken_too(setup: Any) -> None:
    fakes, receiver, _, _ = setup
    ids = [fakes.anchorbrowser.add_task("run", script=Script(running=0.5 + i / 10))[0]
           for i in range(5)]  # fmt: skip

    async def main() -> list[taskstatus.TaskStatus]:
        async with fakes.client("anchorbrowser", asynchronous=True, hints=receiver,
                                safety_interval=SLOW_NET) as anchor:  # fmt: skip
            return await asyncio.gather(*(anchor.run(i).wait(timeout=10) for i in ids))

    finals = asyncio.run(main())
    assert [f.state for f in finals] == [State.SUCCEEDED] * 5
    assert all(fakes.anchorbrowser.tasks[("run", (i,))].requests <= 3 for i in ids)


def test_a_lost_delivery_costs_only_the_safety_interval(setup: Any) -> None:
    fakes, receiver, _, _ = setup
    fakes.anchorbrowser.push_plan = PushPlan(faults=["lost"])
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=0.5))
    with fakes.client("anchorbrowser", hints=receiver, safety_interval=1.5) as anchor:
        final = anchor.run(run_id).wait(timeout=10)
    assert final.state is State.SUCCEEDED
    assert 0 < _ended_lag(fakes, run_id, time.monotonic()) <= 1.5 + 0.3
    assert receiver.counts["accepted"] == 0


def test_a_late_or_duplicated_delivery_changes_nothing(setup: Any) -> None:
    fakes, receiver, _, _ = setup
    fakes.anchorbrowser.push_plan = PushPlan(faults=["duplicate", "late"], late_seconds=0.5)
    failing = Script(running=0.3, outcome=State.FAILED, error="captcha")
    (first,) = fakes.anchorbrowser.add_task("run", script=failing)
    (second,) = fakes.anchorbrowser.add_task("run", script=Script(running=0.3))
    with fakes.client("anchorbrowser", hints=receiver, safety_interval=SLOW_NET) as anchor:
        assert anchor.run(first).wait(timeout=10).state is State.FAILED
        assert anchor.run(second).wait(timeout=10).state is State.SUCCEEDED

    def duplicates() -> int:  # the fake logs a delivery once its answer came back
        return [d.duplicate for d in fakes.anchorbrowser.deliveries].count(True)

    _settle(lambda: receiver.counts["duplicate"] == 1 and duplicates() == 1)
    assert receiver.counts["duplicate"] == 1
    assert duplicates() == 1


def test_the_vendor_retries_a_receiver_that_fails(setup: Any) -> None:
    fakes, receiver, _, front = setup
    front.failures = 2
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=0.3))
    with fakes.client("anchorbrowser", hints=receiver, safety_interval=SLOW_NET) as anchor:
        assert anchor.run(run_id).wait(timeout=10).state is State.SUCCEEDED
    _settle(lambda: len(fakes.anchorbrowser.deliveries) == 3)  # the fake logs after the answer
    assert [d.status for d in fakes.anchorbrowser.deliveries] == [503, 503, 200]


def _post(hooks: FakeServer, path: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(f"{hooks.url('hooks')}{path}", content=body, headers=headers)


def test_forged_stale_and_replayed_deliveries_are_refused(setup: Any) -> None:
    fakes, receiver, hooks, _ = setup
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=600))
    body = json.dumps({"id": "evt_x", "type": "task.completed", "data": {"run_id": run_id}})
    raw = body.encode()
    now = int(time.time())
    forged = _post(hooks, "/anchorbrowser", raw, {"anchor-signature": sign("guess", now, raw)})
    stale = _post(hooks, "/anchorbrowser", raw, {"anchor-signature": sign(SECRET, now - 300, raw)})
    unsigned = _post(hooks, "/anchorbrowser", raw, {})
    assert [forged.status_code, stale.status_code, unsigned.status_code] == [401, 401, 401]
    good = {"anchor-signature": sign(SECRET, now, raw)}
    assert _post(hooks, "/anchorbrowser", raw, good).status_code == 200
    replay = _post(hooks, "/anchorbrowser", raw, good)
    assert replay.status_code == 200
    assert replay.json() == {"duplicate": True}
    assert receiver.counts["refused"] == 3
    assert _post(hooks, "/anchorbrowser", b"x" * (1024 * 1024 + 1), good).status_code == 413
    assert httpx.get(f"{hooks.url('hooks')}/anchorbrowser").status_code == 405


def test_a_signed_delivery_for_a_running_task_is_only_a_hint(setup: Any) -> None:
    """Even a genuine delivery cannot end a wait: the status call decides."""
    fakes, receiver, hooks, _ = setup
    (run_id,) = fakes.anchorbrowser.add_task("run", script=Script(running=1.5))
    with fakes.client("anchorbrowser", hints=receiver, safety_interval=SLOW_NET) as anchor:
        handle = anchor.run(run_id)
        statuses: list[State] = []

        def lie() -> None:
            time.sleep(0.3)
            event = {"id": "evt_lie", "type": "task.completed", "data": {"run_id": run_id}}
            raw = json.dumps(event).encode()
            sent = _post(hooks, "/anchorbrowser", raw,
                         {"anchor-signature": sign(SECRET, int(time.time()), raw)})  # fmt: skip
            assert sent.json() == {"woken": 1}

        liar = threading.Thread(target=lie)
        liar.start()
        final = handle.wait(timeout=10, on_status=lambda s: statuses.append(s.state))
        liar.join()
    assert final.state is State.SUCCEEDED
    assert statuses[0] is State.RUNNING
    assert fakes.anchorbrowser.tasks[("run", (run_id,))].requests >= 3  # woken, still running


def test_browseract_callbacks_end_the_wait_and_unknown_tokens_are_refused(setup: Any) -> None:
    fakes, receiver, hooks, _ = setup
    fakes.browseract.queue_scripts(Script(queued=0.2, running=0.8))
    url = receiver.browseract_callback_url()
    assert url.startswith(hooks.url("hooks") + "/browseract/")
    with fakes.client("browseract", hints=receiver, safety_interval=SLOW_NET) as browseract:
        body = RunWorkflowTaskRequest.from_dict(
            {"workflow_id": "wf", "callback_url": url, "status_change_callback_url": url}
        )
        task = browseract.task_from(run_task.sync(client=browseract.api, body=body))
        started = time.monotonic()
        final = task.wait(timeout=10)
    assert final.state is State.SUCCEEDED
    assert time.monotonic() - started < 1.5
    statuses = [d.status for d in fakes.browseract.deliveries]
    assert statuses
    assert set(statuses) == {200}
    guessed = _post(hooks, "/browseract/not-a-token", b'{"id": "1"}', {})
    assert guessed.status_code == 404
    other = _post(hooks, url.removeprefix(hooks.url("hooks")), b'{"id": "999"}', {})
    assert other.status_code == 409  # a token serves the one task it was made for


def test_hints_need_a_vendor_that_pushes() -> None:
    with pytest.raises(taskstatus.ConfigurationError, match="sends no webhooks"):
        taskstatus.Shannon(api_key="k", hints=WebhookReceiver())
    assert "whsec" not in repr(WebhookReceiver(anchorbrowser_secret="whsec_secret"))


def test_a_lost_browseract_callback_costs_only_the_safety_interval(setup: Any) -> None:
    fakes, receiver, _, _ = setup
    fakes.browseract.push_plan = PushPlan(faults=["lost"] * 3)  # start, end (change), end
    fakes.browseract.queue_scripts(Script(running=0.4, output="rows"))
    url = receiver.browseract_callback_url()

    async def main() -> taskstatus.TaskStatus:
        async with fakes.client("browseract", asynchronous=True, hints=receiver,
                                safety_interval=1.5) as browseract:  # fmt: skip
            body = RunWorkflowTaskRequest(workflow_id="wf", callback_url=url,
                                          status_change_callback_url=url)  # fmt: skip
            created = await run_task.asyncio(client=browseract.api, body=body)
            return await browseract.task_from(created).wait(timeout=10)

    started = time.monotonic()
    final = asyncio.run(main())
    assert final.state is State.SUCCEEDED
    assert 0.4 < time.monotonic() - started < 0.4 + 1.5 + 0.5
    assert receiver.counts["accepted"] == 0
