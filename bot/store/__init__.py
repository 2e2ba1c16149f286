"""State that outlives one process: thread context, and the record of Slack events and answers.

Two kinds of record, behind one interface, so every instance of lepbot sees the same ones:

- **context**: the last question of each conversation (a Slack thread), so "and Cumbria?" follows
  on after a restart or on another instance;
- **claims**: each question lepbot has taken on. A claim is held by one owner (a process) under a
  lease it keeps renewing, with the answer it still owes; it ends *answered*. A claim whose owner
  stopped renewing (it died, or handed the work back while shutting down) can be taken over.

Backends store text (the codec turns values into it): SQLite in the user data directory by
default, Redis when a URL is set, memory for tests. Every failure is a StoreError.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal, Protocol

ClaimOutcome = Literal["mine", "answered", "taken"]
StoreKind = Literal["memory", "sqlite", "redis"]

CONTEXT_SECONDS = 30 * 24 * 3600  # a thread picked up again within a month still follows on
CLAIM_SECONDS = 24 * 3600  # far beyond Slack's last retry (minutes) and lepbot's delivery deadline
SQLITE_FILE = "slack-state.sqlite3"


class StoreError(Exception):
    """The store could not be read or written; str() says which store, never a password."""


class Store(Protocol):
    kind: StoreKind
    where: str  # for messages: the file, or Redis's host:port (never a password)

    def load_context(self, key: str) -> str | None: ...

    def save_context(self, key: str, value: str) -> None: ...

    def claim(self, claim: str, owner: str, lease: float) -> ClaimOutcome:
        """Take `claim` for `lease` seconds: "mine" if it was new or its lease had lapsed
        unanswered, "answered" if it is done, "taken" if another live lease holds it."""

    def hold(self, claim: str, owner: str, work: str) -> None:
        """Keep with the owner's claim what is still owed, for whoever takes it over."""

    def renew(self, claims: Collection[str], owner: str, lease: float) -> None:
        """Extend the owner's leases on `claims` by `lease` seconds from now."""

    def finish(self, claim: str) -> None:
        """Record `claim` as answered: nobody takes it again."""

    def release(self, claim: str, owner: str) -> None:
        """End the owner's lease now, leaving the work for another instance."""

    def orphans(self, limit: int) -> list[tuple[str, str]]:
        """Unanswered claims with work held and no live lease: (claim, work)."""

    def ping(self) -> bool:
        """Whether the store answers (for /health)."""

    def close(self) -> None: ...


def open_store(redis_url: str | None, directory: Path) -> Store:
    """Redis at `redis_url` if given, else the SQLite file in `directory`."""
    if redis_url:
        from bot.store.redis import RedisStore

        return RedisStore(redis_url)
    from bot.store.sqlite import SqliteStore

    return SqliteStore(directory / SQLITE_FILE)
