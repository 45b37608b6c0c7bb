"""Every benchmark, one table: ``nox -s bench`` runs this.

Each part is a script of its own (run alone for details; its docstring says what it measures)
and runs here as a child process that prints its rows as JSON; the fake vendors always run in
yet another process.  Every row puts our figure beside a baseline measured in the same run,
with the ratio and, where the project set one, the target and whether it was met.

Usage: ``python benchmarks/run.py [--quick] [--markdown FILE] [--skip SCRIPT]...``;
``--quick`` runs the fan-out at 1,000 tasks only (not at 1,000 and at 10,000), fewer one-call
rounds, and 20 runs of 1-10 s instead of 100 of 1-60 s with webhooks (for a look, not for the
README); ``--skip celery_watch.py`` leaves a part out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from typing import Any

from _harness import HERE, machine

PARTS = [
    "status_call.py",
    "fanout.py",
    "fanout.py 1000",  # the many-wait's targets hold at 1,000 tasks as at 10,000
    "schedule.py",
    "import_time.py",
    "stream_vs_poll.py",
    "push_vs_poll.py",
    "celery_watch.py",
    "push_across.py",
]


# --quick: smaller runs, for a look rather than for the README.
QUICK: dict[str, list[str] | None] = {
    "status_call.py": ["100", "7"],
    "fanout.py": ["1000"],
    "fanout.py 1000": None,  # the same as the line above under --quick: not run twice
    "push_vs_poll.py": ["20", "10"],
    "celery_watch.py": ["2000", "8"],
    "push_across.py": ["10", "5"],
}


def run_part(script: str, args: list[str]) -> list[dict[str, Any]]:
    print(f"running {script} {' '.join(args)}".rstrip(), file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        check=True, stdout=subprocess.PIPE, text=True, cwd=HERE,
    )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def figure(value: float, unit: str) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return "-"
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}" if unit else text


def cells(r: dict[str, Any]) -> list[str]:
    finite = all(v == v and abs(v) != float("inf") for v in (r["ours"], r["base"]))
    ratio = r["ours"] / r["base"] if finite and r["base"] else float("nan")
    verdict = {True: "met", False: "MISSED", None: ""}[r["met"]]
    return [
        r["measure"], figure(r["ours"], r["unit"]), r["baseline"], figure(r["base"], r["unit"]),
        figure(ratio, "") + "x" if ratio == ratio else "-", r["target"], verdict, r["note"],
    ]  # fmt: skip


HEADER = ["measure", "taskstatus", "baseline", "baseline's", "ratio", "target", "", "note"]


def text_table(rows: list[dict[str, Any]]) -> str:
    body = [cells(r) for r in rows]
    widths = [max(len(c[i]) for c in [HEADER, *body]) for i in range(len(HEADER) - 1)]
    lines, part = [], None
    for r, c in zip(rows, body, strict=True):
        if r["part"] != part:
            part = r["part"]
            lines.append(f"\n{part}")
        lines.append("  " + "  ".join(x.ljust(w) for x, w in zip(c, widths, strict=False)) +
                     (f"  {c[-1]}" if c[-1] else ""))  # fmt: skip
    head = "  " + "  ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=False))
    return head + "\n".join(lines)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    part = None
    for r in rows:
        if r["part"] != part:
            part = r["part"]
            lines.append(f"| **{part}** |" + " |" * (len(HEADER) - 1))
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells(r)) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 tasks in the fan-out")
    parser.add_argument("--markdown", metavar="FILE", help="also write the table as Markdown")
    parser.add_argument("--skip", metavar="SCRIPT", action="append", default=[],
                        help="leave out a part (celery_watch.py, ...); repeatable")  # fmt: skip
    args = parser.parse_args()
    started = time.monotonic()
    rows: list[dict[str, Any]] = []
    for part in PARTS:
        script, *given = part.split()
        if script in args.skip:
            continue
        chosen = QUICK.get(part, given) if args.quick else given
        if chosen is not None:
            rows += run_part(script, chosen)
    rows.sort(key=lambda r: int(r["part"].split(".")[0]))  # stable: parts in number order
    about = f"Machine: {machine()}. Took {time.monotonic() - started:.0f} s." + (
        " --quick figures (the fan-out at 1,000 tasks only, fewer rounds): not full size."
        if args.quick else ""
    )  # fmt: skip
    print(text_table(rows))
    print(f"\n{about}")
    missed = [r["measure"] for r in rows if r["met"] is False]
    print(f"Targets: {sum(r['met'] is True for r in rows)} met, {len(missed)} missed"
          + (f" ({'; '.join(missed)})" if missed else "") + ".")  # fmt: skip
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write(markdown_table(rows) + f"\n\n{about}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
