"""The sign that an answer is on its way: a reaction on a question that has to wait its turn.

Reactions are limited per workspace (reactions.add and reactions.remove have tiers of their own),
so they go on one thread, in order, waiting out 429s. A sign whose answer lands before the sign
was even sent is never sent, and a sign is only taken off a message it was put on — unless the
answer was taken over from an instance that died, which may have put it there.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from typing import Literal

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.outbox import Patience, patiently

log = logging.getLogger("lepbot.slack")

SIGN = "hourglass_flowing_sand"
SIGN_SECONDS = 120.0  # a sign not shown within this is no longer "at once": skip it
HARMLESS = frozenset({"already_reacted", "no_reaction", "message_not_found", "not_reactable"})

Change = Literal["show", "clear"]
Key = tuple[str, str]  # (channel, message ts)


class Signs:
    def __init__(self, client: WebClient, patience: Patience | None = None) -> None:
        self._client = client
        self._patience = patience or Patience()
        self._pending: OrderedDict[Key, Change] = OrderedDict()
        self._shown: set[Key] = set()
        self._changed = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    def show(self, channel: str, ts: str) -> None:
        self._change((channel, ts), "show")

    def clear(self, channel: str, ts: str, *, maybe_elsewhere: bool = False) -> None:
        """Take the sign off again; `maybe_elsewhere`: another instance may have put it on."""
        key = (channel, ts)
        with self._changed:
            if self._pending.get(key) == "show":
                del self._pending[key]
                return
            if key not in self._shown and not maybe_elsewhere:
                return
        self._change(key, "clear")

    def close(self, until: float) -> None:
        """Finish the changes queued, until clock time `until`; the rest are left as they are."""
        self._patience.close(until)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(max(0.0, until - self._patience.clock()))

    def _change(self, key: Key, change: Change) -> None:
        with self._changed:
            if self._closed:
                return
            self._pending[key] = change
            self._pending.move_to_end(key)
            if self._thread is None:  # started by the first sign, after any fork
                self._thread = threading.Thread(target=self._run, name="lepbot-signs", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return
                (channel, ts), change = self._pending.popitem(last=False)
                if change == "show":
                    self._shown.add((channel, ts))
                else:
                    self._shown.discard((channel, ts))
            self._send(channel, ts, change)

    def _send(self, channel: str, ts: str, change: Change) -> None:
        method = self._client.reactions_add if change == "show" else self._client.reactions_remove
        deadline = self._patience.clock() + (SIGN_SECONDS if change == "show" else math.inf)
        try:
            patiently(
                lambda: method(channel=channel, timestamp=ts, name=SIGN), self._patience, deadline
            )
        except SlackApiError as error:
            reason = error.response.get("error") or error.response.status_code
            if reason not in HARMLESS:
                log.warning("could not %s the waiting sign in %s (%s)", change, channel, reason)
        except OSError as error:
            log.warning("could not %s the waiting sign in %s (%s)", change, channel, error)
