"""Calls the types must refuse: each line marked ``# refused`` is a mypy error, and no other.

Checked by test_user_code_types.py; never run.
"""

from __future__ import annotations

import taskstatus
from shannon_client.models import TaskStatusResponse


def refused() -> None:
    with taskstatus.Truebit() as truebit:
        truebit.api_task("e").cancel()  # refused: Truebit cannot cancel
        truebit.function_task("e").events()  # refused: nor stream
    with taskstatus.BrowserAct() as browseract:
        browseract.task("t").events()  # refused: BrowserAct does not stream
    with taskstatus.AnchorBrowser() as anchor:
        anchor.run("r").cancel()  # refused: AnchorBrowser runs cannot be cancelled here
        raw = anchor.run("r").status().raw
        if raw is not None:
            print(raw.no_such_field)  # refused: the run's model has no such field
    with taskstatus.Shannon() as shannon:
        handles = [shannon.task("t")]
        taskstatus.wait(handles, return_when="FIRST_DONE")  # refused: not a return_when
        status: taskstatus.TaskStatus[TaskStatusResponse] = shannon.task("t").status()
        length: int = len(status.output)  # refused: output is JSON, maybe not sized
        print(length)
        shannon.task_from("task-id")  # refused: a create answer, not an id
