"""pytest fixtures: add ``pytest_plugins = ["taskstatus.testing.fixtures"]`` to a conftest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from taskstatus.testing._server import FakeVendors


@pytest.fixture
def fake_vendors() -> Iterator[FakeVendors]:
    """All four fake vendors on loopback for one test; stopped afterwards."""
    with FakeVendors() as fakes:
        yield fakes
