"""The fake vendors in a process of their own, driven over stdin/stdout (JSON lines).

The benchmarks start this with ``subprocess`` so that the server's CPU is never counted as the
client's.  It prints ``{"urls": {...}, "key": ...}`` once serving, then answers each command
line:

    {"add": "shannon", "kind": "task", "durations": [0.1, 2.5, ...]}
        -> {"ids": [["task-..."], ...], "created": [<time.monotonic() at creation>, ...]}
    {"requests": "shannon"} -> {"requests": <requests served so far>,
                                 "streams": <event streams opened so far, where it streams>}
    {"push_to": "<url>", "secret": "..."} -> {"ok": true}   (AnchorBrowser webhooks from now on)
    {"task_requests": "anchorbrowser", "kind": "run", "ids": [["..."], ...]}
        -> {"requests": [<status requests each task was asked>, ...]}

``time.monotonic`` is the system-wide monotonic clock on Linux, so a client process can compare
its own readings with ``created``.  The server uses uvloop and httptools when installed (the
bench session installs them) so that it is not the bottleneck of what it measures.
"""

from __future__ import annotations

import asyncio
import json
import sys

from taskstatus.testing import FakeVendors, Script

KEY = "bench-key"


def main() -> int:
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:  # plain asyncio still works, only slower
        pass
    with FakeVendors(KEY) as fakes:
        urls = {name: fakes.url(name) for name in fakes.apps}
        print(json.dumps({"urls": urls, "key": KEY}), flush=True)
        for line in sys.stdin:
            command = json.loads(line)
            if "add" in command:
                app = fakes.apps[command["add"]]
                kind = command["kind"]
                ids = [
                    app.add_task(kind, script=Script(running=d, output="x" * 64))
                    for d in command["durations"]
                ]
                created = [app.tasks[(kind, i)].created for i in ids]
                print(json.dumps({"ids": ids, "created": created}), flush=True)
            elif "push_to" in command:
                fakes.anchorbrowser.push_to(command["push_to"], command["secret"])
                print(json.dumps({"ok": True}), flush=True)
            elif "task_requests" in command:
                app = fakes.apps[command["task_requests"]]
                counts = [app.tasks[(command["kind"], tuple(i))].requests for i in command["ids"]]
                print(json.dumps({"requests": counts}), flush=True)
            elif "requests" in command:
                app = fakes.apps[command["requests"]]
                streams = getattr(app, "streams_opened", 0)
                print(json.dumps({"requests": app.requests, "streams": streams}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
