"""`nox -s update_spec`: a new vendor spec, from a loopback server, into a scratch copy of the
repository; the change report; atomic failure; `--check`; and the README's steps."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import build as spec_build
import pytest

from tests.conftest import ROOT
from tests.specs.conftest import GIT_ENV, git, snapshot

pytestmark = pytest.mark.slow
BROWSERACT = "browseract.openapi.json"


def _shell(repo: Path, line: str) -> str:
    done = subprocess.run(line, shell=True, cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True, timeout=60)  # fmt: skip
    return done.stdout


def _update(repo: Path, *args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, str(repo / "specs" / "update.py"), *args], cwd=repo,
                          capture_output=True, text=True, env=env, check=False,
                          timeout=300)  # fmt: skip


def _new_browseract(repo: Path) -> bytes:
    """BrowserAct's spec with a status value and a get-task field added, as the vendor would
    publish it (its own formatting, not ours)."""
    doc = json.loads((repo / "specs" / "upstream" / BROWSERACT).read_text())
    doc["components"]["schemas"]["TaskStatus"]["enum"].append("archived")
    properties = doc["components"]["schemas"]["WorkflowTaskResponse"]["properties"]
    properties["region"] = {"type": "string", "description": "Where the task ran."}
    return json.dumps(doc, indent=4).encode()


def test_update_from_a_url_vendors_the_bytes_rebuilds_regenerates_and_reports(
    repo: Path, served: tuple[str, Path]
) -> None:
    base, folder = served
    content = _new_browseract(repo)
    (folder / BROWSERACT).write_bytes(content)

    done = _update(repo, "browseract", f"{base}/{BROWSERACT}")

    assert done.returncode == 0, done.stderr
    assert (repo / "specs" / "upstream" / BROWSERACT).read_bytes() == content
    entry = next(
        e
        for e in json.loads((repo / "specs/upstream/MANIFEST.json").read_text())["files"]
        if e["file"] == BROWSERACT
    )
    assert entry["sha256"] == hashlib.sha256(content).hexdigest()
    assert entry["vendored"] == datetime.date.today().isoformat()
    assert entry["source"] == f"{base}/{BROWSERACT}"
    report = done.stdout
    assert "browseract: " in report
    assert "where the facade depends on it" in report
    status_line = next(line for line in report.splitlines() if "getTaskStatus" in line)
    assert "enum now also lists archived" in status_line
    assert "<- facade: STATES in taskstatus/_vendors/browseract.py must map it" in status_line
    assert "operation getTask (GET /v2/workflow/get-task) answer 200: field region added" in report
    changed = git(repo, "status", "--porcelain").split("\n")
    assert " M CHANGELOG.md" in changed
    _assert_changelog_entry(repo, content, f"{base}/{BROWSERACT}")
    assert (
        "version: this update breaks nothing; with the Unreleased entries the next release needs "
        "a minor bump (semver; before 1.0 a breaking change bumps the minor, anything else the "
        "patch): 0.1.0 -> 0.2.0; the Unreleased section is 0.2.0 already" in report
    )
    assert " M generated/browseract_client/models/task_status.py" in changed
    assert " M generated/browseract_client/models/workflow_task_response.py" in changed
    assert " M specs/effective/browseract.openapi.json" in changed
    assert not any("anchorbrowser" in line or "shannon" in line for line in changed)
    generated_enum = (repo / "generated/browseract_client/models/task_status.py").read_text()
    assert 'ARCHIVED = "archived"' in generated_enum
    # What CI checks holds for the updated tree.
    for script in ("build.py", "generate.py"):
        check = subprocess.run([sys.executable, str(repo / "specs" / script), "--check"],
                               capture_output=True, text=True, check=False,
                               timeout=300)  # fmt: skip
        assert check.returncode == 0, check.stderr


def _assert_changelog_entry(repo: Path, content: bytes, source: str) -> None:
    """The entry under Unreleased: vendor, sha256 and source, and each change classified."""
    unreleased = (repo / "CHANGELOG.md").read_text().split("\n## 0.1.0", 1)[0]
    spec_updates = unreleased.split("### Spec updates\n", 1)[1]
    entry = "- " + spec_updates.lstrip()[2:].split("\n- ", 1)[0].rstrip()
    digest = hashlib.sha256(content).hexdigest()
    assert entry.startswith(
        f"- Spec update, browseract: `{BROWSERACT}` sha256 `{digest}` from {source}, vendored "
        f"{datetime.date.today().isoformat()}. 5 change(s); users of the generated clients: "
        "compatible; users of the facade: warning."
    ), entry
    assert (
        "  - browseract: `operation getTaskStatus (GET /v2/workflow/get-task-status) answer 200: "
        "field status: enum now also lists archived`: clients: compatible (enum value added to an "
        "answer: kept as an unknown value); facade: warning (STATES in "
        "taskstatus/_vendors/browseract.py maps this field: it reads UNKNOWN until mapped)"
    ) in entry.splitlines()
    assert (
        "  - browseract: `operation getTask (GET /v2/workflow/get-task) answer 200: field region "
        "added`: clients: compatible (answer field added); facade: compatible (the facade does "
        "not use it)"
    ) in entry.splitlines()
    checked = subprocess.run([sys.executable, str(repo / "specs" / "changelog.py"), "--check"],
                             capture_output=True, text=True, check=False,
                             timeout=60)  # fmt: skip
    assert checked.returncode == 0, checked.stderr


def test_check_reports_and_writes_nothing(repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "new.json"
    source.write_bytes(_new_browseract(repo))
    before = snapshot(repo)

    done = _update(repo, "browseract", str(source), "--check")

    assert done.returncode == 0, done.stderr
    assert "enum now also lists archived" in done.stdout
    assert "--check: nothing was written" in done.stdout
    assert snapshot(repo) == before


def test_default_source_is_the_url_the_manifest_records(
    repo: Path, served: tuple[str, Path]
) -> None:
    base, folder = served
    manifest_file = repo / "specs/upstream/MANIFEST.json"
    manifest = json.loads(manifest_file.read_text())
    for entry in manifest["files"]:
        if entry["file"] == BROWSERACT:
            entry["url"] = f"{base}/published/{BROWSERACT}"
    manifest_file.write_text(json.dumps(manifest, indent=2) + "\n")
    (folder / "published").mkdir()
    (folder / "published" / BROWSERACT).write_bytes(_new_browseract(repo))

    done = _update(repo, "browseract", "--check")

    assert done.returncode == 0, done.stderr
    assert f"from {base}/published/{BROWSERACT}" in done.stdout


def _shannon_with_status_values(repo: Path) -> bytes:
    doc = json.loads((repo / "specs/upstream/shannon.gateway-openapi.json").read_text())
    status = doc["components"]["schemas"]["TaskStatusResponse"]["properties"]["status"]
    status["enum"] = ["TASK_STATUS_QUEUED", "TASK_STATUS_RUNNING", "TASK_STATUS_RETRYING"]
    return json.dumps(doc, indent=2, sort_keys=True).encode()


def _failing_generator(tmp_path: Path) -> str:
    """PATH with an openapi-python-client that fails for every spec."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "openapi-python-client"
    fake.write_text("#!/bin/sh\necho 'generator exploded' >&2\nexit 3\n")
    fake.chmod(0o755)
    return f"{bin_dir}{os.pathsep}{os.environ['PATH']}"


@pytest.mark.parametrize(
    "case", ["amendment drift", "generator fails", "http 404", "not a spec", "unreachable"]
)
def test_any_failure_leaves_the_tree_exactly_as_before(
    repo: Path, served: tuple[str, Path], tmp_path: Path, case: str
) -> None:
    base, folder = served
    (folder / "shannon.json").write_bytes(_shannon_with_status_values(repo))
    (folder / "browseract.json").write_bytes(_new_browseract(repo))
    (folder / "page.html").write_text("<html>Docs</html>")
    vendor, source, path, expected = {
        "amendment drift": ("shannon", f"{base}/shannon.json", None,
                            "upstream now also lists TASK_STATUS_RETRYING"),
        "generator fails": ("browseract", f"{base}/browseract.json",
                            _failing_generator(tmp_path), "generator exploded"),
        "http 404": ("browseract", f"{base}/missing.json", None, "HTTP 404"),
        "not a spec": ("browseract", f"{base}/page.html", None, "does not parse"),
        "unreachable": ("browseract", "http://127.0.0.1:9/x.json", None, "cannot fetch"),
    }[case]  # fmt: skip
    before = snapshot(repo)

    done = _update(repo, vendor, source, path=path)

    assert done.returncode == 1
    assert expected in done.stderr
    assert "nothing was written" in done.stderr
    assert snapshot(repo) == before
    assert not any(p.name.startswith((".update-spec-", ".generating-")) for p in repo.iterdir())


def test_reviewed_records_new_fingerprints_for_the_reviewed_amendment(
    repo: Path, tmp_path: Path
) -> None:
    doc = json.loads((repo / "specs/upstream/shannon.gateway-openapi.json").read_text())
    responses = doc["paths"]["/api/v1/tasks/{id}/cancel"]["post"]["responses"]
    responses["401"]["description"] = "Unauthorized"
    source = tmp_path / "shannon.json"
    source.write_text(json.dumps(doc, indent=2, sort_keys=True))

    refused = _update(repo, "shannon", str(source))
    assert refused.returncode == 1
    assert "(merge /paths/~1api~1v1~1tasks~1{id}~1cancel/post/responses)" in refused.stderr
    assert (
        '/401/description: was "Unauthorized - Invalid or missing API key", now "Unauthorized"'
        in refused.stderr
    )

    accepted = _update(repo, "shannon", str(source), "--reviewed")
    assert accepted.returncode == 0, accepted.stderr
    assert "new fingerprints recorded (--reviewed) in shannon.yaml" in accepted.stdout
    diff = git(repo, "diff", "--", "specs/amendments/shannon.yaml")
    assert len(re.findall(r"^\+    fingerprint: sha256:", diff, re.M)) == 1


def test_a_vendor_with_several_files_must_name_one(repo: Path) -> None:
    done = _update(repo, "truebit")
    assert done.returncode == 1
    assert "truebit.api-task-status.fragment.json" in done.stderr
    no_url = _update(repo, "truebit.api-task-status.fragment.json")
    assert no_url.returncode == 1
    assert "give SOURCE" in no_url.stderr


def _readme_steps() -> list[str]:
    """The command lines of the README's "When a vendor changes its spec" section."""
    text = (ROOT / "README.md").read_text()
    section = text.split("## When a vendor changes its spec", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_readme_steps_update_a_spec(repo: Path, served: tuple[str, Path]) -> None:
    """One command, read the report, review the diff, commit: run as the README writes them."""
    steps = _readme_steps()
    assert steps[0].startswith("python3 -m nox -s update_spec -- ")
    assert any(step.startswith("git diff") for step in steps)
    assert any("git commit" in step for step in steps)
    base, folder = served
    (folder / BROWSERACT).write_bytes(_new_browseract(repo))
    for step in steps:
        line = step.replace("VENDOR", "browseract").replace("SOURCE", f"{base}/{BROWSERACT}")
        words = line.split()
        if words[:5] == ["python3", "-m", "nox", "-s", "update_spec"]:
            # The session runs specs/update.py with its arguments (noxfile.py, update_spec).
            done = _update(repo, *words[words.index("--") + 1 :])
            assert done.returncode == 0, done.stderr
            assert "where the facade depends on it" in done.stdout
        else:
            _shell(repo, line)
    assert git(repo, "status", "--porcelain") == ""
    assert "browseract: new upstream spec" in git(repo, "log", "--oneline", "-1")
    noxfile = (ROOT / "noxfile.py").read_text()
    assert re.search(r"def update_spec\(.*?\"specs/update.py\", \*session.posargs", noxfile, re.S)


def test_a_failed_generation_leaves_generated_as_it_was(repo: Path, tmp_path: Path) -> None:
    """`nox -s generate` (specs/generate.py) generates every client before it replaces any."""
    before = snapshot(repo)
    env = {**os.environ, "PATH": _failing_generator(tmp_path)}
    done = subprocess.run([sys.executable, str(repo / "specs" / "generate.py")], cwd=repo,
                          capture_output=True, text=True, env=env, check=False,
                          timeout=300)  # fmt: skip
    assert done.returncode == 1
    assert "generator exploded" in done.stderr
    assert snapshot(repo) == before
    assert not any(p.name.startswith(".generating-") for p in repo.iterdir())


def test_a_status_value_added_upstream_is_reviewed_reported_and_fails_the_table_check(
    repo: Path, tmp_path: Path
) -> None:
    """The new user's case: Shannon's spec starts listing its status values, one of them new,
    and gains a field.  The amendment that added the values fails; rewritten as an extension,
    the update goes through and the report and the state table check both name the new value."""
    doc = json.loads((repo / "specs/upstream/shannon.gateway-openapi.json").read_text())
    properties = doc["components"]["schemas"]["TaskStatusResponse"]["properties"]
    properties["status"]["enum"] = [
        "TASK_STATUS_QUEUED", "TASK_STATUS_RUNNING", "TASK_STATUS_COMPLETED",
        "TASK_STATUS_FAILED", "TASK_STATUS_CANCELLED", "TASK_STATUS_TIMEOUT",
        "TASK_STATUS_RETRYING",
    ]  # fmt: skip
    properties["attempt"] = {"type": "integer"}
    source = tmp_path / "shannon.json"
    source.write_text(json.dumps(doc, indent=2, sort_keys=True))

    refused = _update(repo, "shannon", str(source))
    assert refused.returncode == 1
    assert "upstream now also lists TASK_STATUS_RETRYING" in refused.stderr

    amendment = repo / "specs/amendments/shannon.yaml"
    text = amendment.read_text()
    start = text.index(
        "    add:\n      path: /components/schemas/TaskStatusResponse/properties/status/enum"
    )
    end = text.index("\n\n", start)
    amendment.write_text(
        text[:start]
        + "    extend:\n"
        + "      path: /components/schemas/TaskStatusResponse/properties/status/enum\n"
        + "      value: [TASK_STATUS_UNSPECIFIED, TASK_STATUS_PAUSED]"
        + text[end:]
    )
    done = _update(repo, "shannon", str(source))

    assert done.returncode == 0, done.stderr
    status_line = next(line for line in done.stdout.splitlines() if "RETRYING" in line)
    assert "<- facade: STATES in taskstatus/_vendors/shannon.py must map it" in status_line
    assert "answer 200: field attempt added" in done.stdout
    probe = (
        "from taskstatus._vendors.shannon import STATES;"
        "print(STATES.unmapped(), STATES.state('TASK_STATUS_RETRYING').value)"
    )
    env = {**os.environ, "PYTHONPATH": f"{repo / 'generated'}{os.pathsep}{ROOT / 'overlay'}"}
    checked = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             env=env, check=False, timeout=60)  # fmt: skip
    assert checked.stdout.split() == ["['TASK_STATUS_RETRYING']", "unknown"], checked.stderr


ANCHOR = "anchorbrowser.openapi.yaml"
V1_PATH = "/v1/task/{taskId}/executions/{executionId}"


def _anchor_without_v1_execution(repo: Path) -> tuple[bytes, str]:
    """AnchorBrowser's spec with the v1 execution operation dropped, as its SDK's "feat: sync"
    did; and the dropped path item, as YAML text."""
    text = (repo / "specs/upstream" / ANCHOR).read_text()
    start = text.index(f"  {V1_PATH}:\n")
    end = text.index("  /v1/task/{taskId}/{taskVersion}:\n")
    return (text[:start] + text[end:]).encode(), text[start:end]


def test_dropping_what_a_facade_kind_calls_names_the_kind_and_both_ways_out(
    repo: Path, served: tuple[str, Path]
) -> None:
    """AnchorBrowser v1, end to end: the update fails naming the execution kind and writes
    nothing; kept by an amendment citing the docs, it goes through with the generated call
    unchanged; retired instead, it goes through as a breaking change."""
    base, folder = served
    content, dropped = _anchor_without_v1_execution(repo)
    (folder / ANCHOR).write_bytes(content)
    source = f"{base}/{ANCHOR}"
    before = snapshot(repo)

    refused = _update(repo, "anchorbrowser", source)

    assert refused.returncode == 1
    assert f"action #2 (operation_ids): operation GET {V1_PATH} not found" in refused.stderr
    assert (
        'the facade\'s anchorbrowser kind "execution" calls getTaskExecution '
        f"(GET {V1_PATH}), and the new upstream spec no longer has it" in refused.stderr
    )
    assert "  - keep the operation: in specs/amendments/anchorbrowser.yaml, add it back" in (
        refused.stderr
    )
    assert "citing the vendor's docs" in refused.stderr
    assert '  - retire the kind: remove "execution" from the facade' in refused.stderr
    assert "nothing was written" in refused.stderr
    assert snapshot(repo) == before

    # Way out 1: keep the operation by an amendment, before keep_tags, citing the vendor's docs.
    amendment = repo / "specs/amendments/anchorbrowser.yaml"
    original = amendment.read_text()
    item = spec_build.load_yaml(dropped)[V1_PATH]
    keep = (
        "  - reason: >-\n"
        "      AnchorBrowser's docs still document GET /v1/task/{taskId}/executions/{executionId}\n"
        "      (docs.anchorbrowser.io, Tasks (Legacy)); its SDK spec dropped it in a sync.\n"
        "    add:\n"
        "      path: /paths/~1v1~1task~1{taskId}~1executions~1{executionId}\n"
        f"      value: {json.dumps(item)}\n\n"
    )
    amendment.write_text(original.replace("actions:\n", "actions:\n" + keep, 1))
    kept = _update(repo, "anchorbrowser", source)
    assert kept.returncode == 0, kept.stderr
    assert "- operation getTaskExecution" not in kept.stdout
    assert git(repo, "diff", "--stat", "--", "generated/anchorbrowser_client/api") == ""
    assert "- Spec update, anchorbrowser: `anchorbrowser.openapi.yaml`" in (
        (repo / "CHANGELOG.md").read_text()
    )

    # Way out 2 (from the same start): retire the kind; the update is a breaking change.
    git(repo, "checkout", "-q", "--", ".")
    uses = repo / "specs/facade.yaml"
    facade = uses.read_text()
    for old, new in [
        ("    execution: [getTaskExecution]\n", ""),
        ("  operations: [getTaskExecution, getTaskRunStatus]", "  operations: [getTaskRunStatus]"),
        ("    getTaskExecution: [data.status, data.output, data.errorMessage, data.startTime]\n",
         ""),
        ("    getTaskExecution: {data.status: EXECUTION_STATES in taskstatus/_vendors/"
         "anchorbrowser.py}\n", ""),
    ]:  # fmt: skip
        assert old in facade
        facade = facade.replace(old, new)
    uses.write_text(facade)
    text = original.replace(f"      GET {V1_PATH}: getTaskExecution\n", "")
    start = text.index("  - reason: >-\n      Ids are opaque to a client; format uuid")
    end = text.index("  - reason: Same undeclared wire errors")
    errors = text[text.index("      value: &wire_errors\n") : end].replace(" &wire_errors", "")
    text = text[:start] + text[end:]
    amendment.write_text(text.replace("      value: *wire_errors\n", errors.rstrip() + "\n"))
    retired = _update(repo, "anchorbrowser", source)
    assert retired.returncode == 0, retired.stderr
    lines = retired.stdout.splitlines()
    removed = next(
        i for i, line in enumerate(lines)
        if line.startswith(f"  - operation getTaskExecution (GET {V1_PATH})")
    )  # fmt: skip
    assert lines[removed + 1] == "      clients: breaking (operation removed)"
    assert lines[removed + 2] == "      facade: compatible (the facade does not use it)"
    changelog_text = (repo / "CHANGELOG.md").read_text()
    assert "- **Breaking** spec update, anchorbrowser: `anchorbrowser.openapi.yaml`" in (
        changelog_text
    )
    assert "0.1.0 -> 0.2.0" in retired.stdout
    assert not (
        repo / "generated/anchorbrowser_client/api/tasks_legacy/get_task_execution.py"
    ).exists()


def test_renaming_an_operation_a_kind_calls_fails_naming_the_kind(
    repo: Path, tmp_path: Path
) -> None:
    """The build goes through (no amendment names the operation), but the generated function
    the facade imports would be renamed: the update refuses, with the report and the way out."""
    doc = json.loads((repo / "specs/upstream" / BROWSERACT).read_text())
    doc["paths"]["/v2/workflow/get-task"]["get"]["operationId"] = "fetchTask"
    source = tmp_path / BROWSERACT
    source.write_text(json.dumps(doc, indent=4))
    before = snapshot(repo)

    done = _update(repo, "browseract", str(source))

    assert done.returncode == 1
    assert "operation getTask (GET /v2/workflow/get-task): renamed to fetchTask" in done.stderr
    assert "      clients: breaking (operation renamed: its generated function's name changes)" in (
        done.stderr
    )
    assert (
        'the facade\'s browseract kind "task" calls getTask (GET /v2/workflow/get-task), and '
        "upstream renamed it to fetchTask" in done.stderr
    )
    assert '  - retire the kind: remove "task" from the facade' in done.stderr
    assert snapshot(repo) == before
