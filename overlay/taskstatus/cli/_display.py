"""The progress display of ``taskstatus wait`` and the demo.

On a terminal: one redrawn line per task (spinner, state, elapsed time), then a final table.
Elsewhere: a plain line per state change, then the same table.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import attrs

from taskstatus._errors import TaskStatusError
from taskstatus._model import State, TaskStatus

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
COLOURS = {
    State.SUCCEEDED: "32",
    State.FAILED: "31",
    State.TIMED_OUT: "31",
    State.CANCELLED: "33",
    State.PAUSED: "33",
    State.UNKNOWN: "35",
}
WIDTH = 44


def short(value: Any, width: int = WIDTH) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@attrs.define
class Row:
    vendor: str
    kind: str
    task: str
    started: float
    status: TaskStatus | None = None
    error: TaskStatusError | None = None
    ended: float | None = None
    extra: dict[str, str] = attrs.field(factory=dict)
    retrying: str | None = None  # the failure the wait is riding out, until an answer comes
    last_failure: TaskStatusError | None = None  # the last failure ridden out, if any

    @property
    def state(self) -> str:
        if self.error is not None:
            return "ERROR" if not isinstance(self.error, TimeoutError) else "WAIT TIMEOUT"
        if self.retrying is not None and self.ended is None:
            return "RETRYING"
        return self.status.state.name if self.status else "…"

    @property
    def detail(self) -> str:
        """What the live line shows after the time: retrying and why, else the vendor value."""
        if self.retrying is not None and self.ended is None and self.error is None:
            return f"retrying: {self.retrying}"
        return self.status.vendor_status if self.status and self.status.vendor_status else ""

    @property
    def result(self) -> str:
        if self.error is not None:
            return short(self.error.reason)
        if self.status is None:
            return ""
        if self.status.state is State.SUCCEEDED:
            return short(self.status.output)
        # The vendor's error text; no result otherwise (the state already says it ended, and
        # its vendor value is not a result: a cancelled task's cell stays empty).
        return short(self.status.error or "")


class Display:
    def __init__(self, out: TextIO, live: bool, clock: Callable[[], float] = time.monotonic):
        self.out = out
        self.live = live
        self.colour = live and not os.environ.get("NO_COLOR")
        self.clock = clock
        self.rows: dict[object, Row] = {}
        self._drawn = 0
        self._tick = 0

    def add(
        self, key: object, vendor: str, kind: str, task: str, started: float | None = None
    ) -> Row:
        """A row for a task whose wait began at ``started`` (the display's clock; now if
        None)."""
        row = Row(vendor, kind, task, self.clock() if started is None else started)
        self.rows[key] = row
        return row

    def seen(self, key: object, status: TaskStatus) -> None:
        row = self.rows[key]
        changed = row.status is None or (row.status.state, row.status.vendor_status) != (
            status.state,
            status.vendor_status,
        )
        row.status = status
        row.retrying = None
        if status.done and row.ended is None:
            row.ended = self.clock()
        if changed and not self.live:
            self._line(row)

    def retried(self, key: object, error: TaskStatusError) -> None:
        """The task's wait rides out ``error``; shown as retrying, with the reason, until an
        answer comes (piped: one line each time the reason changes)."""
        row = self.rows[key]
        changed = row.retrying != error.reason
        row.retrying = error.reason
        row.last_failure = error
        if changed and not self.live:
            self._line(row)

    def failed(self, key: object, error: TaskStatusError) -> None:
        row = self.rows[key]
        row.error = error
        row.ended = self.clock()
        if not self.live:
            self._line(row)

    def _elapsed(self, row: Row) -> float:
        return (row.ended or self.clock()) - row.started

    def _paint(self, text: str, state: State | None) -> str:
        code = COLOURS.get(state) if state else None
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and code else text

    def _line(self, row: Row) -> None:
        detail = f" ({row.status.vendor_status})" if row.status and row.status.vendor_status else ""
        if row.error is not None:
            detail = f": {row.error.reason}"
        elif row.retrying is not None:
            detail = f": {row.retrying}"
        self.out.write(
            f"{self._elapsed(row):7.1f}s  {row.vendor} {row.kind} {row.task}  {row.state}{detail}\n"
        )
        self.out.flush()

    def draw(self) -> None:
        """Redraw the live lines in place."""
        if not self.live:
            return
        self._tick += 1
        lines = []
        for row in self.rows.values():
            done = row.ended is not None
            mark = "✔" if row.status and row.status.state is State.SUCCEEDED else "✖"
            spin = mark if done else SPINNER[self._tick % len(SPINNER)]
            state = row.status.state if row.status else None
            painted = state if row.error is None and row.retrying is None else State.FAILED
            label = self._paint(f"{row.state:<10}", painted)
            lines.append(
                f" {spin} {row.vendor:<13} {row.kind:<9} {short(row.task, 28):<28} {label}"
                f" {self._elapsed(row):6.1f}s  {short(row.detail, 60)}".rstrip()
            )
        prefix = f"\x1b[{self._drawn}F" if self._drawn else "\x1b[?25l"
        self.out.write(prefix + "".join(f"\x1b[2K{line}\n" for line in lines))
        self.out.flush()
        self._drawn = len(lines)

    async def animate(self, interval: float = 0.1) -> None:
        """Redraw until cancelled."""
        try:
            while True:
                self.draw()
                await asyncio.sleep(interval)
        finally:
            self.draw()
            if self.live:
                self.out.write("\x1b[?25h")
                self.out.flush()

    def table(self, extra: Sequence[str] = ()) -> str:
        """The final summary table."""
        headers = ["VENDOR", "KIND", "TASK", "STATE", "TIME", *[e.upper() for e in extra], "RESULT"]
        body = [
            [
                row.vendor,
                row.kind,
                short(row.task, 28),
                row.state,
                f"{self._elapsed(row):.1f}s",
                *[row.extra.get(e, "") for e in extra],
                row.result,
            ]
            for row in self.rows.values()
        ]
        widths = [
            max(len(h), *(len(r[i]) for r in body)) if body else len(h)
            for i, h in enumerate(headers)
        ]
        lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        for row, cells in zip(self.rows.values(), body, strict=True):
            text = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
            state = row.status.state if row.status and row.error is None else State.FAILED
            lines.append(self._paint(text, state) if self.colour else text)
        return "\n".join(lines)
