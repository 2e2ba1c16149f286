"""One answer per question, across restarts and instances, decided by what happened to it.

Before a question is acknowledged it is claimed in the shared store (bot.store). Slack may
deliver it again — a retry after a timeout or an error, to this instance or another — and
whatever the retry's headers say, the store says what to do: answered anywhere, drop it; claimed
by a live instance, drop it (that instance answers); claimed by one that stopped renewing its
lease (it died), take it over. The caretaker keeps this process's leases alive and takes over
answers that other instances left unfinished, so one that died or shut down loses nothing.

A store that cannot be reached fails open: the question is answered, at the risk of an answer
twice if Slack retries it, rather than none.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterable

from slack_bolt.middleware import Middleware
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.slack.events import is_question
from bot.slack.outbox import DELIVERY_SECONDS
from bot.store import ClaimOutcome, Store, StoreError

log = logging.getLogger("lepbot.slack")

LEASE_SECONDS = 10.0  # how soon a dead instance's answers are taken over
SWEEP_SECONDS = 2.5  # leases are renewed, and orphans looked for, this often
HOLD_SECONDS = DELIVERY_SECONDS + 60  # no claim is kept alive longer than its answer may wait
ORPHANS_PER_SWEEP = 50


def new_owner() -> str:
    """This process, as the store's leases name it."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Ledger:
    """This process's side of the store's claims: what it holds, renewed until it lets go."""

    def __init__(
        self,
        store: Store,
        owner: str | None = None,
        lease: float = LEASE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.owner = owner or new_owner()
        self._lease = lease
        self._clock = clock
        self._held: dict[str, float] = {}  # claim -> when this process took it
        self._lock = threading.Lock()

    def holds(self, claim: str) -> bool:
        with self._lock:
            return claim in self._held

    def claim(self, claim: str) -> ClaimOutcome:
        try:
            outcome = self.store.claim(claim, self.owner, self._lease)
        except StoreError as error:
            log.warning("answering %s unclaimed: %s", claim, error)
            outcome = "mine"
        if outcome == "mine":
            with self._lock:
                self._held[claim] = self._clock()
        return outcome

    def hold(self, claim: str, work: str) -> None:
        try:
            self.store.hold(claim, self.owner, work)
        except StoreError as error:
            log.warning("answer for %s not kept in the store: %s", claim, error)

    def finish(self, claim: str) -> None:
        with self._lock:
            self._held.pop(claim, None)
        try:
            self.store.finish(claim)
        except StoreError as error:
            log.warning("answer to %s not recorded: %s", claim, error)

    def release(self, claims: Iterable[str]) -> None:
        """Let go of claims whose work is left for another instance."""
        for claim in claims:
            with self._lock:
                self._held.pop(claim, None)
            try:
                self.store.release(claim, self.owner)
            except StoreError as error:
                log.warning("could not hand %s back: %s", claim, error)

    def renew(self) -> None:
        now = self._clock()
        with self._lock:
            for claim in [c for c, taken in self._held.items() if now - taken > HOLD_SECONDS]:
                del self._held[claim]
            held = list(self._held)
        if held:
            try:
                self.store.renew(held, self.owner, self._lease)
            except StoreError as error:
                log.warning("leases not renewed: %s", error)

    def orphans(self) -> list[tuple[str, str]]:
        try:
            return self.store.orphans(ORPHANS_PER_SWEEP)
        except StoreError as error:
            log.warning("could not look for unfinished answers: %s", error)
            return []


class ClaimQuestions(Middleware):
    """Claim each question before Bolt acknowledges it; drop it if the store says it is not ours.

    While the process shuts down nothing new is taken: Slack gets no acknowledgement and delivers
    the request again (to another connection, or after the restart).
    """

    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger
        self.closing = False

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        if self.closing:
            return BoltResponse(status=503, body="shutting down")
        event_id = req.body.get("event_id")
        if req.body.get("type") != "event_callback" or not event_id:
            return next()
        if not is_question(req.body.get("event") or {}):
            return next()
        outcome = self._ledger.claim(event_id)
        if outcome == "mine":
            return next()
        retry = (req.headers.get("x-slack-retry-num") or ["-"])[0]
        reason = (req.headers.get("x-slack-retry-reason") or ["-"])[0]
        log.info("dropped %s: %s (retry %s, %s)", event_id, outcome, retry, reason)
        return BoltResponse(status=200, body="")


class Caretaker:
    """Renews this process's leases and takes over answers whose owner stopped renewing theirs."""

    def __init__(
        self, ledger: Ledger, adopt: Callable[[str, str], None], every: float = SWEEP_SECONDS
    ) -> None:
        self._ledger = ledger
        self._adopt = adopt
        self._every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.adopting = True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="lepbot-caretaker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """No more sweeps; one under way (a slow store) is not waited for beyond a second."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)

    def sweep(self) -> None:
        self._ledger.renew()
        if not self.adopting:
            return
        for claim, work in self._ledger.orphans():
            if self._ledger.holds(claim) or not self.adopting:
                continue
            if self._ledger.claim(claim) == "mine":
                log.info("taking over the unfinished answer to %s", claim)
                self._adopt(claim, work)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self.sweep()
            except Exception:
                log.exception("caretaker sweep failed")
