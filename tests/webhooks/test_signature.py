"""AnchorBrowser's signature scheme, as documented: HMAC-SHA256 over "v0:" + t + ":" + body."""

from __future__ import annotations

import hashlib
import hmac

import pytest
from taskstatus.webhooks import SignatureError, sign, verify

SECRET = "whsec_test"
BODY = b'{"id":"evt_1","type":"task.completed","data":{"run_id":"r1"}}'
NOW = 1_760_000_000


def test_sign_is_the_documented_hmac() -> None:
    expected = hmac.new(SECRET.encode(), b"v0:%d:" % NOW + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, NOW, BODY) == f"t={NOW},v1={expected}"
    assert verify(SECRET, sign(SECRET, NOW, BODY), BODY, now=NOW + 119) == NOW


@pytest.mark.parametrize(
    ("header", "body", "now", "why"),
    [
        (None, BODY, NOW, "no Anchor-Signature"),
        ("", BODY, NOW, "no Anchor-Signature"),
        ("v1=abc", BODY, NOW, "malformed"),
        (f"t={NOW}", BODY, NOW, "malformed"),
        (f"t=soon,v1={'0' * 64}", BODY, NOW, "malformed"),
        (sign("other-secret", NOW, BODY), BODY, NOW, "does not match"),
        (sign(SECRET, NOW, BODY), BODY + b" ", NOW, "does not match"),
        (sign(SECRET, NOW, BODY), BODY, NOW + 121, "stale"),
        (sign(SECRET, NOW, BODY), BODY, NOW - 121, "stale"),
        (f"t={NOW},v1=é{'0' * 63}", BODY, NOW, "does not match"),
    ],
    ids=[
        "absent",
        "empty",
        "no t",
        "no v1",
        "t not a number",
        "wrong secret",
        "body changed",
        "too old",
        "from the future",
        "not ascii",
    ],
)
def test_anything_else_is_refused(header: str | None, body: bytes, now: int, why: str) -> None:
    with pytest.raises(SignatureError, match=why):
        verify(SECRET, header, body, now=now)


def test_one_matching_v1_among_several_is_enough() -> None:
    good = sign(SECRET, NOW, BODY).split(",")[1]
    assert verify(SECRET, f"t={NOW},v1={'0' * 64}, {good}", BODY, now=NOW) == NOW
