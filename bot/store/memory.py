"""The store in this process's memory: for the terminal, the evaluation and tests that ask for it.

Nothing survives the process, and no other process sees it, so `lepbot serve` never uses it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass

from bot.store import ClaimOutcome, StoreKind

MAX_CONTEXTS = 2000
MAX_CLAIMS = 10_000


@dataclass
class _Claim:
    owner: str
    lease_until: float
    work: str | None = None
    answered: bool = False


class MemoryStore:
    kind: StoreKind = "memory"
    where = "this process's memory"

    def __init__(
        self, limit: int = MAX_CONTEXTS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._limit = limit
        self._clock = clock
        self._contexts: OrderedDict[str, str] = OrderedDict()
        self._claims: dict[str, _Claim] = {}
        self._lock = threading.Lock()

    def load_context(self, key: str) -> str | None:
        with self._lock:
            return self._contexts.get(key)

    def save_context(self, key: str, value: str) -> None:
        with self._lock:
            self._contexts[key] = value
            self._contexts.move_to_end(key)
            while len(self._contexts) > self._limit:
                self._contexts.popitem(last=False)

    def claim(self, claim: str, owner: str, lease: float) -> ClaimOutcome:
        now = self._clock()
        with self._lock:
            held = self._claims.get(claim)
            if held is not None and held.answered:
                return "answered"
            if held is not None and held.lease_until > now:
                return "taken"
            if held is None:
                self._claims[claim] = _Claim(owner, now + lease)
                while len(self._claims) > MAX_CLAIMS:
                    del self._claims[next(iter(self._claims))]
            else:
                held.owner, held.lease_until = owner, now + lease
            return "mine"

    def hold(self, claim: str, owner: str, work: str) -> None:
        with self._lock:
            held = self._claims.get(claim)
            if held is not None and held.owner == owner and not held.answered:
                held.work = work

    def renew(self, claims: Collection[str], owner: str, lease: float) -> None:
        until = self._clock() + lease
        with self._lock:
            for claim in claims:
                held = self._claims.get(claim)
                if held is not None and held.owner == owner and not held.answered:
                    held.lease_until = until

    def finish(self, claim: str) -> None:
        with self._lock:
            self._claims[claim] = _Claim(owner="", lease_until=0.0, answered=True)

    def release(self, claim: str, owner: str) -> None:
        with self._lock:
            held = self._claims.get(claim)
            if held is not None and held.owner == owner and not held.answered:
                held.lease_until = 0.0

    def orphans(self, limit: int) -> list[tuple[str, str]]:
        now = self._clock()
        with self._lock:
            found = [
                (claim, held.work)
                for claim, held in self._claims.items()
                if not held.answered and held.work is not None and held.lease_until <= now
            ]
        return found[:limit]

    def ping(self) -> bool:
        return True

    def close(self) -> None:
        pass
