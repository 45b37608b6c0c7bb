"""One receiver process of the cross-process tests: ``python serve_receiver.py PORT``, its
configuration from the environment (what every web-app worker of a deployment shares)."""

from __future__ import annotations

import os
import sys

import uvicorn
from taskstatus.webhooks import RedisHints, WebhookReceiver

port = int(sys.argv[1])
bus = RedisHints(os.environ["TEST_BUS_URL"])
receiver = WebhookReceiver(  # the callback secret: TASKSTATUS_CALLBACK_SECRET
    anchorbrowser_secret=os.environ["TEST_ANCHOR_SECRET"],
    public_url=f"http://127.0.0.1:{port}",
    bus=bus,
)
uvicorn.run(receiver, host="127.0.0.1", port=port, log_level="warning")
