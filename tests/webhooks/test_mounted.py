"""The receiver mounted in a Starlette app (what FastAPI's ``app.mount`` does): its routes
answer below the mount point, deliveries wake the waits on their tasks, and other routes of
the app are left alone."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from taskstatus.webhooks import WebhookReceiver, sign

SECRET = "whsec_mounted"


def _app(receiver: WebhookReceiver) -> Starlette:
    async def home(request: object) -> PlainTextResponse:
        return PlainTextResponse("the app's own page")

    return Starlette(routes=[Route("/", home), Mount("/hooks", app=receiver)])


def test_a_mounted_receiver_takes_deliveries_below_its_mount_point() -> None:
    receiver = WebhookReceiver(anchorbrowser_secret=SECRET, public_url="http://app.test/hooks",
                               callback_secret="cb")  # fmt: skip
    woken: list[str] = []
    receiver.subscribe("run-1", lambda: woken.append("run-1"))
    receiver.subscribe("42", lambda: woken.append("42"))
    event = {"id": "evt_1", "type": "task.completed", "data": {"run_id": "run-1"}}
    body = json.dumps(event).encode()
    now = int(time.time())
    headers = {"anchor-timestamp": str(now), "anchor-signature": sign(SECRET, now, body),
               "content-type": "application/json"}  # fmt: skip
    callback = receiver.browseract_callback_url()
    assert callback.startswith("http://app.test/hooks/browseract/")

    async def main() -> list[int]:
        transport = httpx.ASGITransport(app=_app(receiver))
        async with httpx.AsyncClient(transport=transport, base_url="http://app.test") as http:
            page = await http.get("/")
            assert page.text == "the app's own page"
            answers = [
                await http.post("/hooks/anchorbrowser", content=body, headers=headers),
                await http.post(
                    callback.removeprefix("http://app.test"),
                    json={"id": "42", "status": "finished"},
                ),
                await http.post("/anchorbrowser", content=body, headers=headers),  # not mounted
            ]
            return [a.status_code for a in answers]

    codes = asyncio.run(main())
    assert codes[:2] == [200, 200]
    assert codes[2] == 404  # the app's own 404: the receiver answers only below /hooks
    assert sorted(woken) == ["42", "run-1"]
    assert receiver.counts["accepted"] == 2
