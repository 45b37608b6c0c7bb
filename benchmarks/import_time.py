"""Part 4: what ``import taskstatus`` costs a program, beside ``import httpx``, as whole processes.

Each of ``python -c pass``, ``python -c "import httpx"`` and ``python -c "import taskstatus"``
runs ``RUNS`` times, interleaved; the medians count.  Start-up is in all three (it is what a
command-line user waits for); the bare interpreter's figure is shown for scale.
Usage: ``python benchmarks/import_time.py [RUNS]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from _harness import emit, row

PROGRAMS = {"bare": "pass", "httpx": "import httpx", "taskstatus": "import taskstatus"}


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, program in PROGRAMS.items():
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", program], check=True)
            times[name].append((time.perf_counter() - started) * 1000)
    median = {name: statistics.median(values) for name, values in times.items()}
    emit([
        row("4. import (whole process)", "python -c 'import taskstatus'", median["taskstatus"],
            "python -c 'import httpx'", median["httpx"], unit="ms", target="<= 1.3x httpx",
            met=median["taskstatus"] <= 1.3 * median["httpx"],
            note=f"bare interpreter {median['bare']:.0f} ms; vendor adapters and generated "
                 "clients load on first use"),
    ])  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
