"""Slack's limits as arithmetic: when the next message in a channel may go, and what a refusal means.

Pure functions, so the outbox's waiting is decided here and tested without a clock. Pacing is a
token bucket kept as one number, the theoretical arrival time (GCRA): `burst` messages may go at
once, then one every 1/per_second seconds, which is the "one message per second per channel,
short bursts allowed" Slack documents for chat.postMessage.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Verdict = Literal["wait", "retry", "simpler", "give_up"]

# Errors about the conversation or the app, not the message: no simpler form would be accepted.
CONVERSATION_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel",
        "restricted_action_non_threadable_channel",
        "cannot_reply_to_message",
        "ekm_access_denied",
        "team_access_not_granted",
        "no_permission",
        "missing_scope",
        "not_authed",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "org_login_required",
    }
)
DEFAULT_RETRY_AFTER = 1.0  # a 429 without a readable Retry-After: Slack's own minimum


@dataclass(frozen=True)
class Pace:
    per_second: float = 1.0
    burst: int = 3

    @property
    def interval(self) -> float:
        return 1.0 / self.per_second


def wait_before_send(tat: float, now: float, pace: Pace) -> float:
    """Seconds until a message may go, given the theoretical arrival time `tat`."""
    return max(0.0, tat - (pace.burst - 1) * pace.interval - now)


def after_send(tat: float, now: float, pace: Pace) -> float:
    """The theoretical arrival time once a message has gone at `now`."""
    return max(tat, now) + pace.interval


def expected_wait(tat: float, held_until: float, ahead: int, now: float, pace: Pace) -> float:
    """How long a message queued behind `ahead` others waits, if nothing is refused."""
    start = max(tat, now) + ahead * pace.interval
    return max(wait_before_send(start, now, pace), held_until - now, 0.0)


def retry_after(headers: Mapping[str, object]) -> float:
    """Seconds Slack asked us to wait (Retry-After, in whole seconds; lists allowed)."""
    for name, value in headers.items():
        if name.lower() != "retry-after":
            continue
        raw = value[0] if isinstance(value, list | tuple) and value else value
        try:
            seconds = float(str(raw).strip())
        except ValueError:
            break
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
        break
    return DEFAULT_RETRY_AFTER


def verdict(status: int, error: str) -> Verdict:
    """What to do after chat.postMessage was refused with HTTP `status` and Slack `error`.

    A 429 is Slack saying "not yet": the same message waits. Server errors are retried. An error
    about the conversation or the app ends the attempt. Anything else is taken as a refusal of
    this form of the message, so a simpler form is tried.
    """
    if status == 429 or error == "ratelimited":
        return "wait"
    if status >= 500 or error in ("internal_error", "fatal_error", "service_unavailable"):
        return "retry"
    if error in CONVERSATION_ERRORS:
        return "give_up"
    return "simpler"


def backoff(attempt: int) -> float:
    """Seconds before retrying a server error for the `attempt`-th time (1, 2, 4 … 30)."""
    return min(30.0, 2.0 ** max(0, attempt - 1))
