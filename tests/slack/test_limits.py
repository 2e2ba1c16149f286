"""Slack's pace as arithmetic: a burst goes at once, then one a second; a refusal says what next."""

from __future__ import annotations

import pytest

from bot.slack.limits import (
    Pace,
    after_send,
    backoff,
    expected_wait,
    retry_after,
    verdict,
    wait_before_send,
)

SLACK = Pace(per_second=1.0, burst=3)


def send_times(count: int, pace: Pace, start: float = 100.0) -> list[float]:
    """When `count` messages queued at `start` go, one after another as soon as allowed."""
    tat, now, times = 0.0, start, []
    for _ in range(count):
        now += wait_before_send(tat, now, pace)
        times.append(now)
        tat = after_send(tat, now, pace)
    return times


def test_a_quiet_channel_takes_a_short_burst_then_one_message_a_second():
    times = send_times(6, SLACK)
    assert times == [100.0, 100.0, 100.0, 101.0, 102.0, 103.0]
    assert send_times(40, SLACK)[-1] - 100.0 == 37.0  # 40 messages: the burst, then 37 s


def test_the_pace_recovers_while_the_channel_is_quiet():
    tat = after_send(after_send(0.0, 100.0, SLACK), 100.0, SLACK)
    assert wait_before_send(tat, 100.0, SLACK) == 0.0  # a third may still go
    tat = after_send(tat, 100.0, SLACK)
    assert wait_before_send(tat, 100.0, SLACK) == 1.0
    assert wait_before_send(tat, 110.0, SLACK) == 0.0


def test_the_expected_wait_counts_the_queue_and_slacks_hold():
    assert expected_wait(0.0, 0.0, 0, 100.0, SLACK) == 0.0
    assert expected_wait(0.0, 0.0, 5, 100.0, SLACK) == 3.0  # two go in the burst
    assert expected_wait(0.0, 130.0, 0, 100.0, SLACK) == 30.0  # Retry-After: 30


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "30"}, 30.0),
        ({"retry-after": ["2"]}, 2.0),
        ({"Retry-After": "0.05"}, 0.05),
        ({"Retry-After": "soon"}, 1.0),
        ({"Retry-After": "-4"}, 1.0),
        ({}, 1.0),
    ],
)
def test_retry_after_is_read_however_it_comes(headers, seconds):
    assert retry_after(headers) == seconds


@pytest.mark.parametrize(
    ("status", "error", "expected"),
    [
        (429, "ratelimited", "wait"),
        (200, "ratelimited", "wait"),
        (503, "", "retry"),
        (200, "internal_error", "retry"),
        (200, "not_in_channel", "give_up"),
        (200, "is_archived", "give_up"),
        (200, "invalid_blocks", "simpler"),
        (200, "msg_too_long", "simpler"),
    ],
)
def test_a_429_waits_and_only_a_refused_message_tries_a_simpler_form(status, error, expected):
    assert verdict(status, error) == expected


def test_server_errors_back_off_up_to_half_a_minute():
    assert [backoff(n) for n in (1, 2, 3, 6, 20)] == [1.0, 2.0, 4.0, 30.0, 30.0]
