"""The ``taskstatus`` command line: status, wait, cancel, fake-server, demo.

Exit codes: 0 every task succeeded (or the request was accepted); 1 a task ended other than
succeeded (or a cancel was refused); 2 usage or configuration error; 3 wait timeout; 4 API or
transport error; 130 interrupted (Ctrl-C: the wait ends, the tasks go on).  Errors are one
line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from taskstatus._errors import (
    ConfigurationError,
    TaskStatusError,
    UnsupportedOperation,
    WaitTimeout,
)
from taskstatus._model import State, TaskStatus
from taskstatus.cli._targets import (
    CLIENTS,
    ID_HELP,
    error_json,
    make_client,
    parse_target,
    status_json,
)

OK, NOT_SUCCEEDED, USAGE, TIMEOUT, API = 0, 1, 2, 3, 4
INTERRUPTED = 130  # Ctrl-C, as shells count SIGINT
SEVERITY = [OK, NOT_SUCCEEDED, TIMEOUT, API]  # the worst outcome decides the exit code


def worst(codes: Sequence[int]) -> int:
    return max(codes, key=SEVERITY.index, default=OK)


def code_of(outcome: TaskStatus | TaskStatusError) -> int:
    if isinstance(outcome, WaitTimeout):
        return TIMEOUT
    if isinstance(outcome, TaskStatusError):
        return API
    return OK if outcome.state in (State.SUCCEEDED,) or not outcome.done else NOT_SUCCEEDED


def _seconds(text: str) -> float:
    """``--timeout``: a number of seconds, 0 or more (a usage error otherwise: exit 2)."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not seconds >= 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 or more seconds, not {text}")
    return seconds


def _parser() -> argparse.ArgumentParser:
    from taskstatus import __version__

    parser = argparse.ArgumentParser(
        prog="taskstatus",
        description="Ask task-execution APIs where a task stands, and wait for it.",
        epilog="Keys come from TRUEBIT_API_KEY, ANCHORBROWSER_API_KEY, SHANNON_API_KEY, "
        "BROWSERACT_API_KEY. Exit codes: 0 all succeeded, 1 a task ended not succeeded, "
        "2 usage or configuration error, 3 wait timeout, 4 API or transport error.",
    )
    parser.add_argument("--version", action="version", version=f"taskstatus {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def task_command(name: str, help_text: str, many: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=f"{help_text} {ID_HELP}.")
        sub.add_argument(
            "vendor", choices=sorted(CLIENTS), metavar="VENDOR", help=", ".join(sorted(CLIENTS))
        )
        sub.add_argument("ids", nargs="+" if many else 1, metavar="ID", help=ID_HELP)
        sub.add_argument(
            "--base-url", help="talk to this URL instead of the vendor's (or its env var)"
        )
        sub.add_argument("--json", action="store_true", help="print JSON for scripts")
        return sub

    task_command("status", "Print the current status of tasks.")
    wait = task_command("wait", "Wait until tasks end; show progress.")
    wait.add_argument(
        "--timeout", type=_seconds, default=None, metavar="S",
        help="give up after S seconds (exit 3)",
    )  # fmt: skip
    wait.add_argument(
        "--follow", action="store_true", help="Shannon, one task: print its answer as it is written"
    )
    task_command("cancel", "Ask the vendor to cancel a task (Shannon, BrowserAct).", many=False)
    fake_help = "Serve the fake vendors on loopback with a few tasks of every kind."
    fake = commands.add_parser(
        "fake-server", help=fake_help,
        description=f"{fake_help} Prints each fake's URL, the keys to export and a "
        "`taskstatus wait` command per task; serves until Ctrl-C.",
    )  # fmt: skip
    fake.add_argument("--key", default="test-key", help="the API key the fakes accept")
    fake.add_argument("--port", type=int, default=0, help="first port (default: free ports)")
    demo_help = "Watch a scripted batch of tasks on the fake vendors."
    demo = commands.add_parser(
        "demo", help=demo_help,
        description=f"{demo_help} Starts fake Truebit, AnchorBrowser, Shannon and BrowserAct "
        "servers on loopback, starts nine tasks of all five kinds (some succeed, some fail, one "
        "is cancelled, one meets rate limits and a dropped connection), waits for them live "
        "and prints a summary table; exit 0 when every task ended as scripted.",
    )  # fmt: skip
    demo.add_argument("--plain", action="store_true", help="plain lines even on a terminal")
    return parser


async def _status(args: argparse.Namespace) -> int:
    targets = [parse_target(args.vendor, text) for text in args.ids]
    async with make_client(args.vendor, args.base_url) as client:
        handles = [getattr(client, t.constructor)(*t.ids) for t in targets]
        found = await asyncio.gather(*(h.status() for h in handles), return_exceptions=True)
    outcomes: list[Any] = []
    for target, result in zip(targets, found, strict=True):
        if isinstance(result, BaseException) and not isinstance(result, TaskStatusError):
            raise result
        outcomes.append(result)
        if args.json:
            continue
        if isinstance(result, TaskStatusError):
            _report(args.vendor, target.text, result)
        else:
            detail = result.error or (result.output if result.done else "")
            line = f"{target.text}  {result.state.name}  ({result.vendor_status})  {detail or ''}"
            print(line.rstrip())
    if args.json:
        print(json.dumps([
            error_json(t.text, r) if isinstance(r, TaskStatusError) else status_json(r)
            for t, r in zip(targets, outcomes, strict=True)
        ], indent=2, default=str))  # fmt: skip
    return worst([code_of(o) for o in outcomes])


def _report(vendor: str, target: str, error: TaskStatusError) -> None:
    """A task's own error: one line on stderr, naming the task as the command line does."""
    print(f"taskstatus: error: {vendor} {target}: {error.reason}", file=sys.stderr)


async def _follow(handle: Any, timeout: float | None, out: TextIO) -> None:
    """Print the streamed answer as it is written (the wait that follows confirms the end)."""
    from taskstatus._events import MessageDelta, StreamError, ends

    async for event in handle.events(timeout):
        if isinstance(event, MessageDelta):
            out.write(event.text)
            out.flush()
        elif isinstance(event, StreamError):
            out.write(f"\n[error] {event.message}")
        if ends(event):
            break
    out.write("\n")


async def _wait(args: argparse.Namespace) -> int:
    from taskstatus.cli._display import Display
    from taskstatus.cli._watch import watch

    targets = [parse_target(args.vendor, text) for text in args.ids]
    if args.follow and (args.vendor != "shannon" or len(targets) != 1):
        raise ConfigurationError("--follow streams one Shannon task")
    async with make_client(args.vendor, args.base_url) as client:
        handles = [getattr(client, t.constructor)(*t.ids) for t in targets]
        live = sys.stdout.isatty() and not args.json
        display = Display(
            io.StringIO() if args.json else sys.stdout, live=live
        )  # JSON: no progress
        started = display.clock()  # the task's time counts the --follow too
        timeout = args.timeout
        if args.follow:
            with contextlib.suppress(WaitTimeout):  # the wait below reports it
                await _follow(handles[0], timeout, sys.stderr if args.json else sys.stdout)
            if timeout is not None:  # one deadline for the follow and the wait after it
                timeout = max(0.0, timeout - (display.clock() - started))
        outcomes = await watch(display, handles, timeout, started, told=args.timeout)
    if args.json:
        print(json.dumps([
            error_json(t.text, o) if isinstance(o, TaskStatusError) else status_json(o)
            for t, o in zip(targets, (outcomes[h] for h in handles), strict=True)
        ], indent=2, default=str))  # fmt: skip
    else:
        print(display.table())
        sys.stdout.flush()
        for target, handle in zip(targets, handles, strict=True):
            outcome = outcomes[handle]
            if isinstance(outcome, TaskStatusError):
                _report(args.vendor, target.text, outcome)
    return worst([code_of(o) for o in outcomes.values()])


async def _cancel(args: argparse.Namespace) -> int:
    target = parse_target(args.vendor, args.ids[0])
    async with make_client(args.vendor, args.base_url) as client:
        accepted = await getattr(client, target.constructor)(*target.ids).cancel()
    if args.json:
        print(json.dumps({"task": target.text, "cancelled": accepted}))
    else:
        print(
            f"{target.text}: {'cancel requested' if accepted else 'the vendor did not cancel it'}"
        )
    return OK if accepted else NOT_SUCCEEDED


def _fake_server(args: argparse.Namespace) -> int:
    from taskstatus.cli._demo import serve_fakes

    return serve_fakes(args.key, args.port)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "fake-server":
            return _fake_server(args)
        if args.command == "demo":
            from taskstatus.cli._demo import run_demo

            return asyncio.run(run_demo(sys.stdout, live=sys.stdout.isatty() and not args.plain))
        runner = {"status": _status, "wait": _wait, "cancel": _cancel}[args.command]
        return asyncio.run(runner(args))
    except (ConfigurationError, UnsupportedOperation) as exc:
        print(f"taskstatus: error: {exc}", file=sys.stderr)
        return USAGE
    except TaskStatusError as exc:
        print(f"taskstatus: error: {exc}", file=sys.stderr)
        return API
    except KeyboardInterrupt:  # Ctrl-C: asyncio.run cancelled the wait (and its requests)
        print("taskstatus: interrupted; nothing was cancelled at the vendor", file=sys.stderr)
        return INTERRUPTED


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
