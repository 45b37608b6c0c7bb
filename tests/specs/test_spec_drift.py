"""`nox -s spec_drift`: every published URL in the manifest fetched from loopback servers,
compared with the vendored bytes; the classified report for each that changed; nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.specs.conftest import snapshot

pytestmark = pytest.mark.slow
UNREACHABLE = "http://127.0.0.1:9/openapi.json"  # nothing listens on the discard port


def _publish(repo: Path, served: tuple[str, Path], urls: dict[str, str | bytes]) -> None:
    """Point the manifest's URLs at the loopback server: bytes are served, a str is the URL."""
    base, folder = served
    manifest_file = repo / "specs/upstream/MANIFEST.json"
    manifest = json.loads(manifest_file.read_text())
    for entry in manifest["files"]:
        if entry["url"] is None:
            continue
        published = urls.get(
            entry["vendor"], (repo / "specs/upstream" / entry["file"]).read_bytes()
        )
        if isinstance(published, str):
            entry["url"] = published
            continue
        (folder / entry["file"]).write_bytes(published)
        entry["url"] = f"{base}/{entry['file']}"
    manifest_file.write_text(json.dumps(manifest, indent=2) + "\n")


def _drift(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(repo / "specs" / "drift.py"), *args], cwd=repo,
                          capture_output=True, text=True, check=False, timeout=300)  # fmt: skip


def _browseract_with_a_value(repo: Path) -> bytes:
    doc = json.loads((repo / "specs/upstream/browseract.openapi.json").read_text())
    doc["components"]["schemas"]["TaskStatus"]["enum"].append("archived")
    return json.dumps(doc, indent=4).encode()


def test_no_drift_exits_0_and_lists_the_vendor_without_a_url(
    repo: Path, served: tuple[str, Path]
) -> None:
    _publish(repo, served, {})
    before = snapshot(repo)

    done = _drift(repo)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "truebit.api-task-status.fragment.json: no published URL (" in done.stdout
    assert "not checked" in done.stdout
    for name in ("anchorbrowser.openapi.yaml", "browseract.openapi.json"):
        assert f"{name}: unchanged at http://127.0.0.1:" in done.stdout
    assert "spec_drift: every published spec checked is the vendored one" in done.stdout
    assert snapshot(repo) == before


def test_a_changed_spec_is_reported_classified_and_nothing_is_written(
    repo: Path, served: tuple[str, Path]
) -> None:
    _publish(repo, served, {"browseract": _browseract_with_a_value(repo), "shannon": UNREACHABLE})
    before = snapshot(repo)

    done = _drift(repo)

    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert "browseract.openapi.json: DRIFT: http://127.0.0.1:" in out
    lines = out.splitlines()
    status = next(i for i, line in enumerate(lines) if "get-task-status) answer 200" in line)
    assert "enum now also lists archived" in lines[status]
    assert lines[status + 1] == (
        "      clients: compatible (enum value added to an answer: kept as an unknown value)"
    )
    assert lines[status + 2].startswith("      facade: warning (STATES in ")
    assert "shannon.gateway-openapi.json: cannot check: cannot fetch http://127.0.0.1:9/" in out
    assert "spec_drift: changed upstream: browseract.openapi.json" in out
    assert snapshot(repo) == before
    assert not any(p.name.startswith(".update-spec-") for p in repo.iterdir())


def test_a_dropped_operation_a_kind_calls_is_drift_naming_the_kind(
    repo: Path, served: tuple[str, Path]
) -> None:
    text = (repo / "specs/upstream/anchorbrowser.openapi.yaml").read_text()
    start = text.index("  /v1/task/{taskId}/executions/{executionId}:\n")
    end = text.index("  /v1/task/{taskId}/{taskVersion}:\n")
    _publish(repo, served, {"anchorbrowser": (text[:start] + text[end:]).encode()})

    done = _drift(repo, "anchorbrowser")

    assert done.returncode == 1, done.stdout + done.stderr
    assert "anchorbrowser.openapi.yaml: DRIFT" in done.stdout
    assert "update_spec would fail:" in done.stdout
    assert 'the facade\'s anchorbrowser kind "execution" calls getTaskExecution' in done.stdout
    assert "browseract" not in done.stdout  # only what was named is fetched


def test_an_html_answer_or_an_unreachable_host_cannot_be_checked_exit_2(
    repo: Path, served: tuple[str, Path]
) -> None:
    page = b"<!DOCTYPE html><html><body>Rate limit exceeded</body></html>"
    _publish(repo, served, {"browseract": page, "shannon": UNREACHABLE})
    before = snapshot(repo)

    done = _drift(repo)

    assert done.returncode == 2, done.stdout + done.stderr
    assert (
        "browseract.openapi.json: cannot check: the new browseract.openapi.json does not parse"
        in (done.stdout)
    )
    assert "shannon.gateway-openapi.json: cannot check: cannot fetch" in done.stdout
    assert "anchorbrowser.openapi.yaml: unchanged" in done.stdout
    assert "spec_drift: could not check: browseract.openapi.json, shannon.gateway-openapi.json" in (
        done.stdout
    )
    assert snapshot(repo) == before
    skipped = _drift(repo, "--skip", "shannon", "--skip", "browseract")
    assert skipped.returncode == 0, skipped.stdout


def test_the_session_and_the_readmes_scheduled_job_run_it() -> None:
    noxfile = (ROOT / "noxfile.py").read_text()
    assert 'session.run("python", "specs/drift.py", *session.posargs)' in noxfile
    assert "spec_drift" not in noxfile.split("nox.options.sessions = ", 1)[1].split("\n", 1)[0]
    readme = (ROOT / "README.md").read_text()
    job = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "schedule:" in job
    assert "cron:" in job
    assert "python3 -m nox -s spec_drift" in job
