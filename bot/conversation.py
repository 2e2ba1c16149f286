"""Conversation context for follow-ups, keyed by where the conversation happens."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from bot.slack.markup import unwrap
from intents import Turn, respond
from intents.dataset.model import Dataset
from intents.reading.query import Query

MAX_CONVERSATIONS = 2000


class Conversations:
    """The last question of each conversation (a Slack thread, a terminal), bounded LRU.

    Slack threads are answered concurrently, so access is locked; a key never sees another's
    context.
    """

    def __init__(self, dataset: Dataset, limit: int = MAX_CONVERSATIONS) -> None:
        self.dataset = dataset
        self._limit = limit
        self._last: OrderedDict[Hashable, Query] = OrderedDict()
        self._lock = threading.Lock()

    def ask(self, text: str, key: Hashable | None = None) -> Turn:
        """Answer in the conversation `key`; None means a fresh, unremembered question."""
        with self._lock:
            last = self._last.get(key) if key is not None else None
        turn = respond(unwrap(text), self.dataset, last)
        if key is not None:
            with self._lock:
                self._last[key] = turn.query
                self._last.move_to_end(key)
                while len(self._last) > self._limit:
                    self._last.popitem(last=False)
        return turn
