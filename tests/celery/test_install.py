"""What ``taskstatus.celery.install()`` requires of a broker, checked without one running:
a Redis broker whose visibility timeout would redeliver waiting runs is refused, the restore
sweep is set when not configured, and a broker that is not Redis needs ``state_url``."""

from __future__ import annotations

import logging

import pytest
import taskstatus
from celery import Celery
from taskstatus import celery as taskstatus_celery
from taskstatus.testing import FakeVendors


def _app(broker: str, **options: float) -> Celery:
    app = Celery("install-checks", broker=broker)
    if options:
        app.conf.broker_transport_options = dict(options)
    return app


def test_a_visibility_timeout_not_above_the_longest_countdown_is_refused() -> None:
    app = _app("redis://127.0.0.1:1/0", visibility_timeout=taskstatus_celery.MAX_COUNTDOWN)
    with pytest.raises(taskstatus.ConfigurationError, match="visibility_timeout=1 s"):
        taskstatus_celery.install(app)
    assert "taskstatus.watch" not in app.tasks


def test_the_restore_sweep_is_set_unless_configured(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="taskstatus"):
        app = _app("redis://127.0.0.1:1/0", visibility_timeout=30)
        taskstatus_celery.install(app)
    options = app.conf.broker_transport_options
    assert options == {"visibility_timeout": 30, "unacked_restore_interval": 1,
                       "unacked_restore_throttle": 1}  # fmt: skip
    assert "unacked_restore_interval" in caplog.text
    mine = _app("redis://127.0.0.1:1/0", unacked_restore_interval=5, unacked_restore_throttle=2)
    taskstatus_celery.install(mine)
    assert mine.conf.broker_transport_options["unacked_restore_interval"] == 5
    assert mine.conf.broker_transport_options["unacked_restore_throttle"] == 2


def test_a_broker_other_than_redis_needs_state_url() -> None:
    app = _app("amqp://guest:guest@127.0.0.1:1//")
    with pytest.raises(taskstatus.ConfigurationError, match="state_url"):
        taskstatus_celery.install(app)
    taskstatus_celery.install(app, state_url="redis://127.0.0.1:1/0")
    assert "taskstatus.watch" in app.tasks


def test_watch_before_install_and_bad_settings_are_refused() -> None:
    with pytest.raises(taskstatus.ConfigurationError, match="lanes and batch"):
        taskstatus_celery.install(_app("redis://127.0.0.1:1/0"), batch=0)
    app = _app("redis://127.0.0.1:1/0")
    with FakeVendors() as fakes, fakes.client("shannon") as shannon:
        token = shannon.task("task-x").token()
    with pytest.raises(taskstatus.ConfigurationError, match="install"):
        taskstatus_celery.watch(app, token, timeout=10)
