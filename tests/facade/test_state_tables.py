"""Every status value a generated client lists has a State in its adapter's table.

The generated enums are the one source of truth for a vendor's values (the tables, the fakes and
test_mapping are keyed by their members).  A value added upstream fails here, naming the table
to extend; a value renamed or removed upstream already fails mypy and the adapter's import.
"""

from __future__ import annotations

import enum

import pytest
from taskstatus import State
from taskstatus._vendors import MODULES, kinds_of
from taskstatus._vendors._base import StateTable

KINDS = [(vendor, name, kind) for vendor in MODULES for name, kind in kinds_of(vendor).items()]


@pytest.mark.parametrize(("vendor", "name", "kind"), KINDS, ids=[f"{v}/{n}" for v, n, _ in KINDS])
def test_table_maps_every_value_of_the_generated_enum(vendor: str, name: str, kind: object) -> None:
    table = kind.states
    unmapped = table.unmapped()
    assert not unmapped, (
        f"{vendor}/{name}: the spec lists {unmapped}, which {table.name} does not map "
        "(they read UNKNOWN until it does): add them to the table"
    )


@pytest.mark.parametrize(("vendor", "name", "kind"), KINDS, ids=[f"{v}/{n}" for v, n, _ in KINDS])
def test_table_is_keyed_by_the_enum_of_the_status_field(
    vendor: str, name: str, kind: object
) -> None:
    table = kind.states
    assert all(isinstance(key, table.enum) for key in table.states), table.name


class _Upstream(enum.StrEnum):
    RUNNING = "running"
    DONE = "done"
    RETRYING = "retrying"  # added upstream, not yet in the table


def test_unmapped_names_a_value_added_upstream_and_it_reads_unknown() -> None:
    table = StateTable(
        name="STATES in a test",
        enum=_Upstream,
        states={_Upstream.RUNNING: State.RUNNING, _Upstream.DONE: State.SUCCEEDED},
    )
    assert table.unmapped() == ["retrying"]
    assert table.state("retrying") is State.UNKNOWN
    assert table.state("done") is State.SUCCEEDED
    assert table.state(None) is State.UNKNOWN
