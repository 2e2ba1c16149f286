"""Messages from bots, this one included, are not questions: answering them could loop."""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse


class IgnoreBots(Middleware):
    """Acknowledge and drop events posted by any bot (Bolt already drops lepbot's own)."""

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        event = req.body.get("event") or {}
        if event.get("bot_id") or event.get("subtype") == "bot_message":
            return BoltResponse(status=200, body="")
        return next()
