"""Reading a task's id from a generated create/submit answer (``task_from``, ``run_from``)."""

from __future__ import annotations

import json
from typing import Any

from taskstatus._errors import APIError, BadResponse
from taskstatus._vendors._base import Vendor, error_text, parse_model, read_response
from taskstatus._wire import Answer

WHAT = "create"


def _is_response(answer: object) -> bool:
    """A generated ``Response`` (what ``sync_detailed`` returns), from any vendor's client."""
    return all(hasattr(answer, name) for name in ("status_code", "content", "headers", "parsed"))


def created_id(vendor: Vendor, answer: object, model: type[Any], field: str) -> str:
    """The new task's id in ``answer``: the generated model of a successful create call, or the
    ``Response`` of one.  Anything else raises: the HTTP error the Response holds (typed, as
    for any call), an error model's text, or BadResponse when the id is missing."""
    if _is_response(answer):
        response: Any = answer
        body = read_response(
            vendor, WHAT, Answer(int(response.status_code), response.headers, response.content)
        )  # raises the typed error of a non-2xx answer
        answer = parse_model(model, body, vendor, WHAT)
    if isinstance(answer, model):
        found = getattr(answer, field, None)
        if isinstance(found, str) and found:
            return found
        raise BadResponse(f"the {model.__name__} holds no {field}", vendor=vendor.name, task=WHAT)
    if answer is None:
        raise APIError(
            "the create call answered with an error (pass its sync_detailed() Response to "
            "see which)",
            vendor=vendor.name,
            task=WHAT,
        )
    to_dict = getattr(answer, "to_dict", None)
    body = to_dict() if callable(to_dict) else None
    if isinstance(body, dict):  # an error model: its envelope code, if any, names the error
        read_response(vendor, WHAT, Answer(200, {}, json.dumps(body).encode()))
    text = error_text(body)
    raise APIError(
        text or f"the create call answered {type(answer).__name__}, not {model.__name__}",
        vendor=vendor.name,
        task=WHAT,
    )
