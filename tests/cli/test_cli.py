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
    assert done.stdout == ""  # a task's error goes to stderr, as every error does
    line = one_line_error(done)
    assert line.startswith("taskstatus: error: browseract 4040404040404040: ")
    assert "task not exist" in line
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    done = cli("wait", "shannon", task, "--base-url", fakes.url("shannon"), key="wrong-key")
    assert done.returncode == 4
    assert "Unauthorized" in one_line_error(done)
    assert "ERROR" in done.stdout  # the table still lists the task
    no_secret(done)


def test_status_errors_go_to_stderr_and_the_rest_to_stdout(fakes: FakeVendors) -> None:
    (task,) = fakes.shannon.add_task("task", script=Script(running=600))
    done = cli("status", "shannon", task, "task-missing", "--base-url", fakes.url("shannon"))
    assert done.returncode == 4
    assert done.stdout.startswith(f"{task}  RUNNING")
    assert "task-missing" not in done.stdout
    assert "shannon task-missing: HTTP 404" in one_line_error(done)


def test_errors_name_the_task_as_the_command_line_does(fakes: FakeVendors) -> None:
    done = cli("status", "truebit", "api:nope", "--base-url", fakes.url("truebit"))
    assert done.returncode == 4
    line = one_line_error(done)
    assert line.startswith("taskstatus: error: truebit api:nope: HTTP 404")
    assert "truebit task nope" not in line


def test_version_and_every_subcommand_says_what_it_does() -> None:
    import taskstatus

    done = cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"taskstatus {taskstatus.__version__}"
    for command, words in [
        ("status", "current status"),
        ("wait", "Wait until tasks end"),
        ("cancel", "cancel a task"),
        ("fake-server", "Serve the fake vendors"),
        ("demo", "scripted batch of tasks"),
    ]:
        done = cli(command, "--help")
        assert done.returncode == 0
        _usage, _, rest = done.stdout.partition("\n\n")
        description = rest.split("\n\n")[0]
        assert words in description, done.stdout


def test_missing_key_says_what_to_set_not_python_advice(fakes: FakeVendors) -> None:
    done = cli("status", "shannon", "task-1", "--base-url", fakes.url("shannon"), key=None)
    assert done.returncode == 2
    line = one_line_error(done)
    assert "set SHANNON_API_KEY" in line
    assert "api_key=" not in line
    done = cli("status", "shannon", "task-1", "--base-url", fakes.url("shannon"), key=" ")
    assert done.returncode == 2
    assert "SHANNON_API_KEY is set but empty" in one_line_error(done)


@pytest.mark.parametrize("value", ["-1", "-0.5", "nan", "soon"])
def test_a_negative_timeout_is_a_usage_error(value: str) -> None:
    done = cli("wait", "shannon", "task-1", "--timeout", value, "--base-url", "http://127.0.0.1:9")
    assert done.returncode == 2
    assert "--timeout" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("bad", ["a b", " task-x", "a\nb"])
def test_ids_with_whitespace_or_control_characters_are_refused(bad: str) -> None:
    done = cli("status", "shannon", bad, "--base-url", "http://127.0.0.1:9")
    assert done.returncode == 2
    line = one_line_error(done)  # the newline is shown escaped, never printed raw
    assert repr(bad) in line


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_wrong_base_url_is_shown_as_retrying_with_the_reason() -> None:
    port = _closed_port()
    done = cli("wait", "shannon", "task-1", "--timeout", "1.5",
               "--base-url", f"http://127.0.0.1:{port}")  # fmt: skip
    assert done.returncode == 3
    refused = f"connection refused by 127.0.0.1:{port}"
    lines = done.stdout.splitlines()
    assert f"shannon task task-1  RETRYING: {refused}" in lines[0]
    assert sum("RETRYING" in line for line in lines) == 1  # once per reason, piped
    error = one_line_error(done)
    assert "not finished after 1.5s (no status received; last failure ridden out: " in error
    assert refused in error
    assert "ssl" not in done.stdout + done.stderr


def test_live_board_shows_retrying_and_the_reason() -> None:
    port = _closed_port()
    env = {**os.environ, **{var: KEY for var in VARS}, "TERM": "xterm"}
    code, screen = run_in_terminal(
        ["wait", "shannon", "task-1", "--timeout", "1.5", "--base-url", f"http://127.0.0.1:{port}"],
        env, 30,
    )  # fmt: skip
    assert code == 3
    assert "RETRYING" in screen
    assert f"retrying: connection refused by 127.0.0.1:{port}" in screen


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


def test_cancel_of_an_ended_task_is_refused_by_every_vendor_that_cancels(
    fakes: FakeVendors,
) -> None:
    for vendor in ("shannon", "browseract"):
        (task,) = fakes.apps[vendor].add_task("task", script=Script(running=0.01))
        time.sleep(0.1)
        done = cli("cancel", vendor, task, "--json", "--base-url", fakes.url(vendor))
        assert done.returncode == 1, (vendor, done.stdout, done.stderr)
        assert json.loads(done.stdout) == {"task": task, "cancelled": False}


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
    (task,) = fakes.shannon.add_task("task", script=Script(running=6.0, output=text))
    done = cli("wait", "shannon", task, "--follow", "--base-url", fakes.url("shannon"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(text + "\n")
    assert "SUCCEEDED" in done.stdout
    # The task's time counts the follow: the wait took what remained of the task's 6 s after
    # the command started (its start-up takes a second or two on a loaded machine), not 0.0s.
    row = next(line for line in done.stdout.splitlines() if line.startswith("shannon  task"))
    seconds = float(row.split()[4].rstrip("s"))
    assert 2.0 <= seconds <= 30, row
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
    if pid == 0:  # a terminal's program: SIGINT as a shell leaves it, not as inherited
        signal.signal(signal.SIGINT, signal.SIG_DFL)
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
    ended, status = os.waitpid(pid, os.WNOHANG)
    for _ in range(50):  # the terminal closed as it exits: reap it within 5 s
        if ended:
            break
        time.sleep(0.1)
        ended, status = os.waitpid(pid, os.WNOHANG)
    if not ended:  # still running (SIGINT ignored, as in a shell's background job): no hang
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    late = time.monotonic() - (sent or start)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), b"".join(chunks).decode("utf-8", "replace"), late


def test_a_cancelled_tasks_result_cell_shows_no_vendor_value() -> None:
    import io

    from taskstatus._model import TaskStatus
    from taskstatus.cli._display import Display

    display = Display(io.StringIO(), live=False, clock=lambda: 1.0)
    display.add("k", "shannon", "task", "t")
    status = TaskStatus(
        vendor="shannon", kind="task", task_id="t", state=State.CANCELLED,
        vendor_status="TASK_STATUS_CANCELLED",
    )  # fmt: skip
    display.seen("k", status)
    assert "TASK_STATUS_CANCELLED" not in display.table().splitlines()[-1]


def test_fake_server_listing_agrees_with_what_each_task_does() -> None:
    from taskstatus.cli._demo import SCENES

    for scene in SCENES:
        error = scene.script.error or ""
        assert not any(ch.isdigit() for ch in error), error  # no duration that scaling breaks
