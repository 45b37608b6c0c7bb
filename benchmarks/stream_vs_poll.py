"""Part 6: Shannon's ``wait()``, event stream (the default) beside polling, in real time.

``COUNT`` tasks of 1-3 s on the fake Shannon in another process, waited on concurrently by one
async client, twice in this run: streaming, then ``streaming=False``.  Lag = when ``wait()``
returned minus when the task ended (both on the system's monotonic clock).
Usage: ``python benchmarks/stream_vs_poll.py [COUNT]``.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

import taskstatus
from _harness import ServerProcess, emit, lag_figures, row


async def measure(server: ServerProcess, streaming: bool, count: int) -> dict[str, float]:
    durations = [1.0 + 2.0 * i / max(1, count - 1) for i in range(count)]
    requests, streams = server.requests("shannon"), server.streams("shannon")
    client = taskstatus.AsyncShannon(
        api_key=server.key, base_url=server.urls["shannon"], streaming=streaming
    )
    ids, created = server.add("shannon", "task", durations)
    lags: list[float] = []

    async def one(task_id: str, end: float) -> None:
        final = await client.task(task_id).wait(timeout=60)
        if final.state is not taskstatus.State.SUCCEEDED:
            raise RuntimeError(f"{task_id} ended {final.state}")
        lags.append(time.monotonic() - end)

    async with client:
        await asyncio.gather(
            *(one(i[0], c + d) for i, c, d in zip(ids, created, durations, strict=True))
        )
    return {
        **lag_figures(lags),
        "requests": (server.requests("shannon") - requests) / count,
        "streams": (server.streams("shannon") - streams) / count,
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with ServerProcess() as server:
        stream = asyncio.run(measure(server, True, count))
        poll = asyncio.run(measure(server, False, count))
    part = f"6. Shannon wait(): stream vs poll, {count} tasks of 1-3 s"
    rows: list[dict[str, Any]] = [
        row(part, "detection lag, mean", stream["mean"] * 1000, "polling (ours)",
            poll["mean"] * 1000, unit="ms"),
        row(part, "detection lag, p95", stream["p95"] * 1000, "polling (ours)",
            poll["p95"] * 1000, unit="ms", target="< 50 ms streaming", met=stream["p95"] < 0.05),
        row(part, "HTTP requests per task (a stream counts one)", stream["requests"],
            "polling (ours)", poll["requests"], unit="",
            note=f"{stream['streams']:.1f} stream per task"),
    ]  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
