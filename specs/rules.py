"""The rules that classify a spec change for users of the generated clients.

What a client sends (parameters, request bodies) breaks when it must send more or may send less;
what it reads (answers) breaks when it may get less or something of another type.  A new value
in an answer's enum is compatible: the generated enums keep a value they do not list.
"""

from __future__ import annotations

from typing import Any

from changes import BREAKING, COMPATIBLE, WARNING, Verdict
from diffing import describe

# The formats the generator turns into another Python type (datetime, date, UUID, File).
TYPED_FORMATS = {"date-time", "date", "uuid", "binary"}

OPERATION_ADDED = Verdict(COMPATIBLE, "operation added")
OPERATION_REMOVED = Verdict(BREAKING, "operation removed")
OPERATION_RENAMED = Verdict(BREAKING, "operation renamed: its generated function's name changes")
OPERATION_MOVED = Verdict(WARNING, "operation moved: the same function sends to the new path")
ANSWER_ADDED = Verdict(WARNING, "answer added: the generated function's return type gains it")
ANSWER_REMOVED = Verdict(BREAKING, "answer removed: the generated function's return type loses it")
ANSWER_FIELD_ADDED = Verdict(COMPATIBLE, "answer field added")
ANSWER_FIELD_REMOVED = Verdict(BREAKING, "answer field removed")
ANSWER_NOW_OPTIONAL = Verdict(BREAKING, "answer field now optional: it may be UNSET")
ANSWER_NOW_REQUIRED = Verdict(COMPATIBLE, "answer field now required")
ANSWER_ENUM_ADDED = Verdict(COMPATIBLE, "enum value added to an answer: kept as an unknown value")
ANSWER_ENUM_REMOVED = Verdict(BREAKING, "enum value removed from an answer: its member goes")
READ_ENUM_ADDED = Verdict(WARNING, "the facade reads this field: a new value it must handle")


def enum(summary: dict[str, Any] | None) -> list[str]:
    return [str(v) for v in (summary or {}).get("enum") or []]


def _nullable(summary: dict[str, Any]) -> bool:
    kind = summary.get("type")
    return summary.get("nullable") is True or (isinstance(kind, list) and "null" in kind)


def _without_null(summary: dict[str, Any]) -> dict[str, Any]:
    found = {k: v for k, v in summary.items() if k != "nullable"}
    kind = found.get("type")
    if isinstance(kind, list):
        rest = [t for t in kind if t != "null"]
        found["type"] = rest[0] if len(rest) == 1 else rest
    return found


def _format_only(was: dict[str, Any], now: dict[str, Any]) -> bool:
    rest = [{k: v for k, v in s.items() if k != "format"} for s in (was, now)]
    formats = {was.get("format"), now.get("format")}
    return rest[0] == rest[1] and not formats & TYPED_FORMATS


def answer_type(was: dict[str, Any], now: dict[str, Any]) -> Verdict:
    """An answer field whose schema changed (enum values and required set aside)."""
    if _without_null(was) == _without_null(now):
        if _nullable(now):
            return Verdict(BREAKING, "answer field now nullable")
        return Verdict(COMPATIBLE, "answer field no longer nullable")
    if _format_only(was, now):
        return Verdict(WARNING, "answer field format changed: its generated type stays")
    return Verdict(BREAKING, "answer field type changed")


def _sent_type(was: dict[str, Any], now: dict[str, Any], what: str) -> Verdict:
    if _without_null(was) == _without_null(now):
        if _nullable(now):
            return Verdict(COMPATIBLE, f"{what} now accepts null")
        return Verdict(BREAKING, f"{what} no longer accepts null")
    if "enum" in was and "enum" not in now:
        return Verdict(COMPATIBLE, f"{what} no longer limited to an enum")
    if _format_only(was, now):
        return Verdict(WARNING, f"{what} format changed: its generated type stays")
    return Verdict(BREAKING, f"{what} type changed")


def sent(was: dict[str, Any] | None, now: dict[str, Any] | None,
         what: str) -> list[tuple[str, Verdict]]:  # fmt: skip
    """What changed about a parameter or request field a client sends: (text, verdict) pairs."""
    if was == now:
        return []
    if was is None:
        assert now is not None
        if now.get("required"):
            return [(" added, required", Verdict(BREAKING, f"required {what} added"))]
        return [(" added", Verdict(COMPATIBLE, f"optional {what} added"))]
    if now is None:
        return [(" removed", Verdict(BREAKING, f"{what} removed"))]
    found = []
    if bool(was.get("required")) != bool(now.get("required")):
        if now.get("required"):
            found.append((": now required", Verdict(BREAKING, f"{what} now required")))
        else:
            found.append((": now optional", Verdict(COMPATIBLE, f"{what} now optional")))
    old_values, new_values = enum(was), enum(now)
    if old_values and new_values and old_values != new_values:
        added = [v for v in new_values if v not in old_values]
        gone = [v for v in old_values if v not in new_values]
        if added:
            found.append((f": enum now also lists {', '.join(added)}",
                          Verdict(COMPATIBLE, f"enum value added to a {what}")))  # fmt: skip
        if gone:
            found.append((f": enum no longer lists {', '.join(gone)}",
                          Verdict(BREAKING, f"enum value removed from a {what}")))  # fmt: skip
        was = {k: v for k, v in was.items() if k != "enum"}
        now = {k: v for k, v in now.items() if k != "enum"}
    was = {k: v for k, v in was.items() if k != "required"}
    now = {k: v for k, v in now.items() if k != "required"}
    if was != now:
        verdict = _sent_type(was, now, what)
        found += [(f" {line.lstrip('/')}", verdict) for line in describe(was, now)]
    return found


def request_body(was: dict[str, Any] | None, now: dict[str, Any] | None) -> Verdict:
    """A request body added, removed, or now required or optional."""
    if was is None:
        assert now is not None
        if now["required"]:
            return Verdict(BREAKING, "request body added, required")
        return Verdict(COMPATIBLE, "optional request body added")
    if now is None:
        return Verdict(BREAKING, "request body removed")
    if now["required"]:
        return Verdict(BREAKING, "request body now required")
    return Verdict(COMPATIBLE, "request body now optional")
