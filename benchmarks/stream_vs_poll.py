"""Shannon: how fast and how cheaply wait() sees a task end, streaming vs polling.

Runs 20 tasks of 1-3 s on the fake Shannon (loopback, real sockets) twice in one run: once
with the event stream (the default) and once polling (streaming=False, default schedule).
Prints the completion-detection lag (wait() returning minus the task's end) and the requests
per task, side by side.  Usage: ``python benchmarks/stream_vs_poll.py [TASKS]``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

import taskstatus
from taskstatus.testing import FakeVendors, Script


async def measure(fakes: FakeVendors, streaming: bool, count: int) -> dict[str, float]:
    shannon = fakes.shannon
    durations = [1.0 + 2.0 * i / max(1, count - 1) for i in range(count)]
    ids = [
        shannon.add_task("task", script=Script(running=d, output="x" * 200))[0] for d in durations
    ]
    tasks = [shannon.tasks[("task", (i,))] for i in ids]
    streams_before = shannon.streams_opened
    lags: list[float] = []
    async with fakes.client("shannon", asynchronous=True, streaming=streaming) as client:

        async def one(task_id: str, fake: taskstatus.testing.FakeTask) -> None:
            final = await client.task(task_id).wait(timeout=60)
            assert final.state is taskstatus.State.SUCCEEDED
            lags.append(time.monotonic() - (fake.created + fake.script.duration))

        await asyncio.gather(*(one(i, t) for i, t in zip(ids, tasks, strict=True)))
    lags.sort()
    return {
        "mean": statistics.mean(lags),
        "p95": lags[int(0.95 * (len(lags) - 1))],
        "max": lags[-1],
        "requests": sum(t.requests for t in tasks) / count,
        "streams": (shannon.streams_opened - streams_before) / count,
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with FakeVendors() as fakes:
        rows = {
            "stream (default)": asyncio.run(measure(fakes, True, count)),
            "polling": asyncio.run(measure(fakes, False, count)),
        }
    print(f"Shannon, {count} tasks of 1-3 s each, fake on loopback, both modes in this run")
    header = ["mode", "mean lag", "p95 lag", "max lag", "requests/task", "streams/task"]
    print(f"{header[0]:<18}" + "".join(f"{h:>14}" for h in header[1:]))
    for name, row in rows.items():
        lags = "".join(f"{row[k] * 1000:>12.0f}ms" for k in ("mean", "p95", "max"))
        print(f"{name:<18}{lags}{row['requests']:>14.1f}{row['streams']:>14.1f}")
    stream, poll = rows["stream (default)"], rows["polling"]
    met = stream["p95"] < 0.05 and stream["streams"] == 1
    print(
        f"stream lag {poll['mean'] / stream['mean']:.0f}x lower than polling; target (p95 lag "
        f"< 50 ms, one stream per task): {'met' if met else 'MISSED'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
