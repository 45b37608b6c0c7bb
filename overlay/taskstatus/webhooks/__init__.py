"""Push instead of poll: a receiver for AnchorBrowser webhooks and BrowserAct callbacks.

::

    receiver = taskstatus.webhooks.WebhookReceiver(
        anchorbrowser_secret=os.environ["ANCHOR_WEBHOOK_SECRET"],
        public_url="https://example.com/hooks",
    )
    app.mount("/hooks", receiver)  # Starlette/FastAPI; or: uvicorn.run(receiver)
    anchor = taskstatus.AnchorBrowser(hints=receiver)
    anchor.run(run_id).wait()  # polls at once when a delivery names the run

A delivery is a hint, never the truth: it only makes the waits on the ids it names ask the
vendor now.  Between deliveries such a wait polls every ``safety_interval`` seconds (60 by
default, a client setting), so a lost delivery costs at most that much latency.

Several processes (a web app's workers receiving, scripts or Celery workers waiting): give
every receiver the same ``callback_secret`` (or ``TASKSTATUS_CALLBACK_SECRET``) and the same
``bus=RedisHints(url)``, and every waiting client ``hints=RedisHints(url)``.
"""

from __future__ import annotations

from taskstatus._io.bus import RedisHints
from taskstatus.webhooks._receiver import WebhookReceiver
from taskstatus.webhooks._signature import SignatureError, sign, verify

__all__ = ["RedisHints", "SignatureError", "WebhookReceiver", "sign", "verify"]
