"""Everything lepbot posts waits its turn here, so Slack's rate limits delay answers, never drop them.

Each channel has a lane: its messages go in order, paced at Slack's per-channel rate (limits.py),
and a 429 holds the lane for Retry-After before the same message is tried again — for as long as
it takes, up to a generous deadline. A job may ask to be told when it is due to wait long
(`on_long_wait`): once, when it is queued behind a long wait or when a 429 makes its wait long —
so a question asked while a refused post is still in flight is signed all the same. Lanes for
different channels run side by side. A shutdown
gives lanes until a bound to finish; work that cannot (a lane held past it) is handed back by
claim, so the store can pass it to another instance.

The other methods lepbot calls (file uploads, reactions) are limited per workspace, not per
channel; `patiently` waits out their 429s the same way on the one thread that makes them.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Message
from bot.slack.limits import (
    Pace,
    after_send,
    backoff,
    expected_wait,
    retry_after,
    verdict,
    wait_before_send,
)

log = logging.getLogger("lepbot.slack")
T = TypeVar("T")

DELIVERY_SECONDS = 600.0  # how long an answer may wait for Slack before lepbot gives up on it
LANE_THREADS = 32  # channels posting at once; more wait for a free thread, none is dropped
LONG_WAIT_TURNS = 2.0  # a wait of this many paced turns (2 s) is long enough to say so


class OutOfTime(Exception):
    """The message could not go before its deadline, or before the shutdown bound."""

    def __init__(self, shutting_down: bool) -> None:
        super().__init__("shutting down" if shutting_down else "deadline passed")
        self.shutting_down = shutting_down


class Unpostable(Exception):
    """Slack will take no message here (not_in_channel, is_archived…): `error` says which."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class Refused(Exception):
    """Slack refused every form of the message."""


Work = Callable[["Poster"], None]
Notice = Callable[[], None]


@dataclass
class _Job:
    claim: str | None
    work: Work
    deadline: float
    on_long_wait: Notice | None = None  # called once, outside the lock; then cleared


@dataclass
class _Lane:
    channel: str
    jobs: deque[_Job] = field(default_factory=deque)
    running: bool = False
    tat: float = 0.0  # theoretical arrival time of the next message (limits.py)
    held_until: float = 0.0  # Slack's Retry-After, or a server error's back-off


class Outbox:
    """Per-channel lanes of work that posts messages (see the module docstring)."""

    def __init__(
        self,
        client: WebClient,
        pace: Pace,
        deadline: float = DELIVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.pace = pace
        self._deadline = deadline
        self._clock = clock
        self._lanes: dict[str, _Lane] = {}
        self._changed = threading.Condition()
        self._closing_at = math.inf
        self._handed_back: list[str] = []
        # No thread starts before the first message (gunicorn forks after this is built).
        self._threads = ThreadPoolExecutor(LANE_THREADS, thread_name_prefix="lepbot-lane")

    def submit(
        self, channel: str, claim: str | None, work: Work, on_long_wait: Notice | None = None
    ) -> None:
        """Queue `work` in the channel's lane, behind what is already waiting there."""
        with self._changed:
            now = self._clock()
            if len(self._lanes) > 4 * LANE_THREADS:
                self._forget_idle_lanes(now)
            lane = self._lanes.setdefault(channel, _Lane(channel))
            lane.jobs.append(_Job(claim, work, now + self._deadline, on_long_wait))
            due = self._long_waits(lane, now, start=len(lane.jobs) - 1)
            if not lane.running:
                lane.running = True
                self._threads.submit(self._drain, lane)
        _notify(due)

    def must_wait(self, channel: str) -> bool:
        """Whether a message queued now in `channel` would wait long enough to say so."""
        with self._changed:
            lane = self._lanes.get(channel)
            if lane is None:
                return False
            return self._turns(lane, len(lane.jobs), self._clock()) >= LONG_WAIT_TURNS

    def _turns(self, lane: _Lane, ahead: int, now: float) -> float:
        wait = expected_wait(lane.tat, lane.held_until, ahead, now, self.pace)
        return wait / self.pace.interval

    def _long_waits(self, lane: _Lane, now: float, start: int = 0) -> list[Notice]:
        """Take the notices of jobs from `start` on that are now due to wait long (lock held)."""
        due = []
        for ahead, job in enumerate(lane.jobs):
            if ahead < start or job.on_long_wait is None:
                continue
            if self._turns(lane, ahead, now) >= LONG_WAIT_TURNS:
                due.append(job.on_long_wait)
                job.on_long_wait = None
        return due

    def close(self, until: float) -> list[str]:
        """Let lanes finish until `until` (a clock time); the claims of work left undone."""
        with self._changed:
            self._closing_at = until
            self._changed.notify_all()
            self._changed.wait_for(
                lambda: not any(lane.running for lane in self._lanes.values()),
                max(0.0, until - self._clock()),
            )
            left = [job.claim for lane in self._lanes.values() for job in lane.jobs if job.claim]
            left += self._handed_back
        self._threads.shutdown(wait=False, cancel_futures=True)
        return left

    def _forget_idle_lanes(self, now: float) -> None:
        """Drop lanes with nothing queued whose pace has recovered: they would start afresh."""
        for channel, lane in list(self._lanes.items()):
            if not lane.running and lane.tat <= now and lane.held_until <= now:
                del self._lanes[channel]

    def _drain(self, lane: _Lane) -> None:
        while True:
            with self._changed:
                if not lane.jobs:
                    lane.running = False
                    self._changed.notify_all()
                    return
                job = lane.jobs[0]
            try:
                job.work(Poster(self, lane, job))
            except OutOfTime as late:
                if late.shutting_down:
                    self._hand_back(lane)
                    return
                log.error("gave up waiting for Slack in %s", lane.channel)
            except Exception:
                log.exception("could not deliver in %s", lane.channel)
            with self._changed:
                lane.jobs.popleft()

    def _hand_back(self, lane: _Lane) -> None:
        with self._changed:
            self._handed_back += [job.claim for job in lane.jobs if job.claim]
            lane.jobs.clear()
            lane.running = False
            self._changed.notify_all()

    def _take_turn(self, lane: _Lane, job: _Job) -> None:
        """Block until the lane may post; OutOfTime if that would be after the job's limit."""
        with self._changed:
            while True:
                now = self._clock()
                if now >= self._closing_at:
                    raise OutOfTime(shutting_down=True)
                wait = max(wait_before_send(lane.tat, now, self.pace), lane.held_until - now)
                if wait <= 0:
                    lane.tat = after_send(lane.tat, now, self.pace)
                    return
                if now + wait > self._closing_at:
                    raise OutOfTime(shutting_down=True)
                if now + wait > job.deadline:
                    raise OutOfTime(shutting_down=False)
                self._changed.wait(wait)

    def _hold(self, lane: _Lane, seconds: float) -> None:
        with self._changed:
            now = self._clock()
            lane.held_until = max(lane.held_until, now + seconds)
            due = self._long_waits(lane, now)
        _notify(due)


def _notify(notices: list[Notice]) -> None:
    for notice in notices:
        try:
            notice()
        except Exception:
            log.exception("a long-wait notice failed")


@dataclass(frozen=True)
class Poster:
    """What a piece of work is given to post with: one channel's lane."""

    outbox: Outbox
    lane: _Lane
    job: _Job

    @property
    def channel(self) -> str:
        return self.lane.channel

    def post(self, thread_ts: str | None, forms: Sequence[Message]) -> str:
        """Post the first form Slack accepts, richest first; returns the message's ts.

        Waits its turn, and waits out every 429; raises Refused when every form was refused,
        Unpostable when Slack takes nothing here, OutOfTime when the wait ran out.
        """
        failures = 0
        for number, message in enumerate(forms, start=1):
            while True:
                self.outbox._take_turn(self.lane, self.job)
                try:
                    response = self.outbox.client.chat_postMessage(
                        channel=self.channel,
                        thread_ts=thread_ts,
                        unfurl_links=False,
                        unfurl_media=False,
                        **message,
                    )
                    return response["ts"]
                except SlackApiError as error:
                    status, code = error.response.status_code, error.response.get("error", "")
                    kind, headers = verdict(status, code), error.response.headers
                except OSError as error:  # the connection failed after slack_sdk's own retries
                    status, code, kind, headers = 0, type(error).__name__, "retry", {}
                if kind == "wait":
                    seconds = retry_after(headers)
                    log.info("Slack asked %s to wait %.0f s (429)", self.channel, seconds)
                    self.outbox._hold(self.lane, seconds)
                elif kind == "retry":
                    failures += 1
                    log.warning("Slack failed a post in %s (%s %s)", self.channel, status, code)
                    self.outbox._hold(self.lane, backoff(failures))
                elif kind == "give_up":
                    raise Unpostable(code)
                else:
                    log.warning("Slack refused form %d in %s (%s)", number, self.channel, code)
                    break
        raise Refused(f"{len(forms)} forms refused in {self.channel}")


class Patience:
    """Waits that a shutdown can cut short: each must end by its deadline and the bound."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._changed = threading.Condition()
        self._until = math.inf

    def close(self, until: float) -> None:
        with self._changed:
            self._until = until
            self._changed.notify_all()

    def wait_until(self, ready: float, deadline: float) -> bool:
        """Block until clock time `ready`; False at once if that is past the deadline or bound."""
        with self._changed:
            while True:
                now = self.clock()
                if ready <= now:
                    return True
                if ready > min(deadline, self._until):
                    return False
                self._changed.wait(ready - now)


def patiently(call: Callable[[], T], patience: Patience, deadline: float) -> T:
    """`call()`, waiting out each 429 for Retry-After while that ends before `deadline`."""
    while True:
        try:
            return call()
        except SlackApiError as error:
            if error.response.status_code != 429:
                raise
            ready = patience.clock() + retry_after(error.response.headers)
            if not patience.wait_until(ready, deadline):
                raise
