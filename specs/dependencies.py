"""The operations a facade kind calls (``kinds`` in specs/facade.yaml), looked for in a new spec.

When an update drops or renames one, the message names the kind and the two ways out: keep the
operation by an amendment that cites the vendor's docs, or retire the kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import build
from report import operations


def _pointer(path: str) -> str:
    return "/paths/" + path.replace("~", "~0").replace("/", "~1")


def upstream_docs(amendment_file: Path, upstream: Path) -> list[dict[str, Any]]:
    """The upstream documents an amendment file builds from (its file and merged ones)."""
    amendment = build.load_yaml(amendment_file.read_text(encoding="utf-8"))
    names = [amendment["upstream"]]
    names += [a["merge_upstream"] for a in amendment.get("actions", []) if "merge_upstream" in a]
    docs = []
    for name in names:
        try:
            docs.append(build.load_document(upstream / name))
        except (OSError, ValueError, build.AmendmentError):
            continue
    return docs


def _in_upstream(docs: list[dict[str, Any]], at: str) -> bool:
    method, _, path = at.partition(" ")
    return any(method.lower() in (d.get("paths", {}).get(path) or {}) for d in docs)


def lost(vendor: str, uses: dict[str, Any], committed: dict[str, Any],
         new_effective: dict[str, Any] | None = None,
         new_upstream: list[dict[str, Any]] | None = None) -> list[str]:  # fmt: skip
    """One message per operation a facade kind calls that the new spec no longer has: checked
    in the new effective spec when it built, otherwise in the new upstream documents."""
    before = operations(committed)
    after = operations(new_effective) if new_effective is not None else None
    messages = []
    for kind, called in (uses.get("kinds") or {}).items():
        for operation in called or []:
            if operation not in before:
                continue
            at = before[operation]["at"]
            if after is not None:
                if operation in after:
                    continue
                renamed = [k for k, v in after.items() if v["at"] == at]
                gone = f"upstream renamed it to {renamed[0]}" if renamed else "upstream dropped it"
            elif _in_upstream(new_upstream or [], at):
                continue
            else:
                gone = "the new upstream spec no longer has it"
            messages.append(_way_out(vendor, kind, operation, at, gone))
    return messages


def _way_out(vendor: str, kind: str, operation: str, at: str, gone: str) -> str:
    path = at.partition(" ")[2]
    return (
        f'the facade\'s {vendor} kind "{kind}" calls {operation} ({at}), and {gone}. Either\n'
        f"  - keep the operation: in specs/amendments/{vendor}.yaml, add it back "
        f"(`add` at {_pointer(path)}, before the actions that use it) with a reason citing "
        "the vendor's docs that it still exists (and docs/vendors.md), then run the update "
        "again; or\n"
        f'  - retire the kind: remove "{kind}" from the facade (KINDS in '
        f"overlay/taskstatus/_vendors/{vendor}.py and what calls it) and from specs/facade.yaml "
        f"(kinds, operations, reads, states), drop the amendment actions about {at}, run the "
        "update again, and say so in CHANGELOG.md as **Breaking**.\n"
        '  See README.md, "When a vendor changes its spec".'
    )
