"""Helpers for end-to-end tests against the fake vendors."""

from __future__ import annotations

import asyncio
import inspect
import json
from typing import Any

import taskstatus
from taskstatus.testing import FakeVendors, Script

FAST = taskstatus.PollSchedule(
    initial=0.05, factor=1.2, max_interval=0.2, retry_initial=0.05, retry_max=0.2
)
# kind -> (vendor, fake kind, handle constructor)
KINDS = {
    "truebit/api": ("truebit", "api", "api_task"),
    "truebit/function": ("truebit", "function", "function_task"),
    "anchorbrowser/execution": ("anchorbrowser", "execution", "task"),
    "anchorbrowser/run": ("anchorbrowser", "run", "run"),
    "shannon/task": ("shannon", "task", "task"),
    "browseract/task": ("browseract", "task", "task"),
}


# One loop for every async call in these tests: an AsyncClient's connections belong to the
# loop that opened them, as in any real program.
LOOP = asyncio.new_event_loop()


def run(value: Any) -> Any:
    return LOOP.run_until_complete(value) if inspect.isawaitable(value) else value


def make(fakes: FakeVendors, mode: str, kind: str, script: Script, faults: list[str] | None = None,
         **client_options: Any) -> tuple[Any, Any]:  # fmt: skip
    """(client, handle) for a new fake task of ``kind``."""
    vendor, fake_kind, constructor = KINDS[kind]
    ids = fakes.apps[vendor].add_task(fake_kind, script=script, faults=faults or [])
    client_options.setdefault("schedule", FAST)
    client_options.setdefault("timeout", 0.5)
    client = fakes.client(vendor, asynchronous=mode == "async", **client_options)
    return client, getattr(client, constructor)(*ids)


def expected_output(kind: str, output: Any) -> Any:
    text = output if isinstance(output, str) else json.dumps(output)
    return {
        "truebit/api": output if isinstance(output, dict) else {"result": output},
        "truebit/function": text,
        "anchorbrowser/execution": output,  # the same for executions and runs
        "anchorbrowser/run": output,
        "shannon/task": output if isinstance(output, dict) else text,
        "browseract/task": {"string": text, "files": []},
    }[kind]
