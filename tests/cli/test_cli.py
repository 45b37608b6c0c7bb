"""The command line through subprocesses (exit codes, --json, errors) and a real terminal."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from taskstatus import State
from taskstatus.testing import FakeVendors, Script

KEY = "cli-SECRET-key-0042"
VARS = ["TRUEBIT_API_KEY", "ANCHORBROWSER_API_KEY", "SHANNON_API_KEY", "BROWSERACT_API_KEY"]


@pytest.fixture(scope="module")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors(KEY) as running:
        yield running


def cli(*args: str, key: str | None = KEY, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in VARS}
    if key is not None:
        env.update({var: key for var in VARS})
    return subprocess.run(
        [sys.executable, "-m", "taskstatus", *args],
        capture_output=True, text=True, env=env, timeout=timeout, check=False,
    )  # fmt: skip


def no_secret(done: subprocess.CompletedProcess[str]) -> None:
    assert KEY not in done.stdout
    assert KEY not in done.stderr
    assert "Traceback" not in done.stderr


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("taskstatus: error: ")
    return lines[0]


def test_status_json(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    done = cli("status", "shannon", task, "--json", "--base-url", fakes.url("shannon"))
    assert done.returncode == 0, done.stderr
    (entry,) = json.loads(done.stdout)
    assert entry["state"] == "running"
    assert entry["vendor_status"] == "TASK_STATUS_RUNNING"
    no_secret(done)


@pytest.mark.parametrize(
    ("vendor", "kind", "form", "outcome", "code"),
    [
        ("truebit", "api", "api:{0}", State.SUCCEEDED, 0),
        ("truebit", "function", "function:{0}", State.FAILED, 1),
        ("anchorbrowser", "execution", "{0}/{1}", State.SUCCEEDED, 0),
        ("anchorbrowser", "run", "run:{0}", State.TIMED_OUT, 1),
        ("shannon", "task", "{0}", State.CANCELLED, 1),
        ("browseract", "task", "{0}", State.SUCCEEDED, 0),
    ],
)
def test_wait_exit_codes_and_json(
    fakes: FakeVendors, vendor: str, kind: str, form: str, outcome: State, code: int
) -> None:
    ids = fakes.apps[vendor].add_task(
        kind, script=Script(running=0.3, outcome=outcome, output="hi")
    )
    done = cli("wait", vendor, form.format(*ids), "--json", "--timeout", "20",
               "--base-url", fakes.url(vendor))  # fmt: skip
    assert done.returncode == code, done.stderr
    (entry,) = json.loads(done.stdout)
    assert entry["state"] == outcome.value
    assert entry["done"] is True
    no_secret(done)


def test_wait_plain_output_when_not_a_terminal(fakes: FakeVendors) -> None:
    # Phases outlast the subprocess's start-up, so the first poll sees the task queued.
    a = fakes.shannon.add_task("task", script=Script(queued=3, running=0.3, output="Paris."))
    b = fakes.shannon.add_task(
        "task", script=Script(running=3, outcome=State.FAILED, error="LLM down")
    )
    done = cli("wait", "shannon", a[0], b[0], "--base-url", fakes.url("shannon"))
    assert done.returncode == 1
    assert "\x1b[" not in done.stdout
    assert f"shannon task {a[0]}  QUEUED (TASK_STATUS_QUEUED)" in done.stdout
    assert "SUCCEEDED" in done.stdout
    assert "LLM down" in done.stdout
    assert "VENDOR" in done.stdout.splitlines()[-4]  # the final table
    no_secret(done)


def test_wait_timeout_exits_3(fakes: FakeVendors) -> None:
    (task,) = fakes.browseract.add_task("task", script=Script(running=600))
    done = cli("wait", "browseract", task, "--timeout", "0.5", "--json",
               "--base-url", fakes.url("browseract"))  # fmt: skip
    assert done.returncode == 3
    (entry,) = json.loads(done.stdout)
    assert entry["error"]["type"] == "WaitTimeout"


def test_api_errors_exit_4_with_one_line(fakes: FakeVendors) -> None:
    done = cli("status", "browseract", "4040404040404040", "--base-url", fakes.url("browseract"))
    assert done.returncode == 4
    assert "ERROR" in done.stdout
    assert "task not exist" in done.stdout
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    done = cli("wait", "shannon", task, "--base-url", fakes.url("shannon"), key="wrong-key")
    assert done.returncode == 4
    assert "Unauthorized" in done.stdout
    no_secret(done)


def test_usage_and_configuration_errors_exit_2(fakes: FakeVendors) -> None:
    done = cli("status", "shannon", "task-1", "--base-url", fakes.url("shannon"), key=None)
    assert done.returncode == 2
    assert "SHANNON_API_KEY" in one_line_error(done)
    done = cli("status", "anchorbrowser", "no-slash", "--base-url", fakes.url("anchorbrowser"))
    assert done.returncode == 2
    assert "TASK_ID/EXECUTION_ID" in one_line_error(done)
    done = cli("status", "shannon", "..", "--base-url", fakes.url("shannon"))
    assert done.returncode == 2
    one_line_error(done)
    done = cli("cancel", "truebit", "api:x", "--base-url", fakes.url("truebit"))
    assert done.returncode == 2
    assert "cancel" in one_line_error(done)
    done = cli("status", "nosuchvendor", "x")
    assert done.returncode == 2
    done = cli("status", "shannon", "t", "--base-url", "ftp://nope")
    assert done.returncode == 2
    one_line_error(done)


def test_cancel(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    done = cli("cancel", "shannon", task, "--json", "--base-url", fakes.url("shannon"))
    assert done.returncode == 0
    assert json.loads(done.stdout) == {"task": task, "cancelled": True}
    done = cli("cancel", "shannon", task, "--base-url", fakes.url("shannon"))
    assert done.returncode == 1
    assert "did not cancel" in done.stdout


def run_in_terminal(args: list[str], env: dict[str, str], seconds: float) -> tuple[int, str]:
    """Run in a pseudo-terminal (80x24); everything it drew, and its exit code."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: stdout is the terminal
        os.execvpe(sys.executable, [sys.executable, "-m", "taskstatus", *args], env)
    chunks = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace")


def test_wait_draws_live_progress_on_a_terminal(fakes: FakeVendors) -> None:
    ids = [
        fakes.shannon.add_task("task", script=Script(running=1.0 + i * 0.5))[0] for i in range(3)
    ]
    env = {**os.environ, **{var: KEY for var in VARS}, "TERM": "xterm"}
    code, screen = run_in_terminal(
        ["wait", "shannon", *ids, "--base-url", fakes.url("shannon")], env, 30
    )
    assert code == 0
    assert "\x1b[3F" in screen  # redrawn in place, three lines up
    assert any(spinner in screen for spinner in "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
    assert "\x1b[32m" in screen  # succeeded, in green
    assert screen.count("✔") >= 3
    assert "VENDOR" in screen
    assert KEY not in screen


@pytest.mark.slow
def test_demo_on_a_terminal() -> None:
    code, screen = run_in_terminal(["demo"], dict(os.environ, TERM="xterm"), 90)
    assert code == 0, screen[-2000:]
    assert "9 of 9 tasks ended as scripted" in screen
    assert "\x1b[9F" in screen
    for state in ("SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"):
        assert state in screen


@pytest.mark.slow
def test_fake_server_serves_until_stopped() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "taskstatus", "fake-server", "--key", "k-123"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        lines = []
        while True:
            line = server.stdout.readline()
            if not line.strip():
                break
            lines.append(line)
        command = (
            next(line for line in lines if "taskstatus wait shannon" in line).split("#")[0].split()
        )
        time.sleep(0.5)
        done = cli(
            *command[1:3], command[3], "--json", "--timeout", "0.5", *command[4:], key="k-123"
        )
        assert done.returncode == 3  # still running (the server's tasks take tens of seconds)
        assert json.loads(done.stdout)[0]["error"]["type"] == "WaitTimeout"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize(
    ("vendor", "kind", "ids"),
    [("truebit", "api", ("e1",)), ("truebit", "function", ("e2",)),
     ("anchorbrowser", "execution", ("t1", "x1")), ("anchorbrowser", "run", ("r1",)),
     ("shannon", "task", ("task-1",)), ("browseract", "task", ("123",))],
)  # fmt: skip
def test_id_forms_round_trip(vendor: str, kind: str, ids: tuple[str, ...]) -> None:
    from taskstatus.cli._targets import format_target, parse_target

    assert parse_target(vendor, format_target(vendor, kind, ids)).ids == ids


def test_wait_follow_prints_the_answer_as_it_is_written(fakes: FakeVendors) -> None:
    text = "Paris has been the capital of France since 987."
    (task,) = fakes.shannon.add_task("task", script=Script(running=3.0, output=text))
    done = cli("wait", "shannon", task, "--follow", "--base-url", fakes.url("shannon"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(text + "\n")
    assert "SUCCEEDED" in done.stdout
    done = cli("wait", "truebit", "api:x", "--follow", "--base-url", fakes.url("truebit"))
    assert done.returncode == 2
    assert "--follow" in one_line_error(done)


@pytest.mark.parametrize("follow", [False, True], ids=["wait", "follow"])
def test_ctrl_c_ends_a_wait_cleanly(fakes: FakeVendors, follow: bool) -> None:
    """Under a terminal, Ctrl-C (SIGINT) ends a wait at once: exit 130, one line, no
    traceback; the task goes on at the vendor."""
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    env = {**os.environ, **{var: KEY for var in VARS}, "TERM": "xterm"}
    args = ["wait", "shannon", task, "--base-url", fakes.url("shannon")]
    code, screen, late = interrupt_in_terminal(args + ["--follow"] * follow, env, after=2.0)
    assert code == 130
    assert late < 5
    assert "Traceback" not in screen
    assert "Error" not in screen  # no "Task exception was never retrieved" and kin
    lines = [line for line in screen.splitlines() if "taskstatus:" in line]
    assert len(lines) == 1
    message = lines[0].replace("\x1b[?25h", "").strip()  # the cursor shown again first
    assert message == "taskstatus: interrupted; nothing was cancelled at the vendor"
    assert KEY not in screen
    status = cli("status", "shannon", task, "--json", "--base-url", fakes.url("shannon"))
    assert json.loads(status.stdout)[0]["state"] == "running"  # not cancelled


def interrupt_in_terminal(
    args: list[str], env: dict[str, str], after: float
) -> tuple[int, str, float]:
    """Run in a pseudo-terminal, send SIGINT after ``after`` s: exit code, what it drew, and
    how long it took to end after the signal."""
    import signal

    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.executable, [sys.executable, "-m", "taskstatus", *args], env)
    chunks = []
    start = time.monotonic()
    sent: float | None = None
    while time.monotonic() - start < after + 20:
        if sent is None and time.monotonic() - start >= after:
            os.kill(pid, signal.SIGINT)
            sent = time.monotonic()
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    _, status = os.waitpid(pid, 0)
    late = time.monotonic() - (sent or start)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace"), late
