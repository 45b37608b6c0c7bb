"""The spec pipeline: provenance of upstream files, amendments, effective specs, regeneration."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import build as spec_build
import pytest
from generate import differences, generate_one

from tests.conftest import ROOT, SPECS

UPSTREAM = SPECS / "upstream"


def _manifest() -> list[dict[str, str]]:
    return json.loads((UPSTREAM / "MANIFEST.json").read_text())["files"]


def test_manifest_lists_every_upstream_file_with_its_hash() -> None:
    entries = _manifest()
    on_disk = sorted(p.name for p in UPSTREAM.iterdir() if p.name != "MANIFEST.json")
    assert sorted(e["file"] for e in entries) == on_disk
    for entry in entries:
        digest = hashlib.sha256((UPSTREAM / entry["file"]).read_bytes()).hexdigest()
        assert digest == entry["sha256"], f"{entry['file']} was edited: upstream files are verbatim"
        assert entry["vendor"] in {"truebit", "anchorbrowser", "shannon", "browseract"}
        assert entry["published"]
        assert entry["vendored"]
        # update_spec's default source, or why there is none
        assert str(entry["url"]).startswith(("https://", "http://")) or entry["url_note"]


def test_committed_effective_specs_are_what_the_amendments_build(tmp_path: Path) -> None:
    assert spec_build.main(["--out", str(tmp_path)]) == 0
    for built in tmp_path.iterdir():
        committed = SPECS / "effective" / built.name
        assert committed.read_text() == built.read_text(), f"run `nox -s specs` ({built.name})"


def test_every_amendment_action_states_a_reason() -> None:
    for amendment in (SPECS / "amendments").glob("*.yaml"):
        actions = spec_build.load_yaml(amendment.read_text()).get("actions") or []
        assert all(str(a.get("reason", "")).strip() for a in actions), amendment.name


def test_effective_specs_keep_what_the_wire_needs() -> None:
    def spec(vendor: str) -> dict:  # type: ignore[type-arg]
        return json.loads((SPECS / "effective" / f"{vendor}.openapi.json").read_text())

    truebit = spec("truebit")
    assert set(truebit["paths"]) == {
        "/task/api/execution-status/{executionId}",
        "/task/function/execution-status/{executionId}",
    }
    assert truebit["components"]["securitySchemes"]["apiKey"]["name"] == "x-api-key"
    assert {} in truebit["security"]

    anchor = spec("anchorbrowser")
    tags = {t for item in anchor["paths"].values() for op in item.values() for t in op["tags"]}
    assert tags == {"Tasks", "Tasks (Legacy)"}
    assert "FlatErrorResponse" not in json.dumps(anchor)
    status_op = anchor["paths"]["/v1/task/{taskId}/executions/{executionId}"]["get"]
    assert status_op["operationId"] == "getTaskExecution"
    assert {"401", "403", "429"} <= set(status_op["responses"])

    shannon = spec("shannon")
    status = shannon["components"]["schemas"]["TaskStatusResponse"]["properties"]
    assert {"TASK_STATUS_PAUSED", "TASK_STATUS_UNSPECIFIED"} <= set(status["status"]["enum"])
    for field in ("workflow_id", "model_used", "provider", "usage", "metadata", "context"):
        assert field in status
    assert {"400", "401", "429", "500"} <= set(
        shannon["paths"]["/api/v1/tasks/{id}"]["get"]["responses"]
    )

    browseract = spec("browseract")
    error = browseract["components"]["schemas"]["ResponseData"]["properties"]
    assert "format" not in error["time"]
    assert "null" in error["data"]["type"]


def _copy_inputs(tmp_path: Path) -> tuple[Path, Path]:
    upstream = tmp_path / "upstream"
    amendments = tmp_path / "amendments"
    shutil.copytree(UPSTREAM, upstream)
    shutil.copytree(SPECS / "amendments", amendments)
    return upstream, amendments


def _run_build(upstream: Path, amendments: Path, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SPECS / "build.py"), "--upstream", str(upstream)]
    command += ["--amendments", str(amendments), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def test_answers_require_only_what_the_facade_reads() -> None:
    """read_liberally: in every schema an answer can hold, ``required`` is exactly what the
    amendment declares (the fields the facade needs); requests keep the vendor's own."""
    for amendment in sorted((SPECS / "amendments").glob("*.yaml")):
        declared = spec_build.load_yaml(amendment.read_text())["read_liberally"]["required"] or {}
        effective = json.loads((SPECS / "effective" / f"{amendment.stem}.openapi.json").read_text())
        read, names = spec_build._response_schemas(effective)
        required = {names.get(id(s), "inline"): s["required"] for s in read if "required" in s}
        assert required == declared, amendment.name
    shannon = json.loads((SPECS / "effective" / "shannon.openapi.json").read_text())
    assert shannon["components"]["schemas"]["TaskRequest"]["required"] == ["query"]


@pytest.mark.slow
def test_upstream_with_a_new_status_regenerates_into_a_client_that_knows_it(tmp_path: Path) -> None:
    """The 'vendor changed its spec' workflow, end to end, in a scratch folder."""
    upstream, amendments = _copy_inputs(tmp_path)
    spec_file = upstream / "browseract.openapi.json"
    doc = json.loads(spec_file.read_text())
    doc["components"]["schemas"]["TaskStatus"]["enum"].append("archived")
    spec_file.write_text(json.dumps(doc, indent=2))
    for other in amendments.glob("*.yaml"):
        if other.stem != "browseract":
            other.unlink()

    assert _run_build(upstream, amendments, tmp_path / "effective").returncode == 0
    package = generate_one(tmp_path / "effective" / "browseract.openapi.json", tmp_path / "out")

    probe = (
        "from browseract_client.models import TaskStatus, TaskStatusResponse;"
        "m = TaskStatusResponse.from_dict({'status': 'archived'});"
        "print(TaskStatus.ARCHIVED.value, m.status is TaskStatus.ARCHIVED)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True, text=True, check=False, cwd=package.parent,
    )  # fmt: skip
    assert done.stdout.split() == ["archived", "True"], done.stderr
    changed = differences(package, ROOT / "generated" / "browseract_client")
    assert changed == ["models/task_status.py"]
