"""The change report: how a vendor's effective spec changed, classified, and marked where the
facade depends on it.

Compares two effective specs operation by operation: operations added, removed, renamed or moved,
parameters, the request body and each answer (by status code), whose fields are flattened into
wire paths (``data.status``) and compared with their type, format, nullability, enum and
whether they are required.  Each change is classified for users of the generated clients and for
the facade as breaking, warning or compatible, naming the rule (``rules.py``).  A change is marked
when it touches what ``specs/facade.yaml`` says the facade uses: an operation it calls, a field
it reads, an enum a state table is keyed by.

``python specs/report.py VENDOR OLD.json NEW.json`` prints the report for two files.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import rules
from changes import UNUSED, Change, Report, Verdict
from diffing import describe
from ruamel.yaml import YAML

SPECS = Path(__file__).resolve().parent
FACADE = SPECS / "facade.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DEPTH = 6
SUMMARY_KEYS = ("type", "format", "enum", "nullable", "const", "$ref")
CALLS = "it calls this operation"


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
    """Every field of a body's schema, by wire path, with its summary (``required`` when its
    object requires it)."""
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
        required = branch.get("required") or []
        for key, sub in (branch.get("properties") or {}).items():
            path = f"{prefix}{key}"
            resolved, _ = _schema(doc, sub)
            found[path] = _summary(resolved)
            if key in required:
                found[path]["required"] = True
            found.update(fields(doc, sub, f"{path}.", depth + 1, within))
        items = branch.get("items")
        if items is not None and prefix:
            found.update(fields(doc, items, f"{prefix[:-1]}[].", depth + 1, within))
    return found


def _request(doc: dict[str, Any], op: dict[str, Any]) -> dict[str, Any] | None:
    body = op.get("requestBody")
    if not isinstance(body, dict):
        return None
    found: dict[str, dict[str, Any]] = {}
    for media in (body.get("content") or {}).values():
        found.update(fields(doc, media.get("schema")))
    return {"required": bool(body.get("required")), "fields": found}


def operations(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation by operationId (or "METHOD path"): where it is, its parameters, its request
    body's fields and the fields of each answer by status code."""
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
                          "request": _request(doc, op), "answers": answers}  # fmt: skip
    return found


def kind_of(uses: dict[str, Any], operation: str) -> list[str]:
    """The facade kinds (``kinds`` in facade.yaml) that call ``operation``."""
    return [k for k, ops in (uses.get("kinds") or {}).items() if operation in (ops or [])]


class _Context:
    """What the facade uses of one operation."""

    def __init__(self, uses: dict[str, Any], key: str) -> None:
        self.called = key in set(uses.get("operations") or [])
        self.reads = set((uses.get("reads") or {}).get(key) or [])
        self.states: dict[str, str] = (uses.get("states") or {}).get(key) or {}
        self.errors = set(uses.get("errors") or [])
        kinds = kind_of(uses, key)
        self.who = f"kind {', '.join(kinds)}" if kinds else "the facade"

    def calls(self, clients: Verdict, what: str = "calls this operation") -> Verdict:
        if not self.called:
            return Verdict("compatible", UNUSED)
        return Verdict(clients.level, f"{self.who} {what}: {clients.rule}")


def compare(vendor: str, old: dict[str, Any], new: dict[str, Any],
            uses: dict[str, Any] | None = None) -> Report:  # fmt: skip
    """The classified change report from one effective spec to the next."""
    uses = uses or {}
    report = Report(vendor)
    before, after = operations(old), operations(new)
    added, gone = after.keys() - before.keys(), before.keys() - after.keys()
    renamed = {k: n for k in gone for n in added if before[k]["at"] == after[n]["at"]}
    for key in sorted(added - set(renamed.values())):
        report.add(Change(f"+ operation {key} ({after[key]['at']})", rules.OPERATION_ADDED,
                          Verdict("compatible", UNUSED)))  # fmt: skip
    for key in sorted(gone):
        context = _Context(uses, key)
        if key in renamed:
            text, verdict = (
                f"operation {key} ({before[key]['at']}): renamed to {renamed[key]}",
                (rules.OPERATION_RENAMED),
            )
        else:
            text, verdict = f"- operation {key} ({before[key]['at']})", rules.OPERATION_REMOVED
        report.add(Change(text, verdict, context.calls(verdict),
                          CALLS if context.called else None))  # fmt: skip
        if key in renamed:
            _compare_operation(report, key, before[key], after[renamed[key]], context)
    for key in sorted(before.keys() & after.keys()):
        _compare_operation(report, key, before[key], after[key], _Context(uses, key))
    return report


def _compare_operation(report: Report, key: str, old: dict[str, Any], new: dict[str, Any],
                       context: _Context) -> None:  # fmt: skip
    label = f"operation {key} ({new['at']})"
    mark = "it calls it" if context.called else None
    if old["at"] != new["at"]:
        verdict = rules.OPERATION_MOVED
        report.add(Change(f"{label}: moved from {old['at']}", verdict, context.calls(verdict),
                          CALLS if context.called else None))  # fmt: skip
    params_old, params_new = old["parameters"], new["parameters"]
    for name in sorted(params_old.keys() | params_new.keys()):
        for text, verdict in rules.sent(params_old.get(name), params_new.get(name), "parameter"):
            report.add(Change(f"{label}: parameter {name}{text}", verdict,
                              context.calls(verdict), mark))  # fmt: skip
    _compare_request(report, label, old["request"], new["request"], context, mark)
    for code in sorted(old["answers"].keys() | new["answers"].keys()):
        was, now = old["answers"].get(code), new["answers"].get(code)
        if was is None or now is None:
            verdict = rules.ANSWER_ADDED if was is None else rules.ANSWER_REMOVED
            report.add(Change(f"{label} answer {code}: {'added' if was is None else 'removed'}",
                              verdict, context.calls(verdict),
                              CALLS if context.called else None))  # fmt: skip
            continue
        wanted = context.reads if code.startswith("2") else context.errors
        for path in sorted(was.keys() | now.keys()):
            read = context.called and path in wanted
            table = context.states.get(path) if context.called else None
            _compare_field(report, f"{label} answer {code}", path, was.get(path), now.get(path),
                           read, table, context.who)  # fmt: skip


def _compare_request(report: Report, label: str, old: dict[str, Any] | None,
                     new: dict[str, Any] | None, context: _Context,
                     mark: str | None) -> None:  # fmt: skip
    if old is None and new is None:
        return
    if old is None or new is None:
        verdict = rules.request_body(old, new)
        text = "added" if old is None else "removed"
        report.add(Change(f"{label} request body: {text}", verdict, context.calls(verdict), mark))
        return
    if old["required"] != new["required"]:
        verdict = rules.request_body(old, new)
        text = "now required" if new["required"] else "now optional"
        report.add(Change(f"{label} request body: {text}", verdict, context.calls(verdict), mark))
    was, now = old["fields"], new["fields"]
    for path in sorted(was.keys() | now.keys()):
        for text, verdict in rules.sent(was.get(path), now.get(path), "request field"):
            report.add(Change(f"{label} request body: field {path}{text}", verdict,
                              context.calls(verdict), mark))  # fmt: skip


def _compare_field(report: Report, label: str, path: str, was: dict[str, Any] | None,
                   now: dict[str, Any] | None, read: bool, table: str | None,
                   who: str) -> None:  # fmt: skip
    if was == now:
        return
    mark = "it reads this field" if read else None
    unused = Verdict("compatible", UNUSED)

    def facade(clients: Verdict) -> Verdict:
        return Verdict(clients.level, f"{who} reads this field: {clients.rule}") if read else unused

    if was is None or now is None:
        verdict = rules.ANSWER_FIELD_ADDED if was is None else rules.ANSWER_FIELD_REMOVED
        text = "added" if was is None else "removed"
        report.add(Change(f"{label}: field {path} {text}", verdict, facade(verdict), mark))
        return
    old_values, new_values = rules.enum(was), rules.enum(now)
    if old_values and new_values and old_values != new_values:
        added = [v for v in new_values if v not in old_values]
        gone = [v for v in old_values if v not in new_values]
        if added:
            verdict = rules.ANSWER_ENUM_ADDED
            on_table = Verdict("warning", f"{table} maps this field: it reads UNKNOWN until mapped")
            report.add(Change(
                f"{label}: field {path}: enum now also lists {', '.join(added)}", verdict,
                on_table if table else (rules.READ_ENUM_ADDED if read else unused),
                f"{table} must map it (it reads UNKNOWN until then; "
                "tests/facade/test_state_tables.py fails until then)" if table else mark,
            ))  # fmt: skip
        if gone:
            verdict = rules.ANSWER_ENUM_REMOVED
            on_table = Verdict(
                "breaking",
                f"{table} names the value: mypy and the adapter's "
                "import fail until it is renamed or dropped there",
            )
            report.add(Change(
                f"{label}: field {path}: enum no longer lists {', '.join(gone)}", verdict,
                on_table if table else facade(verdict),
                f"{table} names it: rename or drop it there (mypy and the adapter's "
                "import fail until then)" if table else mark,
            ))  # fmt: skip
        was = {k: v for k, v in was.items() if k != "enum"}
        now = {k: v for k, v in now.items() if k != "enum"}
    if was.get("required") != now.get("required"):
        verdict = rules.ANSWER_NOW_OPTIONAL if was.get("required") else rules.ANSWER_NOW_REQUIRED
        text = "now optional" if was.get("required") else "now required"
        report.add(Change(f"{label}: field {path} {text}", verdict, facade(verdict), mark))
    was = {k: v for k, v in was.items() if k != "required"}
    now = {k: v for k, v in now.items() if k != "required"}
    if was == now:
        return
    verdict = rules.answer_type(was, now)
    for line in describe(was, now):
        report.add(Change(f"{label}: field {path} {line.lstrip('/')}", verdict, facade(verdict),
                          mark))  # fmt: skip


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
