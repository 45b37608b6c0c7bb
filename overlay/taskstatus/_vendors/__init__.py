"""Vendor adapters, one module each, loaded on first use (they import the generated clients)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType

from taskstatus._vendors._base import Kind, Vendor

MODULES = {
    "truebit": "taskstatus._vendors.truebit",
    "anchorbrowser": "taskstatus._vendors.anchorbrowser",
    "shannon": "taskstatus._vendors.shannon",
    "browseract": "taskstatus._vendors.browseract",
}


# The facade's client class of each vendor (the asyncio twin adds "Async").
CLIENT_NAMES = {
    "truebit": "Truebit",
    "anchorbrowser": "AnchorBrowser",
    "shannon": "Shannon",
    "browseract": "BrowserAct",
}


def load(vendor: str) -> ModuleType:
    return importlib.import_module(MODULES[vendor])


def vendor_of(name: str) -> Vendor:
    module = load(name)
    return module.VENDOR  # type: ignore[no-any-return]


def kinds_of(name: str) -> Mapping[str, Kind]:
    return load(name).KINDS  # type: ignore[no-any-return]
