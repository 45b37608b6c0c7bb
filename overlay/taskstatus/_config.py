"""Where settings come from (keyword, then the vendor's environment variable, then the default)
and what a valid id or base URL is."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping

import attrs
import httpx

from taskstatus._errors import ConfigurationError
from taskstatus._vendors._base import Vendor


@attrs.frozen
class Settings:
    base_url: str
    api_key: str | None = attrs.field(repr=False)


def resolve(
    vendor: Vendor,
    api_key: str | None,
    base_url: str | None,
    environ: Mapping[str, str] = os.environ,
) -> Settings:
    key = api_key if api_key is not None else environ.get(vendor.key_env) or None
    if key is not None and (not isinstance(key, str) or not key.strip()):
        raise ConfigurationError(
            f"the API key is empty (argument or {vendor.key_env})", vendor=vendor.name
        )
    if key is None and vendor.key_required:
        raise ConfigurationError(
            f"no API key: pass api_key= or set {vendor.key_env}", vendor=vendor.name
        )
    url = (
        base_url
        if base_url is not None
        else environ.get(vendor.base_url_env) or vendor.default_base_url
    )
    return Settings(base_url=check_base_url(vendor, url), api_key=key)


def check_base_url(vendor: Vendor, url: object) -> str:
    """An absolute http(s) URL without query or fragment, trailing slash removed."""
    problem = None
    if not isinstance(url, str) or not url.strip():
        problem = "is empty"
    else:
        try:
            parsed = httpx.URL(url.strip())
        except (httpx.InvalidURL, TypeError, ValueError):
            problem = "is not a URL"
        else:
            if parsed.scheme not in ("http", "https") or not parsed.host:
                problem = "must be an absolute http:// or https:// URL"
            elif parsed.query or parsed.fragment:
                problem = "must not have a query or fragment"
            elif parsed.userinfo:
                problem = "must not hold credentials"
    if problem:
        shown = url if isinstance(url, str) and "@" not in url else "<hidden>"
        raise ConfigurationError(f"base URL {shown!r} {problem}", vendor=vendor.name)
    return str(url).strip().rstrip("/")


MAX_ID_LENGTH = 1024


def check_id(vendor: Vendor, name: str, value: object) -> str:
    """Ids are opaque text, but never empty, never with whitespace or control characters
    (an id pasted with a stray space or newline would be sent as another id) and never a
    path segment of its own (``.``/``..`` would change the route).  Every refusal says why
    and shows the id escaped."""
    if not isinstance(value, str):
        raise ConfigurationError(
            f"{name} must be a string, not {type(value).__name__}", vendor=vendor.name
        )
    problem = None
    # Printable and without a space: no control character and no whitespace of any kind
    # (str.isprintable is False for Cc, Cf, Zl, Zp and every Zs but the space), checked at C
    # speed; only other ids are looked at character by character, to say what is wrong.
    clean = value.isprintable() and " " not in value
    if not value:
        problem = "is empty"
    elif len(value) > MAX_ID_LENGTH:
        problem = f"is {len(value)} characters long (at most {MAX_ID_LENGTH})"
    elif value in (".", ".."):
        problem = "is a path segment, not a task id: it would change the request's route"
    elif clean:
        pass
    elif any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value):
        problem = "holds a control character: task ids never do"
    elif value != value.strip():
        problem = "has leading or trailing whitespace: task ids never do"
    elif any(c.isspace() for c in value):
        problem = "holds whitespace: task ids never do"
    if problem is None:
        return value
    shown = repr(value) if len(value) <= 80 else repr(value[:80]) + "…"
    raise ConfigurationError(f"{name} {shown} {problem}", vendor=vendor.name)
