"""One webhook receiver process of benchmarks/push_across.py: ``python _receiver_process.py
PORT``; its secret and bus from the environment (what a web app's workers share)."""

from __future__ import annotations

import os
import sys

import uvicorn
from taskstatus.webhooks import RedisHints, WebhookReceiver

port = int(sys.argv[1])
receiver = WebhookReceiver(
    anchorbrowser_secret=os.environ["BENCH_SECRET"], bus=RedisHints(os.environ["BENCH_BROKER"])
)
uvicorn.run(receiver, host="127.0.0.1", port=port, log_level="warning")
