"""specs/facade.yaml says what the facade uses of each spec (update_spec's report marks those
changes); hold it to the adapters, so the marks are right.

- every generated operation an adapter imports is listed under ``operations``;
- dropping any field not listed under ``reads`` from a real answer changes nothing the facade
  reports (tests/data/wire_bodies.json), so every field an adapter reads is listed;
- each ``states`` entry names the adapter's state table, whose enum lists exactly the values the
  effective spec gives that field.
"""

from __future__ import annotations

import copy
import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import attrs
import pytest
import report as spec_report
from taskstatus._vendors import MODULES, kinds_of, load
from taskstatus._vendors._base import StateTable

from tests.conftest import DATA, SPECS

USES = spec_report.load_uses()
CASES = json.loads((DATA / "wire_bodies.json").read_text())["cases"]


def _snake(operation_id: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", operation_id).lower()


def _api_modules(vendor: str) -> dict[str, ModuleType]:
    package = importlib.import_module(f"{vendor}_client.api")
    found = {}
    for tag in pkgutil.iter_modules(package.__path__):
        sub = importlib.import_module(f"{package.__name__}.{tag.name}")
        for op in pkgutil.iter_modules(sub.__path__):
            found[op.name] = importlib.import_module(f"{sub.__name__}.{op.name}")
    return found


def _operation_of(endpoint: Any) -> str:
    """The operationId whose generated module a status call (``_get_kwargs``) comes from."""
    module = endpoint.__module__.rsplit(".", 1)[-1]
    vendor = endpoint.__module__.split("_client", 1)[0]
    return next(op for op in USES[vendor]["operations"] if _snake(op) == module)


def test_every_vendor_is_described() -> None:
    assert set(USES) == set(MODULES)


@pytest.mark.parametrize("vendor", MODULES)
def test_operations_the_adapters_import_are_listed(vendor: str) -> None:
    modules = _api_modules(vendor)
    declared = {_snake(op) for op in USES[vendor]["operations"]}
    assert declared <= set(modules), f"specs/facade.yaml lists unknown operations ({vendor})"
    imported = {
        name
        for name, value in vars(load(vendor)).items()
        if isinstance(value, ModuleType) and value.__name__.startswith(f"{vendor}_client.api.")
    }
    assert imported, vendor
    missing = imported - declared
    assert not missing, f"{vendor} adapter calls {missing}; list them in specs/facade.yaml"


def _tables(vendor: str) -> dict[str, StateTable[Any]]:
    return {n: v for n, v in vars(load(vendor)).items() if isinstance(v, StateTable)}


@pytest.mark.parametrize("vendor", MODULES)
def test_states_name_the_tables_keyed_by_the_fields_enum(vendor: str) -> None:
    effective = json.loads((SPECS / "effective" / f"{vendor}.openapi.json").read_text())
    operations = spec_report.operations(effective)
    declared = {}
    for operation, fields in USES[vendor]["states"].items():
        for path, table_name in fields.items():
            table = _tables(vendor)[table_name.split()[0]]
            assert table.name == table_name
            values = operations[operation]["answers"]["200"][path]["enum"]
            assert sorted(m.value for m in table.enum) == sorted(values), table_name
            assert path in USES[vendor]["reads"][operation]
            declared[table_name] = operation
    assert set(declared) == {t.name for t in _tables(vendor).values()}
    used = {kind.states.name for kind in kinds_of(vendor).values()}
    assert used == set(declared)


def _paths(body: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(body, dict):
        for key, value in body.items():
            yield f"{prefix}{key}"
            yield from _paths(value, f"{prefix}{key}.")


def _without(body: Any, path: str) -> Any:
    trimmed = copy.deepcopy(body)
    *parents, last = path.split(".")
    node = trimmed
    for key in parents:
        node = node[key]
    del node[last]
    return trimmed


def _unread(body: Any, reads: list[str]) -> list[str]:
    """Fields of ``body`` that are not read, hold nothing that is and are not part of a value
    read whole (an output object)."""
    return [
        path
        for path in _paths(body)
        if path not in reads
        and not any(r.startswith(f"{path}.") or path.startswith(f"{r}.") for r in reads)
    ]


def _seen(status: Any) -> Any:
    return attrs.evolve(status, raw=None)


STATUS_CASES = sorted(CASES)


@pytest.mark.parametrize("case", STATUS_CASES)
def test_fields_not_listed_as_read_change_nothing(case: str) -> None:
    kind_name = CASES[case]["kind"]
    vendor, name = kind_name.split("/")
    kind: Any = kinds_of(vendor)[name]
    ids = ("t-1", "e-1")[: len(kind.id_names)]
    body = CASES[case]["status"]
    reads = USES[vendor]["reads"][_operation_of(kind.status_call)]
    baseline = kind.parse_status(body, ids)
    for path in _unread(body, reads):
        changed = kind.parse_status(_without(body, path), ids)
        assert _seen(changed) == _seen(baseline), (
            f"{kind_name} reads {path}: list it under reads in specs/facade.yaml"
        )
    task = CASES[case].get("task")
    if task is None:
        return
    task_reads = USES[vendor]["reads"]["getTask"]
    merged = kind.merge_output(baseline, task)
    for path in _unread(task, task_reads):
        changed = kind.merge_output(baseline, _without(task, path))
        assert _seen(changed) == _seen(merged), (
            f"{kind_name} get-task reads {path}: list it under reads in specs/facade.yaml"
        )


@pytest.mark.parametrize("vendor", MODULES)
def test_kinds_name_the_adapters_kinds_and_the_operations_they_call(vendor: str) -> None:
    """update_spec names the kind whose operation upstream dropped: ``kinds`` must be right."""
    kinds = USES[vendor]["kinds"]
    assert set(kinds) == set(kinds_of(vendor)), f"specs/facade.yaml kinds ({vendor})"
    for name, kind in kinds_of(vendor).items():
        status_call: Any = getattr(kind, "status_call", None)
        if status_call is not None:
            assert _operation_of(status_call) in kinds[name], f"{vendor} {name}"
    listed = {op for ops in kinds.values() for op in ops}
    assert listed == set(USES[vendor]["operations"]), f"{vendor}: every operation has a kind"
