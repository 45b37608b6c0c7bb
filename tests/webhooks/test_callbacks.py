"""BrowserAct callback URLs that need no server memory: a token verifies by itself under the
callback secret, so another receiver of the same configuration (or one restarted) accepts it."""

from __future__ import annotations

import json

import pytest
from taskstatus.webhooks import WebhookReceiver
from taskstatus.webhooks._callbacks import make, valid

SECRET = "cb-secret-for-tests"
URL = "https://hooks.example/hooks"


def _token(url: str) -> str:
    return url.removeprefix(f"{URL}/browseract/")


def _body(task_id: str) -> bytes:
    return json.dumps({"id": task_id, "status": "finished"}).encode()


def test_a_url_made_by_one_receiver_is_accepted_by_another_of_the_same_secret() -> None:
    maker = WebhookReceiver(public_url=URL, callback_secret=SECRET)
    token = _token(maker.browseract_callback_url())
    restarted = WebhookReceiver(public_url=URL, callback_secret=SECRET)  # no memory of it
    assert restarted.browseract(token, _body("42"))[0] == 200
    assert WebhookReceiver(public_url=URL, callback_secret="other").browseract(
        token, _body("42"))[0] == 404  # fmt: skip


def test_the_secret_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TASKSTATUS_CALLBACK_SECRET", SECRET)
    token = _token(WebhookReceiver(public_url=URL).browseract_callback_url())
    assert WebhookReceiver(public_url=URL, callback_secret=SECRET).browseract(
        token, _body("7"))[0] == 200  # fmt: skip
    monkeypatch.delenv("TASKSTATUS_CALLBACK_SECRET")
    assert not WebhookReceiver(public_url=URL).callbacks_survive_restarts


def test_without_a_secret_only_the_receiver_that_made_a_url_accepts_it() -> None:
    maker = WebhookReceiver(public_url=URL)
    token = _token(maker.browseract_callback_url())
    assert maker.browseract(token, _body("1"))[0] == 200
    assert WebhookReceiver(public_url=URL).browseract(token, _body("1"))[0] == 404


def test_tampered_and_guessed_tokens_are_refused() -> None:
    receiver = WebhookReceiver(public_url=URL, callback_secret=SECRET)
    token = _token(receiver.browseract_callback_url())
    for position in range(len(token)):
        swapped = "A" if token[position] != "A" else "B"
        tampered = token[:position] + swapped + token[position + 1 :]
        assert receiver.browseract(tampered, _body("1"))[0] == 404, position
    nonce = token.split(".")[0]
    for guess in ["", ".", nonce, f"{nonce}.", f".{token.split('.')[1]}", token + "x",
                  "é" * 10, "a" * 500, make(b"another key")]:  # fmt: skip
        assert receiver.browseract(guess, _body("1"))[0] == 404, guess
    assert receiver.counts["refused"] == len(token) + 9
    assert receiver.counts["accepted"] == 0


def test_a_url_serves_the_one_task_it_was_first_called_back_for() -> None:
    receiver = WebhookReceiver(public_url=URL, callback_secret=SECRET)
    token = _token(receiver.browseract_callback_url())
    assert receiver.browseract(token, _body("1"))[0] == 200
    assert receiver.browseract(token, _body("1"))[0] == 200  # the end after a change
    assert receiver.browseract(token, _body("2"))[0] == 409


def test_the_secret_is_never_shown() -> None:
    receiver = WebhookReceiver(public_url=URL, callback_secret=SECRET,
                               anchorbrowser_secret="whsec_x")  # fmt: skip
    url = receiver.browseract_callback_url()
    assert SECRET not in url
    assert SECRET not in repr(receiver)
    assert "whsec_x" not in repr(receiver)
    assert valid(SECRET.encode(), _token(url))
