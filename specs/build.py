"""Build each vendor's effective OpenAPI spec from its verbatim upstream file(s) plus amendments.

An amendment file (``specs/amendments/<vendor>.yaml``) names the upstream file it starts from
and lists actions, each with a ``reason``.  Every action must find its target in the upstream
document; one that does not fails the build with the vendor, the file and the action named, so a
changed upstream can never silently drop a fix.

Actions (exactly one verb per action, plus ``reason``; the verbs that replace or drop what
upstream has also carry ``fingerprint``, see below):

- ``merge_upstream: FILE``     add another upstream file's paths and components (shared
                               components must be identical)
- ``keep_tags: [TAG, ...]``    keep only operations carrying one of these tags, then drop every
                               component no longer referenced
- ``operation_ids: {"GET /p": id}``  set operationIds (each operation must exist, and have none)
- ``set: {path, value}``       replace the value at an existing JSON pointer
- ``add: {path, value}``       add a key that does not exist yet under an existing parent
- ``merge: {path, value}``     merge a mapping into the existing mapping at a JSON pointer
- ``remove: PATH``             remove an existing key or item
- ``extend: {path, value}``    append items to an existing list (an enum) that upstream does not
                               list yet; fails naming any item upstream now lists itself

No amendment hides upstream.  ``set``, ``merge``, ``remove`` and ``keep_tags`` record
``fingerprint: sha256:...``, a digest of the upstream value they were written against (the
value at the pointer; for ``merge``, upstream's values of the keys it merges; for
``keep_tags``, the operations it drops).  When upstream changes under one, the build fails,
naming the vendor, file and action and saying what changed (with ``--previous``, against the
upstream files the fingerprint came from), so the action is reviewed, not silently reapplied;
``--refingerprint`` records the fingerprints once it has been.  An amendment that only adds
is written with ``add`` or ``extend``, which fail, saying what upstream now has, as soon as
upstream has it.

After the actions, ``read_liberally`` (required in every amendment file) applies to every schema
an operation can answer with, components and inline alike: real servers omit fields their spec
calls required, so ``required`` keeps only what the facade needs to read the answer::

    read_liberally:
      reason: ...
      required: {SchemaName: [property, ...]}   # schemas not named here require nothing

A named schema or property that no longer exists fails the build like a vanished target.
A component that requests also send keeps its ``required``: what a client sends stays as the
vendor documents it.

Run as a script: ``python specs/build.py [--check] [--out DIR] [--previous DIR]
[--refingerprint]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

from diffing import describe, fingerprint
from ruamel.yaml import YAML, YAMLError

SPECS = Path(__file__).resolve().parent
UPSTREAM = SPECS / "upstream"
AMENDMENTS = SPECS / "amendments"
EFFECTIVE = SPECS / "effective"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
VERBS = ("merge_upstream", "keep_tags", "operation_ids", "set", "add", "extend", "merge", "remove")
FINGERPRINTED = ("keep_tags", "set", "merge", "remove")


class AmendmentError(Exception):
    """An amendment cannot be applied to its upstream document."""


def load_yaml(text: str) -> Any:
    """YAML 1.2, as OpenAPI 3.1 requires (YAML 1.1 loaders read the country code `no` as false)."""
    return YAML(typ="safe", pure=True).load(text)


def load_document(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text) if path.suffix == ".json" else load_yaml(text)
    if not isinstance(doc, dict):
        raise AmendmentError(f"{path.name}: not an OpenAPI document")
    return doc


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _split(pointer: str) -> list[str]:
    if not pointer.startswith("/"):
        raise KeyError(f"{pointer!r} is not a JSON pointer")
    return [_unescape(t) for t in pointer[1:].split("/")]


def _resolve(doc: Any, tokens: list[str], pointer: str) -> Any:
    node = doc
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise KeyError(f"target {pointer} not found (no {token!r})")
    return node


def _deep_merge(target: dict[str, Any], value: dict[str, Any]) -> None:
    for key, item in value.items():
        if isinstance(item, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], item)
        else:
            target[key] = copy.deepcopy(item)


def _refs(node: Any, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            found.add(ref)
        for item in node.values():
            _refs(item, found)
    elif isinstance(node, list):
        for item in node:
            _refs(item, found)
    return found


def _prune_components(doc: dict[str, Any]) -> None:
    """Drop components (except security schemes) that the kept paths no longer reach."""
    components = doc.get("components", {})
    reached: set[str] = set()
    frontier = _refs(doc.get("paths", {}), set())
    while frontier:
        ref = frontier.pop()
        if ref in reached:
            continue
        reached.add(ref)
        _, _, kind, name = ref.split("/", 3)
        target = components.get(kind, {}).get(_unescape(name))
        if target is not None:
            frontier |= _refs(target, set()) - reached
    for kind, members in list(components.items()):
        if kind == "securitySchemes" or not isinstance(members, dict):
            continue
        for name in list(members):
            if f"#/components/{kind}/{name.replace('~', '~0').replace('/', '~1')}" not in reached:
                del members[name]
        if not members:
            del components[kind]


def _operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in doc.get("paths", {}).items()
        for method, op in item.items()
        if method in HTTP_METHODS and isinstance(op, dict)
    ]


def written_against(doc: dict[str, Any], verb: str, arg: Any) -> Any:
    """The upstream value a fingerprinted action replaces or drops (KeyError if it is gone)."""
    if verb == "keep_tags":
        wanted = set(arg)
        return sorted(
            f"{method.upper()} {path}"
            for method, path, op in _operations(doc)
            if not wanted & set(op.get("tags", []))
        )
    pointer = arg if verb == "remove" else arg["path"]
    current = _resolve(doc, _split(pointer), pointer)
    if verb == "merge":
        if not isinstance(current, dict) or not isinstance(arg["value"], dict):
            raise KeyError(f"target {pointer} is not a mapping")
        return {key: current[key] for key in arg["value"] if key in current}
    return current


def _apply(doc: dict[str, Any], verb: str, arg: Any, upstream: Path) -> None:
    if verb == "merge_upstream":
        other = load_document(upstream / arg)
        for path, item in other.get("paths", {}).items():
            if path in doc.setdefault("paths", {}):
                raise KeyError(f"path {path} exists in both upstream files")
            doc["paths"][path] = item
        for kind, members in other.get("components", {}).items():
            mine = doc.setdefault("components", {}).setdefault(kind, {})
            for name, value in members.items():
                if name in mine and mine[name] != value:
                    raise KeyError(f"component {kind}/{name} differs between upstream files")
                mine[name] = value
    elif verb == "keep_tags":
        wanted = set(arg)
        kept = 0
        for method, path, op in _operations(doc):
            if wanted & set(op.get("tags", [])):
                kept += 1
            else:
                del doc["paths"][path][method]
        if not kept:
            raise KeyError(f"no operation is tagged {sorted(wanted)}")
        doc["paths"] = {
            p: item for p, item in doc["paths"].items() if any(m in HTTP_METHODS for m in item)
        }
        doc["tags"] = [t for t in doc.get("tags", []) if t.get("name") in wanted]
        _prune_components(doc)
    elif verb == "operation_ids":
        for key, operation_id in arg.items():
            method, _, path = key.partition(" ")
            op = doc.get("paths", {}).get(path, {}).get(method.lower())
            if op is None:
                raise KeyError(f"operation {key} not found")
            if "operationId" in op:
                raise KeyError(f"operation {key} already has operationId {op['operationId']!r}")
            op["operationId"] = operation_id
    elif verb == "set":
        tokens = _split(arg["path"])
        parent = _resolve(doc, tokens[:-1], arg["path"])
        _resolve(doc, tokens, arg["path"])
        parent[int(tokens[-1]) if isinstance(parent, list) else tokens[-1]] = copy.deepcopy(
            arg["value"]
        )
    elif verb == "add":
        tokens = _split(arg["path"])
        parent = _resolve(doc, tokens[:-1], arg["path"])
        if not isinstance(parent, dict):
            raise KeyError(f"parent of {arg['path']} is not a mapping")
        if tokens[-1] in parent:
            news = describe(arg["value"], parent[tokens[-1]])
            raise KeyError(
                f"target {arg['path']} now exists upstream ("
                + ("; ".join(news) if news else "with the same value")
                + "): drop this addition, or make it a set or merge"
            )
        parent[tokens[-1]] = copy.deepcopy(arg["value"])
    elif verb == "extend":
        target = _resolve(doc, _split(arg["path"]), arg["path"])
        if not isinstance(target, list) or not isinstance(arg["value"], list):
            raise KeyError(f"target {arg['path']} is not a list")
        listed = [item for item in arg["value"] if item in target]
        if listed:
            raise KeyError(
                f"upstream now lists {', '.join(map(str, listed))} itself at {arg['path']}: "
                "drop them from this action"
            )
        target.extend(copy.deepcopy(arg["value"]))
    elif verb == "merge":
        target = _resolve(doc, _split(arg["path"]), arg["path"])
        if not isinstance(target, dict):
            raise KeyError(f"target {arg['path']} is not a mapping")
        _deep_merge(target, arg["value"])
    elif verb == "remove":
        tokens = _split(arg)
        parent = _resolve(doc, tokens[:-1], arg)
        _resolve(doc, tokens, arg)
        del parent[int(tokens[-1]) if isinstance(parent, list) else tokens[-1]]


def _reachable(doc: dict[str, Any], part: str) -> dict[int, dict[str, Any]]:
    """Every schema object reachable from the operations' ``part`` (responses or requestBody),
    by ``id``, components and inline alike."""
    schemas = doc.get("components", {}).get("schemas", {})
    found: dict[int, dict[str, Any]] = {}

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
            return
        if not isinstance(node, dict) or id(node) in found:
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            visit(schemas.get(_unescape(ref.rsplit("/", 1)[1])))
            return
        found[id(node)] = node
        for item in node.values():
            visit(item)

    for _, _, op in _operations(doc):
        bodies = op.get("responses", {}).values() if part == "responses" else [op.get(part) or {}]
        for body in bodies:
            for media in (body.get("content") or {}).values():
                visit(media.get("schema"))
    return found


def _response_schemas(doc: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """The object schemas an answer can hold that no request sends, and the component name of
    those that are components (by ``id``)."""
    names = {id(s): name for name, s in doc.get("components", {}).get("schemas", {}).items()}
    sent = _reachable(doc, "requestBody")
    read = [
        node
        for key, node in _reachable(doc, "responses").items()
        if key not in sent
        and (isinstance(node.get("properties"), dict) or isinstance(node.get("required"), list))
    ]
    return read, names


def read_liberally(doc: dict[str, Any], required: dict[str, list[str]]) -> None:
    """Keep in ``required`` only what the facade needs, in every schema an answer can hold."""
    schemas, names = _response_schemas(doc)
    named = {names[id(s)]: s for s in schemas if id(s) in names}
    for name, wanted in required.items():
        schema = named.get(name)
        if schema is None:
            raise KeyError(f"schema {name} is not part of any response")
        missing = [p for p in wanted if p not in schema.get("properties", {})]
        if missing:
            raise KeyError(f"schema {name} has no property {', '.join(missing)}")
    for schema in schemas:
        keep = required.get(names.get(id(schema), ""), [])
        if keep:
            schema["required"] = list(keep)
        else:
            schema.pop("required", None)


def _actions(amendment: Any, where: str) -> list[tuple[int, str, Any, Any]]:
    found = []
    for number, action in enumerate(amendment.get("actions", []), start=1):
        verbs = [v for v in VERBS if v in action]
        if len(verbs) != 1 or not str(action.get("reason", "")).strip():
            raise AmendmentError(
                f"{where}, action #{number}: needs exactly one of {VERBS} and a reason"
            )
        found.append((number, verbs[0], action[verbs[0]], action))
    return found


def _target(verb: str, arg: Any) -> str:
    if verb in ("set", "add", "extend", "merge"):
        return f"{verb} {arg.get('path')}"
    return f"{verb} {arg}" if verb == "remove" else verb


class Drift:
    """One fingerprinted action whose upstream value is no longer what it was written against."""

    def __init__(self, number: int, verb: str, arg: Any, recorded: Any, now: Any) -> None:
        self.number, self.verb, self.arg, self.recorded = number, verb, arg, recorded
        self.now = now
        self.fingerprint = fingerprint(now)


def _amend(
    amendment: Any, doc: dict[str, Any], upstream: Path, where: str
) -> tuple[list[Drift], dict[int, Any]]:
    """Apply the actions to ``doc``; return the drifted ones and every written-against value."""
    drifts, seen = [], {}
    for number, verb, arg, action in _actions(amendment, where):
        try:
            if verb in FINGERPRINTED:
                now = seen[number] = copy.deepcopy(written_against(doc, verb, arg))
                if action.get("fingerprint") != fingerprint(now):
                    drifts.append(Drift(number, verb, arg, action.get("fingerprint"), now))
            _apply(doc, verb, arg, upstream)
        except (KeyError, OSError, AmendmentError) as exc:
            message = exc.args[0] if exc.args else exc
            raise AmendmentError(
                f"{where}, action #{number} ({_target(verb, arg)}): {message}; "
                "the upstream file changed: review this amendment"
            ) from exc
    return drifts, seen


def _load(amendment_file: Path, upstream: Path, where: str) -> tuple[Any, dict[str, Any]]:
    try:
        amendment = load_yaml(amendment_file.read_text(encoding="utf-8"))
        return amendment, load_document(upstream / amendment["upstream"])
    except (OSError, KeyError, TypeError, YAMLError) as exc:
        raise AmendmentError(f"{where}: cannot load upstream: {exc}") from exc


def _drift_message(where: str, drifts: list[Drift], before: dict[int, Any] | None) -> str:
    lines = []
    for drift in drifts:
        head = f"{where}, action #{drift.number} ({_target(drift.verb, drift.arg)}): "
        if drift.recorded is None:
            lines.append(head + f"has no fingerprint; upstream's value is {drift.fingerprint}")
            continue
        lines.append(
            head + f"upstream changed under it (written against {drift.recorded}, "
            f"now {drift.fingerprint})"
        )
        if before is not None and drift.number in before:
            changes = describe(before[drift.number], drift.now)
            lines += [f"    {change}" for change in changes] or ["    (no change in value)"]
        else:
            lines.append(f"    upstream now has {json.dumps(drift.now, sort_keys=True)[:300]}")
    lines.append(
        "review each action against upstream's new value (change or drop it), then record the "
        "fingerprints: `nox -s specs -- --refingerprint` (update_spec: `--reviewed`)"
    )
    return "\n".join(lines)


def build(
    amendment_file: Path,
    upstream: Path = UPSTREAM,
    previous: Path | None = None,
    refingerprint: bool = False,
) -> tuple[str, dict[str, Any]]:
    """Return (vendor, effective spec) for one amendment file; raise AmendmentError if it fails.

    ``previous``: the upstream files the fingerprints were taken from, to say what changed.
    ``refingerprint``: record the fingerprints of the current upstream in the amendment file.
    """
    vendor = amendment_file.stem
    where = f"vendor {vendor}, amendment {amendment_file.name}"
    amendment, doc = _load(amendment_file, upstream, where)
    drifts, _ = _amend(amendment, doc, upstream, where)
    if drifts and refingerprint:
        record_fingerprints(amendment_file, {d.number: d.fingerprint for d in drifts})
    elif drifts:
        before = None
        if previous is not None:
            try:
                old_amendment, old_doc = _load(amendment_file, previous, where)
                _, before = _amend(old_amendment, old_doc, previous, where)
            except AmendmentError:
                before = None
        raise AmendmentError(_drift_message(where, drifts, before))
    policy = amendment.get("read_liberally")
    if not isinstance(policy, dict) or not str(policy.get("reason", "")).strip():
        raise AmendmentError(f"{where}: needs read_liberally with a reason (and required)")
    try:
        read_liberally(doc, policy.get("required") or {})
    except KeyError as exc:
        raise AmendmentError(
            f"{where}, read_liberally: {exc.args[0]}; the upstream file changed: review it"
        ) from exc
    return vendor, doc


def record_fingerprints(amendment_file: Path, fingerprints: dict[int, str]) -> None:
    """Write ``fingerprint: ...`` into the given actions (by number), keeping the file's text."""
    text = amendment_file.read_text(encoding="utf-8")
    tree = YAML(typ="rt").load(text)
    lines = text.splitlines(keepends=True)
    edits: list[tuple[int, str | None, str]] = []  # (line, replaced line or None, new text)
    for number, action in enumerate(tree.get("actions", []), start=1):
        if number not in fingerprints:
            continue
        if "fingerprint" in action:
            line, col = action.lc.value("fingerprint")
            old = lines[line]
            edits.append((line, old, old[:col] + fingerprints[number] + "\n"))
            continue
        verb = next(v for v in FINGERPRINTED if v in action)
        line, col = action.lc.key(verb)
        if lines[line][:col].strip():
            raise AmendmentError(f"{amendment_file.name}, action #{number}: put reason first")
        edits.append((line, None, " " * col + f"fingerprint: {fingerprints[number]}\n"))
    for line, old, new in sorted(edits, reverse=True):
        if old is None:
            lines.insert(line, new)
        else:
            lines[line] = new
    amendment_file.write_text("".join(lines), encoding="utf-8")


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def validate(vendor: str, doc: dict[str, Any]) -> None:
    from openapi_spec_validator import validate as validate_spec

    try:
        validate_spec(doc)
    except Exception as exc:  # the validator raises several unrelated types
        raise AmendmentError(f"vendor {vendor}: effective spec is invalid: {exc}") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=EFFECTIVE, help="where to write the specs")
    parser.add_argument("--check", action="store_true", help="fail if committed specs differ")
    parser.add_argument("--upstream", type=Path, default=UPSTREAM, help="verbatim vendor files")
    parser.add_argument("--amendments", type=Path, default=AMENDMENTS, help="amendment files")
    parser.add_argument(
        "--previous", type=Path, help="the upstream files the fingerprints were taken from"
    )
    parser.add_argument(
        "--refingerprint", action="store_true", help="record fingerprints of current upstream"
    )
    args = parser.parse_args(argv)
    stale = []
    try:
        for amendment_file in sorted(args.amendments.glob("*.yaml")):
            vendor, doc = build(
                amendment_file, args.upstream, args.previous, refingerprint=args.refingerprint
            )
            validate(vendor, doc)
            target = args.out / f"{vendor}.openapi.json"
            text = render(doc)
            if args.check:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    stale.append(target.name)
            else:
                args.out.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                print(f"{vendor}: {target} ({len(doc.get('paths', {}))} paths)")
    except AmendmentError as exc:
        print(f"specs: {exc}", file=sys.stderr)
        return 1
    if stale:
        print(f"specs: effective specs out of date: {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
