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
"""

from __future__ import annotations

from taskstatus.webhooks._receiver import WebhookReceiver
from taskstatus.webhooks._signature import SignatureError, sign, verify

__all__ = ["SignatureError", "WebhookReceiver", "sign", "verify"]
