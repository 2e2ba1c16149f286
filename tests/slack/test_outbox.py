"""The lane's promise about long waits: a job is told once, even when the 429 lands after it."""

from __future__ import annotations

import threading
import time

from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.slack.limits import Pace
from bot.slack.outbox import Outbox

CHANNEL = "C0123456789"


class HeldChannel:
    """A client whose first post is answered, when released, with a 429 holding the channel 3 s."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.posts = 0

    def chat_postMessage(self, **_: object) -> dict[str, str]:
        self.posts += 1
        if self.posts == 1:
            self.release.wait(5)
            response = SlackResponse(
                client=None,
                http_verb="POST",
                api_url="chat.postMessage",
                req_args={},
                data={"ok": False, "error": "ratelimited"},
                headers={"Retry-After": "3"},
                status_code=429,
            )
            raise SlackApiError("ratelimited", response)
        return {"ts": f"1.{self.posts}"}


def test_a_job_queued_while_a_post_is_in_flight_is_told_when_slack_holds_the_lane():
    client = HeldChannel()
    outbox = Outbox(client, Pace())  # type: ignore[arg-type]
    told: list[str] = []
    outbox.submit(CHANNEL, "a", lambda poster: poster.post(None, [{"text": "a"}]))
    while client.posts == 0:
        time.sleep(0.01)
    outbox.submit(CHANNEL, "b", lambda poster: None, on_long_wait=lambda: told.append("b"))
    assert told == []  # nothing says yet that the post in flight will be refused
    assert not outbox.must_wait(CHANNEL)
    client.release.set()
    for _ in range(500):
        if told:
            break
        time.sleep(0.01)
    assert told == ["b"]
    assert outbox.must_wait(CHANNEL)
    assert outbox.close(until=time.monotonic() + 2) == [
        "a",
        "b",
    ]  # held past the bound: handed back
    assert told == ["b"]  # told once
