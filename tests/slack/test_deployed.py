"""lepbot as it is deployed: `lepbot serve` as the Procfile starts it, against a strict fake Slack.

Each test is one of the situations a deployed app meets, through real processes: gunicorn (web:)
or Socket Mode (worker:), state in a real SQLite file or a real redis-server, Slack's rate limits
enforced by the fake (SPEED times faster, and lepbot's pace with them, so a burst takes a
fraction of Slack's real time; the bench runs it at Slack's own pace). Nothing here times
anything: each waits for an outcome and then checks what Slack received.
"""

from __future__ import annotations

import json

import pytest

from bot.answering import SORRY
from tests.redis_server import RedisServer
from tests.slack import burst
from tests.slack.fake_slack import FakeSlack, Limits
from tests.slack.fake_socket import FakeSocketMode, envelope
from tests.slack.serving import serve_http, serve_socket
from tests.slack.slack_harness import CHANNEL, SPEED, event_callback, http, mention, new_ts

HUMBER = "how does Humber compare on placements?"
TIMEOUT_RETRY = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
ERROR_RETRY = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_error"}


def texts(message: dict) -> str:
    return message.get("text", "") + json.dumps(message.get("blocks", []), ensure_ascii=False)


def answers_in(fake: FakeSlack, thread_ts: str) -> list[dict]:
    return [p for p in fake.posts() if p.get("thread_ts") == thread_ts]


def settled(fake: FakeSlack, asked: list[burst.Asked]) -> bool:
    """Every question answered, every chart in, every waiting sign cleared."""
    result = burst.outcome(fake, asked, 0.0)
    done = result.lost == 0 and result.charts >= result.charts_expected
    return done and result.signs_left == 0


def assert_each_answered_once(fake: FakeSlack, asked: list[burst.Asked]) -> burst.Outcome:
    result = burst.outcome(fake, asked, 0.0)
    assert (result.lost, result.doubled, result.misplaced_charts) == (0, 0, 0), result
    assert result.charts == result.charts_expected, result
    assert result.signs_left == 0, result
    posted = fake.posts()
    assert all(p.get("blocks") for p in posted), "an answer was downgraded to plain text"
    assert SORRY not in json.dumps(posted)
    assert all(c.raw.startswith(b"\x89PNG") for c in fake.calls if c.path.startswith("upload/"))
    return result


@pytest.fixture(params=["sqlite", "redis"])
def shared(request, tmp_path):
    """How two instances share state: one SQLite file (one machine), or one Redis (any)."""
    if request.param == "sqlite":
        same = tmp_path / "state"
        return [same, same], {}
    url = request.getfixturevalue("redis_url")
    return [tmp_path / "a", tmp_path / "b"], {"REDIS_URL": url}


# -- a workshop asking at once ------------------------------------------------------------------


def test_forty_questions_in_one_channel_at_once_are_each_answered_once_with_their_charts(tmp_path):
    """HTTP mode with two gunicorn workers, each pacing its own posts: their 429s are waited out."""
    fake = FakeSlack(Limits(speed=SPEED, channel_burst=1)).start()  # stricter than lepbot's pace
    serving, bot = serve_http(fake, tmp_path, WEB_CONCURRENCY="2")
    try:
        asked = burst.ask(bot.send_json, 40, [CHANNEL], within=2.0 / SPEED)
        fake.wait_until(lambda f: settled(f, asked), timeout=90)
    finally:
        assert serving.stop() == 0
        fake.stop()
    result = assert_each_answered_once(fake, asked)
    assert result.charts == 20  # drawn by matplotlib in gunicorn's workers, after the fork
    assert result.limited_posts > 0 and result.signs_shown > 0
    assert serving.log.count("answer intent=") == 40


def test_forty_questions_over_socket_mode_are_each_answered_once(fake, tmp_path):
    socket = FakeSocketMode()
    serving = serve_socket(fake, socket, tmp_path)
    try:
        asked = burst.ask(lambda body: socket.send(envelope(body)), 40, [CHANNEL], 2.0 / SPEED)
        fake.wait_until(lambda f: settled(f, asked), timeout=90)
    finally:
        assert serving.stop() == 0
        socket.stop()
    assert_each_answered_once(fake, asked)
    assert len(socket.acks) == 40


# -- state that outlives a process ------------------------------------------------------------


def test_a_follow_up_after_a_restart_carries_on_from_its_thread(fake, tmp_path):
    serving, bot = serve_http(fake, tmp_path)
    ts = new_ts()
    try:
        bot.event(mention("Humber placements", ts=ts))
        fake.wait_until(lambda f: bot.answers_in(ts))
    finally:
        assert serving.stop() == 0
    log = serving.log
    assert f"answer intent=value channel={CHANNEL} latency_ms=" in log
    assert "Humber placements" not in log  # questions stay out of the log unless asked for

    serving, bot = serve_http(fake, tmp_path, LEPBOT_LOG_QUESTIONS="1")
    try:
        bot.event(mention("and Cumbria?", thread_ts=ts))
        fake.wait_until(lambda f: len(bot.answers_in(ts)) == 2)
    finally:
        assert serving.stop() == 0
    follow_up = bot.answers_in(ts)[1]
    assert "Cumbria" in follow_up["text"] and "placements" in follow_up["text"]
    assert "Read as: figure" in texts(follow_up)  # not a profile: the thread's context was kept
    assert "and Cumbria?'" in serving.log


def test_two_instances_share_threads_and_answer_each_question_once(fake, shared):
    (dir_a, dir_b), env = shared
    a, bot_a = serve_http(fake, dir_a, token="xoxb-a", **env)
    b, bot_b = serve_http(fake, dir_b, token="xoxb-b", **env)
    try:
        ts = new_ts()
        bot_a.event(mention("Humber placements", ts=ts))
        fake.wait_until(lambda f: bot_a.answers_in(ts))
        bot_b.event(mention("what about work inspiration?", thread_ts=ts))
        fake.wait_until(lambda f: len(bot_a.answers_in(ts)) == 2)
        follow_up = bot_a.answers_in(ts)[1]
        assert "Humber" in follow_up["text"] and "work inspiration" in follow_up["text"]

        # A answered; Slack saw an error and retries on B: B acknowledges and drops it.
        retried = new_ts()
        body = event_callback(mention(HUMBER, ts=retried))
        assert bot_a.send_json(body).status == 200
        fake.wait_until(lambda f: bot_a.answers_in(retried))
        assert bot_b.send_json(body, **ERROR_RETRY).status == 200
        assert bot_a.send_json(body, **{**ERROR_RETRY, "x-slack-retry-num": "2"}).status == 200
        barrier = new_ts()
        bot_b.event(mention("Cumbria work inspiration", ts=barrier))
        fake.wait_until(lambda f: bot_b.answers_in(barrier))
    finally:
        assert a.stop() == 0 and b.stop() == 0
    (answer,) = [c for c in fake.called("chat.postMessage") if c.body.get("thread_ts") == retried]
    assert answer.token == "xoxb-a"
    assert "dropped Ev" in b.log  # answered, or still being answered, by A


def test_two_socket_mode_processes_share_threads_and_answer_each_question_once(fake, tmp_path):
    socket = FakeSocketMode()
    a = serve_socket(fake, socket, tmp_path, token="xoxb-a")
    b = serve_socket(fake, socket, tmp_path, token="xoxb-b")
    try:
        ts = new_ts()
        socket.send(envelope(event_callback(mention("Humber placements", ts=ts))), to=0)
        fake.wait_until(lambda f: answers_in(f, ts))
        follow_up = event_callback(mention("what about work inspiration?", thread_ts=ts))
        socket.send(envelope(follow_up), to=1)
        fake.wait_until(lambda f: len(answers_in(f, ts)) == 2)
        answer = answers_in(fake, ts)[1]
        assert "Humber" in answer["text"] and "work inspiration" in answer["text"]

        retried = new_ts()
        body = event_callback(mention(HUMBER, ts=retried))
        socket.send(envelope(body), to=0)
        fake.wait_until(lambda f: answers_in(f, retried))
        socket.send(envelope(body, retry=1), to=1)  # Slack's retry, over the other connection
        barrier = new_ts()
        socket.send(envelope(event_callback(mention("Cumbria placements", ts=barrier))), to=1)
        fake.wait_until(lambda f: answers_in(f, barrier))
    finally:
        assert a.stop() == 0 and b.stop() == 0
        socket.stop()
    assert len(answers_in(fake, retried)) == 1
    assert len(socket.acks) == 5  # every delivery acknowledged, the retry too


def test_a_timeout_retry_after_the_instance_died_is_answered_once_by_the_other(fake, shared):
    """A acknowledges, then hangs posting and is killed; Slack retries with http_timeout on B."""
    (dir_a, dir_b), env = shared
    fake.script.hang_tokens.add("xoxb-a")
    a, bot_a = serve_http(fake, dir_a, token="xoxb-a", **env)
    b, bot_b = serve_http(fake, dir_b, token="xoxb-b", **env)
    ts = new_ts()
    body = event_callback(mention(HUMBER, ts=ts))
    try:
        assert bot_a.send_json(body).status == 200
        fake.wait_for("chat.postMessage")  # A is posting, and will never hear back
        a.kill()
        assert bot_b.send_json(body, **TIMEOUT_RETRY).status == 200
        fake.wait_until(lambda f: bot_b.answers_in(ts), timeout=60)
        fake.wait_for("files.completeUploadExternal")  # the chart follows, from B too
        barrier = new_ts()
        bot_b.event(mention("Cumbria work inspiration", ts=barrier))
        fake.wait_until(lambda f: bot_b.answers_in(barrier))
    finally:
        a.kill()
        assert b.stop() == 0
    (answer,) = [c for c in fake.called("chat.postMessage") if c.ok and c.body["thread_ts"] == ts]
    assert answer.token == "xoxb-b" and "29%" in answer.body["text"]
    charts = [c.body["thread_ts"] for c in fake.called("files.completeUploadExternal")]
    assert charts.count(ts) == 1


# -- shutting down ----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["socket", "http"])
def test_sigterm_with_answers_in_flight_loses_none(tmp_path, mode):
    """Twelve questions in one channel at a pace that keeps them queued; SIGTERM at once."""
    fake = FakeSlack(Limits(speed=4)).start()
    socket = FakeSocketMode()
    if mode == "socket":
        serving = serve_socket(fake, socket, tmp_path, LEPBOT_CHANNEL_RATE="4")
        send = lambda body: socket.send(envelope(body))  # noqa: E731
    else:
        serving, bot = serve_http(fake, tmp_path, LEPBOT_CHANNEL_RATE="4")
        send = bot.send_json
    try:
        asked = burst.ask(send, 12, [CHANNEL], within=0.0)
        if mode == "socket":
            fake.wait_until(lambda f: len(socket.acks) == 12)
        in_flight = 12 - len(fake.posts())
        assert serving.stop() == 0
    finally:
        fake.stop()
        socket.stop()
    assert in_flight > 0
    assert_each_answered_once(fake, asked)
    assert "answers left in the store" not in serving.log


def test_answers_slack_holds_back_past_the_shutdown_are_delivered_by_the_next_instance(
    fake, tmp_path
):
    fake.script.held_channels[CHANNEL] = 60  # Slack: every post here waits a minute
    a, bot_a = serve_http(fake, tmp_path)
    asked = burst.ask(bot_a.send_json, 1, [CHANNEL], within=0.0)
    fake.wait_until(lambda f: f.limited())
    asked += burst.ask(bot_a.send_json, 2, [CHANNEL], within=0.0)  # these wait behind it
    fake.wait_until(lambda f: len(f.called("reactions.add")) == 3)  # each question is signed
    assert a.stop() == 0  # at once: the wait is past the bound, so the answers are handed back
    assert "3 answers left in the store for the next instance" in a.log
    assert not fake.posts()

    del fake.script.held_channels[CHANNEL]
    b, _ = serve_http(fake, tmp_path)
    try:
        fake.wait_until(lambda f: settled(f, asked), timeout=60)
    finally:
        assert b.stop() == 0
    assert_each_answered_once(fake, asked)
    assert b.log.count("taking over the unfinished answer") == 3


# -- health -----------------------------------------------------------------------------------


def test_health_says_whether_the_store_is_reachable(fake, tmp_path):
    redis = RedisServer(tmp_path)
    serving, bot = serve_http(fake, tmp_path, REDIS_URL=redis.url)
    try:
        up = http(bot.url + "/health")
        assert up.status == 200
        assert json.loads(up.body) == {"ok": True, "store": "redis", "store_reachable": True}
        redis.stop()
        down = http(bot.url + "/health")
        assert down.status == 503
        assert json.loads(down.body) == {"ok": False, "store": "redis", "store_reachable": False}
        ts = new_ts()
        bot.event(mention(HUMBER, ts=ts))  # answered all the same, without the store
        fake.wait_until(lambda f: bot.answers_in(ts))
    finally:
        assert serving.stop() == 0
    assert "Traceback" not in json.dumps(fake.posts())
