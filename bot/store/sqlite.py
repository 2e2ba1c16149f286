"""The store in one SQLite file: survives restarts, shared by every lepbot process on the machine.

WAL lets readers and one writer work at once, the busy timeout makes a writer wait its turn
rather than fail, and a claim is decided by one statement (an upsert that takes the row only if
it is new or its lease has lapsed unanswered), so two processes never both get "mine". Times
are wall-clock seconds, which all processes on one machine share.
Rows past their retention are deleted as claims are made (SQLite has no expiry of its own).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.store import CLAIM_SECONDS, CONTEXT_SECONDS, ClaimOutcome, StoreError, StoreKind

BUSY_TIMEOUT_MS = 5000
PRUNE_EVERY_SECONDS = 600.0
SCHEMA = """
CREATE TABLE IF NOT EXISTS contexts (
    key TEXT PRIMARY KEY, value TEXT NOT NULL, saved REAL NOT NULL);
CREATE INDEX IF NOT EXISTS contexts_by_age ON contexts (saved);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    answered INTEGER NOT NULL DEFAULT 0,
    owner TEXT NOT NULL DEFAULT '',
    lease_until REAL NOT NULL DEFAULT 0,
    work TEXT,
    seen REAL NOT NULL);
CREATE INDEX IF NOT EXISTS claims_by_age ON claims (seen);
CREATE INDEX IF NOT EXISTS claims_waiting ON claims (lease_until) WHERE answered = 0;
"""


def _to_wal(db: sqlite3.Connection) -> None:
    """Put the file in WAL mode. The switch needs the file to itself and SQLite does not wait
    for it (the busy timeout does not apply), so processes opening a new file together would
    fail with 'database is locked': the mode is read first (WAL persists, so once is enough)
    and the switch retried, with backoff, within the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.01
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                return
            if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("could not switch the state file to WAL mode")
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


class SqliteStore:
    kind: StoreKind = "sqlite"

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.where = str(path)
        self._clock = clock
        self._lock = threading.Lock()
        self._pruned = 0.0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _to_wal(self._db)
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(SCHEMA)
        except (sqlite3.Error, OSError) as error:
            raise StoreError(f"cannot open the state file {path}: {error}") from None

    @contextmanager
    def _sql(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as error:
                raise StoreError(f"state file {self.path}: {error}") from None

    def load_context(self, key: str) -> str | None:
        with self._sql() as db:
            row = db.execute("SELECT value FROM contexts WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def save_context(self, key: str, value: str) -> None:
        with self._sql() as db:
            db.execute(
                "INSERT INTO contexts (key, value, saved) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, saved = excluded.saved",
                (key, value, self._clock()),
            )

    def claim(self, claim: str, owner: str, lease: float) -> ClaimOutcome:
        now = self._clock()
        with self._sql() as db:
            taken = db.execute(
                "INSERT INTO claims (id, owner, lease_until, seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, "
                "lease_until = excluded.lease_until "
                "WHERE claims.answered = 0 AND claims.lease_until <= ?",
                (claim, owner, now + lease, now, now),
            ).rowcount
            answered = (
                None
                if taken
                else db.execute("SELECT answered FROM claims WHERE id = ?", (claim,)).fetchone()
            )
            if now - self._pruned > PRUNE_EVERY_SECONDS:
                db.execute("DELETE FROM claims WHERE seen < ?", (now - CLAIM_SECONDS,))
                db.execute("DELETE FROM contexts WHERE saved < ?", (now - CONTEXT_SECONDS,))
                self._pruned = now
        if taken:
            return "mine"
        return "answered" if answered and answered[0] else "taken"

    def hold(self, claim: str, owner: str, work: str) -> None:
        with self._sql() as db:
            db.execute(
                "UPDATE claims SET work = ? WHERE id = ? AND owner = ? AND answered = 0",
                (work, claim, owner),
            )

    def renew(self, claims: Collection[str], owner: str, lease: float) -> None:
        ids = list(claims)
        until = self._clock() + lease
        with self._sql() as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                db.execute(
                    f"UPDATE claims SET lease_until = ? WHERE owner = ? AND answered = 0 "
                    f"AND id IN ({','.join('?' * len(chunk))})",
                    (until, owner, *chunk),
                )

    def finish(self, claim: str) -> None:
        with self._sql() as db:
            db.execute(
                "INSERT INTO claims (id, answered, seen) VALUES (?, 1, ?) "
                "ON CONFLICT (id) DO UPDATE SET answered = 1, work = NULL, lease_until = 0",
                (claim, self._clock()),
            )

    def release(self, claim: str, owner: str) -> None:
        with self._sql() as db:
            db.execute(
                "UPDATE claims SET lease_until = 0 WHERE id = ? AND owner = ? AND answered = 0",
                (claim, owner),
            )

    def orphans(self, limit: int) -> list[tuple[str, str]]:
        with self._sql() as db:
            rows = db.execute(
                "SELECT id, work FROM claims WHERE answered = 0 AND work IS NOT NULL "
                "AND lease_until <= ? ORDER BY seen LIMIT ?",
                (self._clock(), limit),
            ).fetchall()
        return [(claim, work) for claim, work in rows]

    def ping(self) -> bool:
        try:
            with self._sql() as db:
                db.execute("SELECT 1 FROM claims LIMIT 1").fetchall()
        except StoreError:
            return False
        return True

    def close(self) -> None:
        with self._lock:
            self._db.close()
