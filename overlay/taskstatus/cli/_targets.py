"""What the command line names: a vendor and task ids, turned into clients and handles."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import attrs

from taskstatus._errors import ConfigurationError, TaskStatusError
from taskstatus._model import TaskStatus
from taskstatus._vendors import CLIENT_NAMES, vendor_of

CLIENTS = {vendor: f"Async{name}" for vendor, name in CLIENT_NAMES.items()}
ID_HELP = (
    "ids: truebit api:ID or function:ID; anchorbrowser TASK_ID/EXECUTION_ID or run:RUN_ID; "
    "shannon and browseract the task id"
)


@attrs.frozen
class Target:
    """One task named on the command line: its handle constructor and ids."""

    text: str
    constructor: str
    ids: tuple[str, ...]


def parse_target(vendor: str, text: str) -> Target:
    """``api:ID`` / ``function:ID`` (Truebit), ``TASK/EXECUTION`` / ``run:ID`` (AnchorBrowser)."""
    if vendor == "truebit":
        prefix, sep, rest = text.partition(":")
        if not sep or prefix not in ("api", "function"):
            raise ConfigurationError(f"Truebit ids are api:ID or function:ID, not {text!r}")
        return Target(text, f"{prefix}_task", (rest,))
    if vendor == "anchorbrowser":
        if text.startswith("run:"):
            return Target(text, "run", (text[4:],))
        task, sep, execution = text.partition("/")
        if not sep:
            raise ConfigurationError(
                f"AnchorBrowser ids are TASK_ID/EXECUTION_ID or run:RUN_ID, not {text!r}"
            )
        return Target(text, "task", (task, execution))
    return Target(text, "task", (text,))


# How the command line writes each kind's ids (the inverse of parse_target).
ID_FORMS = {
    ("truebit", "api"): "api:{0}",
    ("truebit", "function"): "function:{0}",
    ("anchorbrowser", "execution"): "{0}/{1}",
    ("anchorbrowser", "run"): "run:{0}",
}


def format_target(vendor: str, kind: str, ids: tuple[str, ...]) -> str:
    return ID_FORMS.get((vendor, kind), "{0}").format(*ids)


def make_client(
    vendor: str, base_url: str | None, environ: Mapping[str, str] = os.environ, **options: Any
) -> Any:
    """The async client of ``vendor``; its key comes from the vendor's variable only (the
    command line has no key option, so a missing key is told as the variable to set)."""
    import taskstatus

    if vendor not in CLIENTS:
        raise ConfigurationError(f"unknown vendor {vendor!r}; one of {', '.join(CLIENTS)}")
    facts = vendor_of(vendor)
    key = environ.get(facts.key_env)
    if key is not None and not key.strip():
        raise ConfigurationError(f"{facts.key_env} is set but empty", vendor=vendor)
    if key is None and facts.key_required:
        raise ConfigurationError(
            f"no API key: set {facts.key_env} (export {facts.key_env}=...)", vendor=vendor
        )
    return getattr(taskstatus, CLIENTS[vendor])(api_key=key, base_url=base_url, **options)


def status_json(status: TaskStatus) -> dict[str, Any]:
    return status.to_dict()


def error_json(target: str, error: TaskStatusError) -> dict[str, Any]:
    return {"task": target, "error": {"type": type(error).__name__, "message": str(error)}}
