"""Part 7: AnchorBrowser waits with webhooks (``hints=``) beside plain polling, in real time.

``COUNT`` v2 runs of 1-60 s (evenly spread) on the fake AnchorBrowser in another process, which
sends signed webhooks to a ``WebhookReceiver`` served on loopback in this process.  One async
client with ``hints=receiver`` (safety net: 60 s, the default) waits on ``COUNT`` runs while a
plain client polls another ``COUNT`` with the same durations, at the same time.  Lag = when
``wait()`` returned minus when the run ended (system monotonic clock); requests per task are
counted by the fake.  Usage: ``python benchmarks/push_vs_poll.py [COUNT] [MAX_SECONDS]``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from typing import Any

import taskstatus
from _harness import ServerProcess, emit, lag_figures, row
from taskstatus.testing import FakeServer
from taskstatus.webhooks import WebhookReceiver

SECRET = "whsec_bench"  # noqa: S105 - the fake webhook's secret, on loopback


async def measure(
    server: ServerProcess, durations: list[float], hints: WebhookReceiver | None
) -> dict[str, float]:
    ids, created = server.add("anchorbrowser", "run", durations)
    client = taskstatus.AsyncAnchorBrowser(
        api_key=server.key, base_url=server.urls["anchorbrowser"], hints=hints
    )
    lags: list[float] = []

    async def one(run_id: str, end: float) -> None:
        final = await client.run(run_id).wait(timeout=max(durations) + 120)
        if final.state is not taskstatus.State.SUCCEEDED:
            raise RuntimeError(f"{run_id} ended {final.state}")
        lags.append(time.monotonic() - end)

    async with client:
        await asyncio.gather(
            *(one(i[0], c + d) for i, c, d in zip(ids, created, durations, strict=True))
        )
    requests = server.task_requests("anchorbrowser", "run", ids)
    return {
        **lag_figures(lags),
        "requests": statistics.mean(requests),
        "max_requests": max(requests),
    }


async def both(server: ServerProcess, durations: list[float], receiver: WebhookReceiver) -> Any:
    return await asyncio.gather(
        measure(server, durations, receiver), measure(server, durations, None)
    )


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    longest = float(sys.argv[2]) if len(sys.argv) > 2 else 60.0
    durations = [1.0 + (longest - 1.0) * i / max(1, count - 1) for i in range(count)]
    receiver = WebhookReceiver(anchorbrowser_secret=SECRET)
    with ServerProcess() as server, FakeServer({"hooks": receiver}) as hooks:  # type: ignore[dict-item]
        server.push_to(f"{hooks.url('hooks')}/anchorbrowser", SECRET)
        push, poll = asyncio.run(both(server, durations, receiver))
    part = f"7. AnchorBrowser wait(): webhooks vs poll, {count} runs of 1-{longest:.0f} s"
    rows: list[dict[str, Any]] = [
        row(part, "detection lag, mean", push["mean"] * 1000, "polling (ours)",
            poll["mean"] * 1000, unit="ms"),
        row(part, "detection lag, p95", push["p95"] * 1000, "polling (ours)",
            poll["p95"] * 1000, unit="ms", target="< 100 ms with push", met=push["p95"] < 0.1),
        row(part, "HTTP requests per task", push["requests"], "polling (ours)",
            poll["requests"], unit="", target="<= 3 with push", met=push["max_requests"] <= 3,
            note=f"at most {push['max_requests']:.0f} with push"),
    ]  # fmt: skip
    emit(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
