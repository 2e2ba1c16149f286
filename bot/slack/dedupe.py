"""One answer per Slack event, however many times Slack delivers it.

Slack re-sends an event it thinks we missed (X-Slack-Retry-Num), with the same event_id. Events are
acknowledged before they are answered, so a retry means the first delivery failed to arrive or
was slow; an event_id already seen, or a retry because we were slow, is acknowledged and dropped.
A retry for an event this process never saw (the first delivery failed) is answered once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger("lepbot.slack")

SEEN_FOR_SECONDS = 3600.0  # Slack's retries come within minutes
SEEN_LIMIT = 10_000


class SeenSet:
    """Keys seen in the last `ttl` seconds, at most `limit` of them; safe across threads."""

    def __init__(
        self,
        ttl: float = SEEN_FOR_SECONDS,
        limit: int = SEEN_LIMIT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._limit = limit
        self._clock = clock
        self._seen: OrderedDict[Hashable, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, key: Hashable) -> bool:
        """Record `key`; True if it was not already seen within the window."""
        now = self._clock()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) <= now - self._ttl:
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            while len(self._seen) > self._limit:
                self._seen.popitem(last=False)
            return True


def _header(req: BoltRequest, name: str) -> str:
    values = req.headers.get(name) or [""]
    return values[0]


class SkipRepeats(Middleware):
    """Acknowledge and drop repeated deliveries of an event (see the module docstring)."""

    def __init__(self, seen: SeenSet) -> None:
        self._seen = seen

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        if req.body.get("type") != "event_callback":
            return next()
        event_id = req.body.get("event_id")
        retry = _header(req, "x-slack-retry-num")
        reason = _header(req, "x-slack-retry-reason")
        if retry and "timeout" in reason:
            log.info("dropped retry %s of %s (%s)", retry, event_id, reason)
            return BoltResponse(status=200, body="")
        if event_id and not self._seen.first_time(event_id):
            log.info("dropped repeated event %s (retry %s)", event_id, retry or "none")
            return BoltResponse(status=200, body="")
        return next()
