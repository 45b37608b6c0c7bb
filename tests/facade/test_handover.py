"""Shannon's stream-first wait hands over to polling without forgetting what the server said:
a Retry-After (or a 5xx backoff) on the first status probe or on the stream is honoured before
the next request, sync and async."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
import taskstatus

from tests.facade.support import MODES, call, client

HINT = 1.0  # Retry-After, seconds
BACKOFF = taskstatus.PollSchedule(initial=0.05, retry_initial=0.3, jitter=0.0)
RUNNING = {"task_id": "t", "status": "TASK_STATUS_RUNNING"}
DONE = {"task_id": "t", "status": "TASK_STATUS_COMPLETED", "result": "ok"}
STATUS = "/api/v1/tasks/t"


def _server(answers: dict[str, list[httpx.Response]]) -> tuple[Any, list[tuple[float, str, int]]]:
    """Answers per path in order (the last repeats); records (monotonic time, path, code)."""
    log: list[tuple[float, str, int]] = []
    served: dict[str, int] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        queue = answers[path]
        answer = queue[min(served.get(path, 0), len(queue) - 1)]
        served[path] = served.get(path, 0) + 1
        log.append((time.monotonic(), path, answer.status_code))
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    return handler, log


def _gap_after(log: list[tuple[float, str, int]], code: int) -> float:
    """Seconds between the first answer with ``code`` and the request after it."""
    index = next(i for i, (_, _, c) in enumerate(log) if c == code)
    return log[index + 1][0] - log[index][0]


RATE_LIMITED = httpx.Response(429, headers={"retry-after": f"{HINT:g}"}, json={"error": "slow"})
UNAVAILABLE = httpx.Response(503, json={"error": "unavailable"})


@pytest.mark.parametrize("mode", MODES)
def test_retry_after_on_the_first_probe_is_honoured(mode: str) -> None:
    handler, log = _server({STATUS: [RATE_LIMITED, httpx.Response(200, json=DONE)]})
    shannon = client(mode, "shannon", handler, schedule=BACKOFF)
    final = call(shannon.task("t").wait, timeout=10)
    assert final.state is taskstatus.State.SUCCEEDED
    assert [code for _, _, code in log] == [429, 200]
    assert _gap_after(log, 429) >= HINT


@pytest.mark.parametrize("mode", MODES)
def test_a_5xx_on_the_first_probe_backs_off_like_polling(mode: str) -> None:
    handler, log = _server({STATUS: [UNAVAILABLE, httpx.Response(200, json=DONE)]})
    shannon = client(mode, "shannon", handler, schedule=BACKOFF)
    assert call(shannon.task("t").wait, timeout=10).state is taskstatus.State.SUCCEEDED
    assert _gap_after(log, 503) >= BACKOFF.retry_delay(1)


@pytest.mark.parametrize("mode", MODES)
def test_retry_after_on_the_stream_is_honoured_by_the_polls_after_it(mode: str) -> None:
    handler, log = _server(
        {
            STATUS: [httpx.Response(200, json=RUNNING), httpx.Response(200, json=DONE)],
            "/api/v1/tasks/t/stream": [RATE_LIMITED],
        }
    )
    shannon = client(mode, "shannon", handler, schedule=BACKOFF)
    assert call(shannon.task("t").wait, timeout=10).state is taskstatus.State.SUCCEEDED
    assert [(path, code) for _, path, code in log] == [
        (STATUS, 200),
        ("/api/v1/tasks/t/stream", 429),
        (STATUS, 200),
    ]
    assert _gap_after(log, 429) >= HINT


@pytest.mark.parametrize("mode", MODES)
def test_the_hint_never_outlasts_the_deadline(mode: str) -> None:
    slow = httpx.Response(429, headers={"retry-after": "60"}, json={"error": "slow"})
    handler, log = _server({STATUS: [slow]})
    shannon = client(mode, "shannon", handler, schedule=BACKOFF)
    started = time.monotonic()
    with pytest.raises(taskstatus.WaitTimeout):
        call(shannon.task("t").wait, timeout=0.5)
    assert time.monotonic() - started < 5
    # The sleep is cut at the deadline, where one last look is taken before giving up.
    assert len(log) == 2
    assert log[1][0] - started >= 0.5
