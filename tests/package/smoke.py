"""Import-and-type smoke test of the installed wheel (`nox -s package` runs it, then
``mypy --strict`` on it, in a fresh virtualenv outside the repository)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import taskstatus
from shannon_client.api.default import submit_task
from shannon_client.models import TaskRequest, TaskStatusResponse
from taskstatus.testing import FakeVendors, Script


def main() -> None:
    here = Path(taskstatus.__file__).resolve()
    assert "site-packages" in here.parts, f"taskstatus imported from {here}, not the wheel"
    assert taskstatus.__version__ == importlib.metadata.version("taskstatus")
    files = importlib.metadata.files("taskstatus") or []
    assert any(f.name == "LICENSE" for f in files), "LICENSE not installed"
    with FakeVendors() as fakes:
        fakes.shannon.queue_scripts(Script(running=0.2, output="Paris."))
        with fakes.client("shannon") as shannon:
            submitted = submit_task.sync(client=shannon.api, body=TaskRequest(query="Capital?"))
            task = shannon.task_from(submitted)
            final: taskstatus.TaskStatus[TaskStatusResponse] = task.wait(timeout=10)
    assert final.state is taskstatus.State.SUCCEEDED, final
    assert final.raw is not None
    assert final.output == "Paris."
    print(f"taskstatus {taskstatus.__version__} from {here.parent}: {final.state.value}")


if __name__ == "__main__":
    main()
