"""``taskstatus demo`` and ``taskstatus fake-server``: the fakes, scripted, on loopback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any, TextIO

import attrs
from anchorbrowser_client.api.tasks import run_task_v2
from anchorbrowser_client.models import RunTaskV2Request, RunTaskV2RequestInputParams
from browseract_client.api.tasks import run_task
from browseract_client.models import RunWorkflowTaskRequest
from shannon_client.api.default import submit_task
from shannon_client.models import TaskRequest

from taskstatus._errors import TaskStatusError
from taskstatus._model import State
from taskstatus.cli._targets import format_target
from taskstatus.testing import FakeVendors, Script

DEMO_KEY = "demo-key"


@attrs.frozen
class Scene:
    vendor: str
    kind: str  # the fake's task kind
    constructor: str  # the client's handle constructor
    script: Script
    expect: State
    faults: tuple[str, ...] = ()
    cancel_after: float | None = None  # the demo cancels it after this many seconds


SCENES = [
    Scene(
        "truebit",
        "api",
        "api_task",
        Script(running=1.5, output={"temperature_c": 21.5, "city": "Lisbon"}),
        State.SUCCEEDED,
    ),
    Scene(
        "truebit",
        "function",
        "function_task",
        Script(running=2.5, outcome=State.FAILED, vendor_value="Indeterminate"),
        State.FAILED,
    ),
    Scene(
        "anchorbrowser",
        "execution",
        "task",
        Script(queued=0.5, running=3.0, output="Found 12 listings"),
        State.SUCCEEDED,
    ),
    Scene(
        "anchorbrowser",
        "run",
        "run",
        Script(running=2.0, outcome=State.FAILED, error="Blocked by captcha"),
        State.FAILED,
    ),
    Scene(
        "shannon",
        "task",
        "task",
        Script(queued=0.5, paused=1.0, running=2.5, output="The capital of France is Paris."),
        State.SUCCEEDED,
    ),
    Scene("shannon", "task", "task", Script(running=30.0), State.CANCELLED, cancel_after=2.0),
    Scene(
        "shannon",
        "task",
        "task",
        Script(running=3.0, outcome=State.TIMED_OUT, error="Ran past its time budget"),
        State.TIMED_OUT,
    ),
    Scene(
        "browseract",
        "task",
        "task",
        Script(queued=0.5, running=3.5, output='{"items": 3}'),
        State.SUCCEEDED,
        faults=("429", "429", "drop", "503"),
    ),
    Scene(
        "browseract",
        "task",
        "task",
        Script(running=2.0, outcome=State.FAILED, error="Navigation timeout"),
        State.FAILED,
    ),
]


async def _submit_shannon(client: Any) -> Any:
    body = TaskRequest(query="What is the capital of France?")
    return client.task_from(await submit_task.asyncio(client=client.api, body=body))


async def _run_browseract(client: Any) -> Any:
    body = RunWorkflowTaskRequest(workflow_id="wf-demo-listings")
    return client.task_from(await run_task.asyncio(client=client.api, body=body))


async def _run_anchorbrowser(client: Any) -> Any:
    params = RunTaskV2RequestInputParams.from_dict({"url": "https://example.com"})
    body = RunTaskV2Request(input_params=params)
    return client.run_from(await run_task_v2.asyncio("demo-task", client=client.api, body=body))


# Kinds a vendor starts over its API: the demo starts them as a user would, with the generated
# client (client.api) and task_from/run_from.  The others (Truebit's, AnchorBrowser's v1
# executions) are started outside this API and watched by id.
STARTERS: dict[tuple[str, str], Callable[[Any], Awaitable[Any]]] = {
    ("shannon", "task"): _submit_shannon,
    ("browseract", "task"): _run_browseract,
    ("anchorbrowser", "run"): _run_anchorbrowser,
}


async def run_demo(out: TextIO, live: bool) -> int:
    """Start the fakes, watch the scripted batch, print the summary; 0 if all went as scripted."""
    from taskstatus.cli._display import Display
    from taskstatus.cli._watch import handle_key, watch

    out.write("Starting fake Truebit, AnchorBrowser, Shannon and BrowserAct on loopback…\n")
    with FakeVendors(DEMO_KEY, ping_interval=1.0) as fakes:
        for app in fakes.apps.values():
            app.retry_after = 0.5
        clients = {name: fakes.client(name, asynchronous=True) for name in fakes.apps}
        for name in fakes.apps:
            out.write(f"  {name:<14} {fakes.url(name)}\n")
        handles, tasks = [], {}
        for scene in SCENES:
            app, client = fakes.apps[scene.vendor], clients[scene.vendor]
            start = STARTERS.get((scene.vendor, scene.kind))
            if start is not None:
                app.queue_scripts(scene.script, faults=scene.faults)
                handle = await start(client)
            else:
                ids = app.add_task(scene.kind, script=scene.script, faults=scene.faults)
                handle = getattr(client, scene.constructor)(*ids)
            handles.append(handle)
            tasks[handle] = (scene, app.tasks[(scene.kind, handle.ids)])
        started_over_api = sum((s.vendor, s.kind) in STARTERS for s in SCENES)
        out.write(
            f"Started {started_over_api} tasks over the vendors' APIs (client.api), "
            f"{len(handles) - started_over_api} by id.\n"
            f"Watching {len(handles)} tasks (one is cancelled, one meets rate limits):\n\n"
        )
        out.flush()
        display = Display(out, live)
        cancels = [
            asyncio.create_task(_cancel_later(handle, scene.cancel_after))
            for handle, (scene, _) in tasks.items()
            if scene.cancel_after is not None
        ]
        started = time.monotonic()
        outcomes = await watch(display, handles, timeout=60)
        await asyncio.gather(*cancels, return_exceptions=True)
        elapsed = time.monotonic() - started
        as_scripted = 0
        for handle, (scene, fake_task) in tasks.items():
            row = display.rows[handle_key(handle)]
            row.extra["requests"] = str(fake_task.requests)
            outcome = outcomes[handle]
            as_scripted += (
                not isinstance(outcome, TaskStatusError) and outcome.state is scene.expect
            )
        for client in clients.values():
            await client.aclose()
        out.write("\n" + display.table(extra=["requests"]) + "\n\n")
        requests = sum(t.requests for _, t in tasks.values())
        out.write(
            f"{as_scripted} of {len(SCENES)} tasks ended as scripted in {elapsed:.1f}s, "
            f"{requests} requests, {sum(a.faults_injected for a in fakes.apps.values())} injected "
            "faults ridden out.\n"
        )
    return 0 if as_scripted == len(SCENES) else 1


async def _cancel_later(handle: Any, delay: float) -> None:
    await asyncio.sleep(delay)
    await handle.cancel()


def serve_fakes(key: str, port: int) -> int:
    """Serve the fakes in the foreground with a few tasks of every kind, until Ctrl-C."""
    fakes = FakeVendors(key, start_port=port)
    print("Fake vendors on loopback (Ctrl-C stops):")
    for name in fakes.apps:
        print(f"  {name:<14} {fakes.url(name)}")
    print("Credentials for all of them:")
    for variable in (
        "TRUEBIT_API_KEY",
        "ANCHORBROWSER_API_KEY",
        "SHANNON_API_KEY",
        "BROWSERACT_API_KEY",
    ):
        print(f"  export {variable}={key}")
    print("Tasks (each ends as shown):")
    for scene in SCENES:
        script = attrs.evolve(scene.script, running=scene.script.running * 10)
        ids = fakes.apps[scene.vendor].add_task(scene.kind, script=script)
        shown = format_target(scene.vendor, scene.kind, ids)
        print(
            f"  taskstatus wait {scene.vendor} {shown} --base-url {fakes.url(scene.vendor)}"
            f"    # {script.outcome.value} after {script.duration:.0f}s"
        )
    print(flush=True)
    fakes.serve_forever()
    return 0
