"""Which wait a task gets: ``WaitPlan`` (a client's settings) and ``until_done`` (the flow).

A kind that streams is followed on its stream (unless the client turned streaming off); a
client given hints sleeps on the safety-net schedule and is woken by deliveries; otherwise it
polls on the client's schedule.  Every way of waiting (a handle's wait, the many-task waits,
the CLI) runs the flow ``until_done`` returns.
"""

from __future__ import annotations

import attrs

from taskstatus._errors import ConfigurationError
from taskstatus._model import TaskStatus
from taskstatus._waiting import flows, stream
from taskstatus._waiting.schedule import PollSchedule
from taskstatus._waiting.steps import Clock, Flow, OnRetry, OnStatus, TaskRef

# With hints (webhooks), the poll that catches a lost delivery: seconds between status calls.
SAFETY_INTERVAL = 60.0


@attrs.frozen
class WaitPlan:
    """How a client waits: its schedule and retries, whether it may stream, whether hints
    wake it (and then the safety-net interval), and its base URL (a stream's origin)."""

    base_url: str
    schedule: PollSchedule = attrs.field(factory=PollSchedule)
    retries: flows.RetryPolicy = attrs.field(factory=flows.RetryPolicy)
    streaming: bool = True
    hinted: bool = False
    safety_interval: float = SAFETY_INTERVAL

    @property
    def safety(self) -> PollSchedule:
        """The schedule of a hinted wait: one status call per safety interval."""
        return attrs.evolve(
            self.schedule, initial=self.safety_interval, factor=1.0,
            max_interval=self.safety_interval,
        )  # fmt: skip

    def streams(self, task: TaskRef) -> bool:
        return self.streaming and not self.hinted and task.kind.streams


def until_done(
    task: TaskRef,
    plan: WaitPlan,
    clock: Clock,
    timeout: float | None = None,
    on_status: OnStatus | None = None,
    *,
    streaming: bool = True,
    on_retry: OnRetry | None = None,
) -> Flow[TaskStatus]:
    """The wait for one task, as ``plan`` says; ``streaming=False`` polls even a kind that
    streams (the many-task waits: one open connection per task would not scale).
    ``on_retry`` hears of each transient failure the wait rides out."""
    if plan.hinted:
        return flows.poll(task, plan.safety, clock, timeout, on_status, hinted=True,
                          on_retry=on_retry)  # fmt: skip
    if streaming and plan.streams(task):
        return stream.streamed(task, plan.base_url, plan.schedule, clock, timeout, on_status,
                               on_retry)  # fmt: skip
    return flows.poll(task, plan.schedule, clock, timeout, on_status, on_retry=on_retry)


def check_timeout(timeout: object, what: str = "timeout", *, vendor: str | None = None) -> None:
    """A wait's ``timeout``: None (no limit) or a number of seconds, 0 or more."""
    if timeout is None:
        return
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise ConfigurationError(
            f"{what} must be a number of seconds or None, not {type(timeout).__name__}",
            vendor=vendor,
        )
    if not timeout >= 0:  # also refuses NaN
        raise ConfigurationError(
            f"{what} must be 0 or more seconds (None waits without limit), not {timeout!r}",
            vendor=vendor,
        )
