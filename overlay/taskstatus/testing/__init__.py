"""Fake vendors for tests and demos: they behave like the real APIs on the wire.

``FakeVendors`` serves all four over real sockets on loopback; each fake (``fakes.shannon``
...) takes tasks with ``add_task(kind, script=Script(...), faults=[...])`` and answers with the
bodies, status codes and headers the vendor sends.  The fake AnchorBrowser sends signed
webhooks (``push_to(url, secret)``) and the fake BrowserAct calls back the URLs a task was
created with; ``PushPlan`` makes deliveries lost, late or duplicated.  Needs
``taskstatus[testing]`` (uvicorn; websockets for Shannon's WebSocket stream).
A pytest fixture ``fake_vendors`` comes with ``pytest_plugins = ["taskstatus.testing.fixtures"]``.
"""

from __future__ import annotations

from taskstatus._model import State
from taskstatus.testing._app import FakeApp, FakeTask
from taskstatus.testing._push import PUSH_FAULTS, Delivery, PushPlan
from taskstatus.testing._script import FAULTS, FaultPlan, Script
from taskstatus.testing._server import FAKES, FakeServer, FakeVendors
from taskstatus.testing.anchorbrowser import FakeAnchorBrowser
from taskstatus.testing.browseract import FakeBrowserAct
from taskstatus.testing.shannon import FakeShannon
from taskstatus.testing.truebit import FakeTruebit

__all__ = [
    "FAKES",
    "FAULTS",
    "PUSH_FAULTS",
    "Delivery",
    "FakeAnchorBrowser",
    "FakeApp",
    "FakeBrowserAct",
    "FakeServer",
    "FakeShannon",
    "FakeTask",
    "FakeTruebit",
    "FakeVendors",
    "FaultPlan",
    "PushPlan",
    "Script",
    "State",
]
