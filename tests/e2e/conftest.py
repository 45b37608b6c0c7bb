"""One set of fake vendors for the end-to-end tests (tasks are isolated by their ids)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from taskstatus.testing import FakeVendors


@pytest.fixture(scope="package")
def fakes() -> Iterator[FakeVendors]:
    with FakeVendors(ping_interval=0.2) as running:
        for app in running.apps.values():
            app.slow_seconds = 1.5  # "slow" answers outlast the clients' 0.5 s request timeout
            app.retry_after = 0.2
        yield running
