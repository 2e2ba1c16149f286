"""Conversation context for follow-ups, keyed by where the conversation happens.

The last Query of each conversation is kept in a store: in memory for the terminal, in the shared
store for Slack, so a follow-up in a thread carries on after a restart or on another instance.
A message about nothing in the data ('ugh, my train's cancelled') is not remembered, so the
thread picks up where it was after the aside. A stored context that no longer reads (an older lepbot wrote it) is dropped, and a store that
cannot be reached costs the follow-up its context; neither ever fails the question.
"""

from __future__ import annotations

import logging

from bot.slack.markup import unwrap
from bot.store import Store, StoreError, codec
from bot.store.memory import MemoryStore
from intents import Turn, respond
from intents.dataset.model import Dataset
from intents.reading.query import Query

log = logging.getLogger("lepbot")


class Conversations:
    def __init__(self, dataset: Dataset, store: Store | None = None) -> None:
        self.dataset = dataset
        self._store = store if store is not None else MemoryStore()

    def ask(self, text: str, key: str | None = None) -> Turn:
        """Answer in the conversation `key`; None means a fresh, unremembered question."""
        last = self.last(key) if key is not None else None
        turn = respond(unwrap(text), self.dataset, last)
        if key is not None and not _aside(turn.query):
            self.remember(key, turn.query)
        return turn

    def last(self, key: str) -> Query | None:
        try:
            stored = self._store.load_context(key)
        except StoreError as error:
            log.warning("answered without context: %s", error)
            return None
        if stored is None:
            return None
        try:
            return codec.loads(Query, stored)
        except codec.Unreadable as error:
            log.info("dropped a stored context that no longer reads (%s)", error)
            return None

    def remember(self, key: str, query: Query) -> None:
        try:
            self._store.save_context(key, codec.dumps(query))
        except StoreError as error:
            log.warning("context not kept: %s", error)


def _aside(query: Query) -> bool:
    """'ugh my train is cancelled', 'is it raining in Hull?': out of scope and about no measure
    in the data, so the thread's context stays for the question after it ('placements in
    Wales?' still lends its measure). An area with a word nothing read ('Tees Valley growth?')
    is kept: the next turn may name the measure for it."""
    if query.intent != "unknown" or query.indicators or query.groups:
        return False
    return not query.areas or query.reason == "weather"
