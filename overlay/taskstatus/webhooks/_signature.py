"""AnchorBrowser's webhook signature, checked as its documentation specifies (pure; no I/O).

``Anchor-Signature: t=<unix seconds>,v1=<hex>``: HMAC-SHA256 keyed by the webhook's secret over
``b"v0:" + t + b":" + raw body``; hex digests compared in constant time; a timestamp more than
``tolerance`` seconds from now is stale.  docs/vendors.md, "Push".
"""

from __future__ import annotations

import hashlib
import hmac

TOLERANCE = 120.0  # seconds: AnchorBrowser's documented limit


class SignatureError(Exception):
    """The delivery is not signed by the secret, or not now."""


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Anchor-Signature`` value for a body sent at ``timestamp`` (what the vendor sends)."""
    return f"t={timestamp},v1={_digest(secret, str(timestamp), body)}"


def _digest(secret: str, timestamp: str, body: bytes) -> str:
    message = b"v0:" + timestamp.encode("ascii") + b":" + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str, header: str | None, body: bytes, now: float,
           tolerance: float = TOLERANCE) -> int:  # fmt: skip
    """The signed timestamp of a valid delivery; SignatureError for any other."""
    if not header:
        raise SignatureError("no Anchor-Signature header")
    timestamp, candidates = None, []
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t":
            timestamp = value
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not timestamp.isdigit() or not candidates:
        raise SignatureError("malformed Anchor-Signature header")
    if abs(now - int(timestamp)) > tolerance:
        raise SignatureError("stale timestamp")
    expected = _digest(secret, timestamp, body)
    # Compare every candidate, in constant time each: no early exit on the first match.
    matched = [c.isascii() and hmac.compare_digest(expected, c.lower()) for c in candidates]
    if not any(matched):
        raise SignatureError("signature does not match")
    return int(timestamp)
