"""A user's asyncio script: the same flows with the async clients (type-checked, never run)."""

from __future__ import annotations

import taskstatus
from anchorbrowser_client.api.tasks import run_task_v2
from anchorbrowser_client.models import (
    RunTaskV2Request,
    RunTaskV2RequestInputParams,
    TaskRunStatusV2Response,
)
from shannon_client.api.default import submit_task
from shannon_client.models import TaskRequest


async def anchorbrowser_flow() -> taskstatus.JSON:
    async with taskstatus.AsyncAnchorBrowser() as anchor:
        started = await run_task_v2.asyncio(
            "task-id",
            client=anchor.api,
            body=RunTaskV2Request(input_params=RunTaskV2RequestInputParams()),
        )
        run = anchor.run_from(started)
        final = await run.wait(timeout=600)
        raw: TaskRunStatusV2Response | None = final.raw
        print(raw)
        return await run.result()


async def shannon_flow() -> None:
    async with taskstatus.AsyncShannon() as shannon:
        detailed = await submit_task.asyncio_detailed(
            client=shannon.api, body=TaskRequest(query="q")
        )
        task = shannon.task_from(detailed)
        async for event in task.events(timeout=60):
            print(event.name, event.data)
        await task.cancel()
        handles = [task, shannon.task("another")]
        async for handle in taskstatus.as_completed_async(handles, timeout=60):
            print((await handle.wait()).state)
        done, _ = await taskstatus.wait_async(handles, return_when=taskstatus.ALL_COMPLETED)
        print(done)
