"""The change report: how a vendor's effective spec changed, marked where the facade depends on it.

Compares two effective specs operation by operation: operations added, removed or changed (method,
path, parameters), and for each answer (by status code) its fields, flattened into wire paths
(``data.status``), added, removed or changed, enum values included.  A change is marked when it
touches what ``specs/facade.yaml`` says the facade uses: an operation it calls, a field it reads,
an enum a state table is keyed by.

``python specs/report.py VENDOR OLD.json NEW.json`` prints the report for two files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from diffing import describe
from ruamel.yaml import YAML

SPECS = Path(__file__).resolve().parent
FACADE = SPECS / "facade.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DEPTH = 6
SUMMARY_KEYS = ("type", "format", "enum", "nullable", "const", "$ref")


def load_uses(path: Path = FACADE) -> dict[str, Any]:
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")) or {}


def _schema(doc: dict[str, Any], node: Any) -> tuple[Any, str | None]:
    """Resolve a local ``$ref``; return (schema, the component's name or None)."""
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        name = node["$ref"].rsplit("/", 1)[-1]
        return doc.get("components", {}).get("schemas", {}).get(name, {}), name
    return node, None


def _summary(schema: Any) -> dict[str, Any]:
    """What about one field a client can notice: its type, format, enum, nullability."""
    if not isinstance(schema, dict):
        return {}
    found = {k: schema[k] for k in SUMMARY_KEYS if k in schema and k != "$ref"}
    for combinator in ("oneOf", "anyOf", "allOf"):
        if isinstance(schema.get(combinator), list):
            found[combinator] = [
                s.get("$ref", "").rsplit("/", 1)[-1] or s.get("type", "object")
                for s in schema[combinator]
                if isinstance(s, dict)
            ]
    return found


def fields(doc: dict[str, Any], node: Any, prefix: str = "", depth: int = 0,
           within: frozenset[str] = frozenset()) -> dict[str, dict[str, Any]]:  # fmt: skip
    """Every field of an answer's schema, by wire path, with its summary."""
    schema, name = _schema(doc, node)
    if name in within or depth > MAX_DEPTH or not isinstance(schema, dict):
        return {}
    within = within | {name} if name else within
    found: dict[str, dict[str, Any]] = {}
    branches = [schema]
    for combinator in ("oneOf", "anyOf", "allOf"):
        branches += [_schema(doc, s)[0] for s in schema.get(combinator) or []]
    for branch in branches:
        if not isinstance(branch, dict):
            continue
        for key, sub in (branch.get("properties") or {}).items():
            path = f"{prefix}{key}"
            resolved, _ = _schema(doc, sub)
            found[path] = _summary(resolved)
            found.update(fields(doc, sub, f"{path}.", depth + 1, within))
        items = branch.get("items")
        if items is not None and prefix:
            found.update(fields(doc, items, f"{prefix[:-1]}[].", depth + 1, within))
    return found


def operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation by operationId (or "METHOD path"): where it is, its parameters, and the
    fields of each answer by status code."""
    found = {}
    for path, item in doc.get("paths", {}).items():
        for method, op in item.items():
            if method not in HTTP_METHODS or not isinstance(op, dict):
                continue
            params = {
                f"{p.get('in')} {p.get('name')}": {
                    "required": bool(p.get("required")),
                    **_summary(_schema(doc, p.get("schema"))[0]),
                }
                for p in [*item.get("parameters", []), *op.get("parameters", [])]
                if isinstance(p, dict)
            }
            answers = {}
            for code, response in (op.get("responses") or {}).items():
                answers[str(code)] = {}
                for media in (response.get("content") or {}).values():
                    answers[str(code)].update(fields(doc, media.get("schema")))
            key = op.get("operationId") or f"{method.upper()} {path}"
            found[key] = {"at": f"{method.upper()} {path}", "parameters": params,
                          "answers": answers}  # fmt: skip
    return found


def _enum(summary: dict[str, Any] | None) -> list[str]:
    return [str(v) for v in (summary or {}).get("enum") or []]


class Report:
    """The lines of a change report and how many of them the facade depends on."""

    def __init__(self, vendor: str) -> None:
        self.vendor = vendor
        self.lines: list[str] = []
        self.changes = 0
        self.marked = 0
        self.breaking: list[str] = []  # what must change in the facade before it works again

    def add(self, line: str, mark: str | None = None, breaking: bool = False) -> None:
        self.changes += 1
        if mark:
            self.marked += 1
            line += f"    <- facade: {mark}"
        if breaking:
            self.breaking.append(line.strip())
        self.lines.append(line)

    def text(self) -> str:
        head = (
            f"{self.vendor}: {self.changes} change(s) in the effective spec, "
            f"{self.marked} where the facade depends on it"
        )
        return "\n".join([head, *self.lines]) + "\n"


def compare(vendor: str, old: dict[str, Any], new: dict[str, Any],
            uses: dict[str, Any] | None = None) -> Report:  # fmt: skip
    """The change report from one effective spec to the next."""
    uses = uses or {}
    called = set(uses.get("operations") or [])
    reads = uses.get("reads") or {}
    states = uses.get("states") or {}
    errors = set(uses.get("errors") or [])
    report = Report(vendor)
    before, after = operations(old), operations(new)
    for key in sorted(after.keys() - before.keys()):
        report.add(f"  + operation {key} ({after[key]['at']})")
    for key in sorted(before.keys() - after.keys()):
        mark = "it calls this operation" if key in called else None
        report.add(f"  - operation {key} ({before[key]['at']})", mark, breaking=bool(mark))
    for key in sorted(before.keys() & after.keys()):
        _compare_operation(report, key, before[key], after[key], key in called,
                           set(reads.get(key) or []), states.get(key) or {}, errors)  # fmt: skip
    return report


def _compare_operation(report: Report, key: str, old: dict[str, Any], new: dict[str, Any],
                       called: bool, reads: set[str], states: dict[str, str],
                       errors: set[str]) -> None:  # fmt: skip
    label = f"  operation {key} ({new['at']})"
    if old["at"] != new["at"]:
        mark = "it calls this operation" if called else None
        report.add(f"{label}: moved from {old['at']}", mark, breaking=bool(mark))
    for line in describe(old["parameters"], new["parameters"]):
        report.add(f"{label}: parameter {line.lstrip('/')}", "it calls it" if called else None)
    for code in sorted(old["answers"].keys() | new["answers"].keys()):
        was, now = old["answers"].get(code), new["answers"].get(code)
        if was is None or now is None:
            report.add(f"{label} answer {code}: {'added' if was is None else 'removed'}",
                       "it calls this operation" if called else None)  # fmt: skip
            continue
        wanted = reads if code.startswith("2") else errors
        for path in sorted(was.keys() | now.keys()):
            _compare_field(report, f"{label} answer {code}", path, was.get(path), now.get(path),
                           called and path in wanted,
                           states.get(path) if called else None)  # fmt: skip


def _compare_field(report: Report, label: str, path: str, was: dict[str, Any] | None,
                   now: dict[str, Any] | None, read: bool, table: str | None) -> None:  # fmt: skip
    if was == now:
        return
    mark = "it reads this field" if read else None
    if was is None or now is None:
        what = "added" if was is None else "removed"
        report.add(f"{label}: field {path} {what}", mark, breaking=read and now is None)
        return
    old_values, new_values = _enum(was), _enum(now)
    if table and old_values != new_values:
        added = [v for v in new_values if v not in old_values]
        gone = [v for v in old_values if v not in new_values]
        if added:
            report.add(f"{label}: field {path}: enum now also lists {', '.join(added)}",
                       f"{table} must map it (it reads UNKNOWN until then; "
                       "tests/facade/test_state_tables.py fails until then)")  # fmt: skip
        if gone:
            report.add(f"{label}: field {path}: enum no longer lists {', '.join(gone)}",
                       f"{table} names it: rename or drop it there (mypy and the adapter's "
                       "import fail until then)", breaking=True)  # fmt: skip
        was = {k: v for k, v in was.items() if k != "enum"}
        now = {k: v for k, v in now.items() if k != "enum"}
    for line in describe(was, now):
        report.add(f"{label}: field {path} {line.lstrip('/')}", mark, breaking=read)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    vendor, old, new = args
    docs = [json.loads(Path(p).read_text(encoding="utf-8")) for p in (old, new)]
    print(compare(vendor, docs[0], docs[1], load_uses().get(vendor)).text(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
