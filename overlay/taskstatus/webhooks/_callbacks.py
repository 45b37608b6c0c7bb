"""BrowserAct callback tokens that verify by themselves (pure; no I/O).

A token is ``<nonce>.<mac>``: 16 random bytes, and HMAC-SHA256 under the receiver's callback
secret over a fixed context and the nonce (both base64url, unpadded).  Any receiver holding the
same secret, restarted or not, accepts a token any other made; a token altered in any
character, or made up, is refused.  The secret is never part of a token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

CONTEXT = b"taskstatus browseract callback v1:"
LONGEST = 128  # characters: anything longer is not a token of ours


def _mac(key: bytes, nonce: str) -> str:
    digest = hmac.new(key, CONTEXT + nonce.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def make(key: bytes) -> str:
    """A fresh token signed with ``key``."""
    nonce = secrets.token_urlsafe(16)
    return f"{nonce}.{_mac(key, nonce)}"


def valid(key: bytes, token: str) -> bool:
    """Whether ``token`` was made with ``key`` (constant-time comparison)."""
    if len(token) > LONGEST or not token.isascii():
        return False
    nonce, dot, mac = token.partition(".")
    if not dot or not nonce:
        return False
    return hmac.compare_digest(_mac(key, nonce), mac)


def digest(token: str) -> str:
    """What a shared store keeps for a token (never the token itself)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()[:32]
