"""Say in words how one JSON value differs from another (amendment reviews, change reports)."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def fingerprint(value: Any) -> str:
    """A short, stable digest of a JSON value: what an amendment action was written against."""
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _items(values: list[Any]) -> list[str]:
    return [v if isinstance(v, str) else _short(v) for v in values]


def describe(old: Any, new: Any, where: str = "") -> list[str]:
    """One line per difference, most specific path first: ``/enum: now also lists X``."""
    at = f"{where}: " if where else ""
    if isinstance(old, dict) and isinstance(new, dict):
        lines = []
        for key in new.keys() - old.keys():
            lines.append(f"{where}/{key}: added, {_short(new[key])}")
        for key in old.keys() - new.keys():
            lines.append(f"{where}/{key}: removed (was {_short(old[key])})")
        for key in old.keys() & new.keys():
            lines += describe(old[key], new[key], f"{where}/{key}")
        return sorted(lines)
    if isinstance(old, list) and isinstance(new, list):
        if old == new:
            return []
        olds, news = _items(old), _items(new)
        added = [v for v in news if v not in olds]
        gone = [v for v in olds if v not in news]
        lines = []
        if added:
            lines.append(f"{at}upstream now also lists {', '.join(added)}")
        if gone:
            lines.append(f"{at}upstream no longer lists {', '.join(gone)}")
        return lines or [f"{at}same items, new order"]
    if old != new:
        return [f"{at}was {_short(old)}, now {_short(new)}"]
    return []
