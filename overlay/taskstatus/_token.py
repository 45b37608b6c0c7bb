"""Resumable handle tokens: versioned, URL-safe text naming vendor, kind, ids and base URL.

``ts1.<base64url(JSON)>.<check>``.  The check (a truncated SHA-256 of the payload) detects
edits and truncation; it is not a signature, and a token holds nothing secret: never a key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

import attrs

from taskstatus._errors import ConfigurationError

PREFIX = "ts1"


@attrs.frozen
class TokenData:
    vendor: str
    kind: str
    ids: tuple[str, ...]
    base_url: str


def _check(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def encode(data: TokenData) -> str:
    body = json.dumps(
        {"v": data.vendor, "k": data.kind, "i": list(data.ids), "u": data.base_url},
        separators=(",", ":"),
    )
    payload = base64.urlsafe_b64encode(body.encode()).decode().rstrip("=")
    return f"{PREFIX}.{payload}.{_check(payload)}"


def decode(token: object) -> TokenData:
    if not isinstance(token, str):
        raise ConfigurationError(f"a token is text, not {type(token).__name__}")
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise ConfigurationError("not a taskstatus token (or one from a newer version)")
    payload, check = parts[1], parts[2]
    if _check(payload) != check:
        raise ConfigurationError("token was altered or truncated")
    try:
        raw = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        data = TokenData(vendor=raw["v"], kind=raw["k"], ids=tuple(raw["i"]), base_url=raw["u"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ConfigurationError("token payload is unreadable") from exc
    if not all(isinstance(x, str) for x in (data.vendor, data.kind, data.base_url, *data.ids)):
        raise ConfigurationError("token payload is unreadable")
    return data
