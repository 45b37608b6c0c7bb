"""The effective specs' schemas as plain JSON Schema, for validating and generating bodies."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from tests.conftest import SPECS


@cache
def spec(vendor: str) -> dict[str, Any]:
    return json.loads((SPECS / "effective" / f"{vendor}.openapi.json").read_text())


def inline(node: Any, schemas: dict[str, Any], max_items: int | None = None) -> Any:
    """``node`` with every local $ref replaced by its target (these specs are not recursive),
    OpenAPI 3.0's ``nullable`` spelled as a type union, and (for generation) arrays and free-form
    objects capped at ``max_items`` entries: still valid bodies, generated much faster."""
    if isinstance(node, dict):
        if "$ref" in node:
            return inline(schemas[node["$ref"].rsplit("/", 1)[-1]], schemas, max_items)
        out = {
            k: inline(v, schemas, max_items)
            for k, v in node.items()
            if k not in ("nullable", "example")
        }
        if node.get("nullable") is True and isinstance(node.get("type"), str):
            out["type"] = [node["type"], "null"]
        if max_items is not None and node.get("type") == "array":
            out["maxItems"] = min(max_items, node.get("maxItems", max_items))
        if max_items is not None and "object" in node.get("type", []):
            out["maxProperties"] = len(node.get("properties", {})) + max_items
        return out
    if isinstance(node, list):
        return [inline(item, schemas, max_items) for item in node]
    return node


def schema_of(vendor: str, node: Any, max_items: int | None = None) -> Any:
    return inline(node, spec(vendor)["components"]["schemas"], max_items)
