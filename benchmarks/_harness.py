"""What the benchmark parts share: the fake vendors in a process of their own, the machine's
description, resource readings and the row every part reports."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
from pathlib import Path
from types import TracebackType
from typing import Any, Self

HERE = Path(__file__).resolve().parent


class ServerProcess:
    """``fake_server.py`` in a child process; tasks are added over its stdin."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, str(HERE / "fake_server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        hello = self._ask(None)
        self.urls: dict[str, str] = hello["urls"]
        self.key: str = hello["key"]

    def _ask(self, command: dict[str, Any] | None) -> Any:
        if self._proc.stdin is None or self._proc.stdout is None:
            raise RuntimeError("the fake server process has no pipes")
        if command is not None:
            self._proc.stdin.write(json.dumps(command) + "\n")
            self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("the fake server process ended")
        return json.loads(line)

    def add(
        self, vendor: str, kind: str, durations: list[float]
    ) -> tuple[list[list[str]], list[float]]:
        """Create tasks running ``durations`` seconds; their ids and creation times."""
        reply = self._ask({"add": vendor, "kind": kind, "durations": durations})
        return reply["ids"], reply["created"]

    def push_to(self, url: str, secret: str) -> None:
        """Make the fake AnchorBrowser send signed webhooks to ``url`` from now on."""
        self._ask({"push_to": url, "secret": secret})

    def task_requests(self, vendor: str, kind: str, ids: list[list[str]]) -> list[int]:
        """Status requests each of these tasks was asked."""
        reply = self._ask({"task_requests": vendor, "kind": kind, "ids": ids})
        return [int(n) for n in reply["requests"]]

    def requests(self, vendor: str) -> int:
        """HTTP requests the vendor's fake has answered so far (event streams included)."""
        return int(self._ask({"requests": vendor})["requests"])

    def streams(self, vendor: str) -> int:
        """Event streams the vendor's fake has opened so far."""
        return int(self._ask({"requests": vendor})["streams"])

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        try:
            self._proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._proc.kill()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def rss_mb() -> float:
    """Resident set size now."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}"
    )


def row(
    part: str,
    measure: str,
    ours: float,
    baseline: str,
    base: float,
    *,
    unit: str,
    target: str = "",
    met: bool | None = None,
    note: str = "",
) -> dict[str, Any]:
    """One line of the table: our figure beside one baseline's, measured in the same run."""
    return {
        "part": part, "measure": measure, "ours": ours, "baseline": baseline, "base": base,
        "unit": unit, "target": target, "met": met, "note": note,
    }  # fmt: skip


def lag_figures(lags: list[float]) -> dict[str, float]:
    """Mean and 95th percentile of detection lags (seconds)."""
    ordered = sorted(lags)
    return {"mean": statistics.mean(ordered), "p95": ordered[int(0.95 * (len(ordered) - 1))]}


def emit(rows: list[dict[str, Any]]) -> None:
    """A part's rows, for ``run.py`` (one JSON document on stdout)."""
    print(json.dumps(rows), flush=True)
