"""The effective specs' schemas as plain JSON Schema, for validating and generating bodies."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
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


Path = tuple[str | int, ...]


def object_branches(schema: Any) -> Iterator[dict[str, Any]]:
    """The object schemas a node may be (itself, or the branches of a union)."""
    if not isinstance(schema, dict):
        return
    if isinstance(schema.get("properties"), dict):
        yield schema
    for key in ("anyOf", "oneOf", "allOf"):
        for branch in schema.get(key, []):
            yield from object_branches(branch)


def nullable(schema: Any) -> bool:
    """True when the schema admits null (no type at all admits anything)."""
    if not isinstance(schema, dict) or not schema:
        return True
    types = schema.get("type")
    if types == "null" or (isinstance(types, list) and "null" in types):
        return True
    return any(nullable(b) for k in ("anyOf", "oneOf") for b in schema.get(k, []))


def property_paths(body: Any, schema: Any, path: Path = ()) -> Iterator[tuple[Path, Any, bool]]:
    """(path, property schema, required) of every property present in ``body``, at any depth;
    the first object branch of a union describes an object."""
    if isinstance(body, dict):
        for obj in object_branches(schema):
            required = set(obj.get("required", []))
            for name, sub in obj["properties"].items():
                if name in body:
                    yield (*path, name), sub, name in required
                    yield from property_paths(body[name], sub, (*path, name))
            return
    elif isinstance(body, list) and isinstance(schema, dict):
        for index, item in enumerate(body):
            yield from property_paths(item, schema.get("items", {}), (*path, index))


def as_read(body: Any, schema: Any) -> Any:
    """``body`` as the generated clients read it: null in an optional property that the schema
    does not make nullable is absent (specs/templates/model.py.jinja)."""
    absent = [
        p
        for p, sub, required in property_paths(body, schema)
        if not required and not nullable(sub) and _at(body, p) is None
    ]
    read = copy.deepcopy(body)
    for path in sorted(absent, key=len, reverse=True):
        parent = _at(read, path[:-1])
        if isinstance(parent, dict):
            parent.pop(path[-1], None)
    return read


def _at(body: Any, path: Path) -> Any:
    for step in path:
        body = body[step]
    return body
