"""What ``install()`` requires of the app's broker, so that a dead worker's runs come back.

RabbitMQ requeues a consumer's unacknowledged messages as soon as its connection drops.
Redis (kombu's transport) redelivers them only after ``visibility_timeout``, found by a sweep
every ``unacked_restore_interval`` x ``unacked_restore_throttle`` seconds (10 x 10 by
default): a message whose countdown is longer than the visibility timeout is redelivered while
it waits, so the timeout must exceed the longest countdown a watch sends (``MAX_COUNTDOWN``).
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery

from taskstatus._errors import ConfigurationError

log = logging.getLogger("taskstatus")
RESTORE_SWEEP = {"unacked_restore_interval": 1, "unacked_restore_throttle": 1}
DEFAULT_VISIBILITY = 3600.0  # kombu's


def scheme(app: Celery) -> str:
    return str(app.conf.broker_url or "").split(":", 1)[0].lower()


def is_redis(app: Celery) -> bool:
    return scheme(app) in ("redis", "rediss", "redis+socket", "sentinel")


def prepare(app: Celery, max_countdown: float, state_url: str | None) -> None:
    """Refuse a broker set-up that would lose or delay watches; set the restore sweep."""
    if not is_redis(app):
        if state_url is None and not app.conf.get("taskstatus_state_url"):
            raise ConfigurationError(
                f"taskstatus.celery keeps its watches in Redis: give install() state_url= "
                f"(the broker is {scheme(app) or 'not set'}, not Redis)"
            )
        return
    options: dict[str, Any] = dict(app.conf.broker_transport_options or {})
    visibility = float(options.get("visibility_timeout", DEFAULT_VISIBILITY))
    if visibility <= max_countdown:
        raise ConfigurationError(
            f"broker_transport_options visibility_timeout={visibility:g} s must be above "
            f"{max_countdown:g} s, the longest countdown of a watch's runs: Redis would "
            "redeliver every waiting run"
        )
    missing = {k: v for k, v in RESTORE_SWEEP.items() if k not in options}
    if missing:  # kombu's default sweep finds a dead worker's runs only every 100 s
        options.update(missing)
        app.conf.broker_transport_options = options
        log.info("taskstatus.celery set broker_transport_options %s", missing)
