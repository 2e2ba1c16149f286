"""lepbot in Slack, end to end over HTTP: what a user in a workshop channel sees.

Negative cases ("no second answer") end with a barrier: a fresh question whose answer is awaited,
so a stray answer would already have arrived when the count is checked.
"""

from __future__ import annotations

import json
import logging
import threading
import time

import pytest

from bot.answering import SORRY
from bot.conversation import Conversations
from bot.slack.app import create_bot
from bot.slack.settings import SlackSettings
from bot.slack.signs import SIGN
from bot.store.memory import MemoryStore
from intents import Turn
from intents.reading.query import Query
from intents.replies.answer import Answer, Figure
from tests.slack.fake_slack import BOT_ID, BOT_USER
from tests.slack.slack_harness import (
    CHANNEL,
    SECRET,
    event_callback,
    mention,
    new_ts,
    serve,
    signed,
    tiny_png,
)
from tests.test_factcheck import PASSAGE

HUMBER = "how does Humber compare on placements?"


def texts(message: dict) -> str:
    """Everything a reader can see in a posted message, as one string."""
    return (
        message.get("text", "") + "\n" + json.dumps(message.get("blocks", []), ensure_ascii=False)
    )


def barrier(lepbot, question: str = "Cumbria work inspiration") -> None:
    ts = new_ts()
    lepbot.event(mention(question, ts=ts))
    lepbot.fake.wait_until(lambda fake: lepbot.answers_in(ts))


# -- where lepbot answers ------------------------------------------------------------------------


def test_url_verification_echoes_the_challenge(lepbot):
    reply = lepbot.send_json({"type": "url_verification", "challenge": "c-123", "token": "x"})
    assert reply.status == 200
    assert "c-123" in reply.body


def test_mention_is_answered_in_its_thread_with_the_figure_and_a_chart(lepbot, fake):
    ts = new_ts()
    assert lepbot.event(mention(HUMBER, ts=ts)).status == 200

    complete = fake.wait_for("files.completeUploadExternal")[0]
    (answer,) = fake.posts()
    assert answer["channel"] == CHANNEL and answer["thread_ts"] == ts
    assert "29%" in answer["text"] and "38%" in answer["text"]
    assert "lowest of the 39 LEPs" in answer["text"]
    shown = texts(answer)
    assert "Read as: figure" in shown
    assert "*Humber · work placements*\\n29%" in shown
    context = [b for b in answer["blocks"] if b["type"] == "context"][-1]
    assert context["elements"][0]["text"].startswith("Source: UKCES")

    (get_url,) = fake.called("files.getUploadURLExternal")
    (upload,) = [c for c in fake.calls if c.path.startswith("upload/")]
    assert get_url.body["alt_txt"].startswith("Bar chart of work placements by LEP")
    assert get_url.body["filename"].endswith(".png")
    assert upload.raw.startswith(b"\x89PNG")
    assert complete.body["channel_id"] == CHANNEL and complete.body["thread_ts"] == ts
    paths = [c.path for c in fake.calls]
    assert paths.index("chat.postMessage") < paths.index("files.getUploadURLExternal")


def test_direct_message_is_answered_in_its_thread(lepbot, fake):
    ts = new_ts()
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0123456789",
        "user": "U0ASKER01",
        "text": "top 5 for work placements",
        "ts": ts,
    }
    lepbot.event(dm)
    fake.wait_for("files.completeUploadExternal")
    (answer,) = fake.posts()
    assert answer["channel"] == "D0123456789" and answer["thread_ts"] == ts
    table = next(b for b in answer["blocks"] if b["type"] == "table")
    assert [cell["text"] for cell in table["rows"][1]] == [
        "joint highest of the 39",
        "Cheshire and Warrington",
        "46%",
    ]


def test_a_new_direct_message_follows_on_from_the_last(lepbot, fake):
    def dm(text: str) -> dict:
        return {
            "type": "message",
            "channel_type": "im",
            "channel": "D0123456789",
            "user": "U0ASKER01",
            "text": text,
            "ts": new_ts(),
        }

    lepbot.event(dm("how does Humber compare on placements?"))
    fake.wait_for("chat.postMessage", 1)
    lepbot.event(dm("and London?"))
    fake.wait_for("chat.postMessage", 2)
    follow_up = fake.posts()[1]
    assert "46%" in follow_up["text"] and "London" in follow_up["text"]


def test_message_edits_are_acknowledged_and_not_answered(lepbot, fake):
    edit = {
        "type": "message",
        "subtype": "message_changed",
        "channel_type": "im",
        "channel": "D0123456789",
        "ts": new_ts(),
        "message": {"text": HUMBER},
    }
    assert lepbot.event(edit).status == 200
    barrier(lepbot)
    assert len(fake.posts()) == 1


def test_lep_command_starts_a_thread_with_the_question_the_answer_and_the_chart(lepbot, fake):
    reply = lepbot.command(HUMBER)
    assert (reply.status, reply.body) == (200, "")

    complete = fake.wait_for("files.completeUploadExternal")[0]
    root, answer = fake.called("chat.postMessage")
    assert "thread_ts" not in root.body
    assert root.body["text"] == f"<@U0ASKER01> asked: {HUMBER}"
    root_ts = json.loads(root.reply)["ts"]
    assert answer.body["thread_ts"] == complete.body["thread_ts"] == root_ts
    assert "29%" in answer.body["text"]
    assert not fake.called("commands/1")


def test_lep_where_lepbot_is_not_a_member_answers_the_asker_privately(lepbot, fake):
    fake.script.errors["chat.postMessage"] = "not_in_channel"
    lepbot.command(HUMBER)
    (private,) = fake.wait_for("commands/1")
    assert private.body["response_type"] == "ephemeral"
    assert "29%" in private.body["text"]
    assert "/invite @lepbot" in texts(private.body)
    assert not fake.called("files.getUploadURLExternal")


def test_empty_lep_shows_help_to_the_asker_only(lepbot, fake):
    lepbot.command("  ")
    (private,) = fake.wait_for("commands/1")
    assert private.body["response_type"] == "ephemeral"
    assert "Local Enterprise Partnerships" in private.body["text"]
    assert not fake.called("chat.postMessage")


def test_clarify_offers_buttons_that_answer_in_the_thread_when_pressed(lepbot, fake):
    ts = new_ts()
    lepbot.event(mention("Thames Valley work placements", ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    (question,) = lepbot.answers_in(ts)
    buttons = next(b for b in question["blocks"] if b["type"] == "actions")["elements"]
    assert [b["value"] for b in buttons] == [
        "Buckinghamshire Thames Valley work placements",
        "Thames Valley Berkshire work placements",
    ]

    posted = {"ts": "1700000000.000001", "thread_ts": ts, "text": question["text"]}
    assert lepbot.press(buttons[1], posted).status == 200
    fake.wait_until(lambda f: len(lepbot.answers_in(ts)) == 2)
    assert "Thames Valley Berkshire" in lepbot.answers_in(ts)[1]["text"]


def test_next_questions_are_buttons_that_ask_in_the_thread(lepbot, fake):
    ts = new_ts()
    lepbot.event(mention(HUMBER, ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    buttons = next(b for b in lepbot.answers_in(ts)[0]["blocks"] if b["type"] == "actions")
    ask = next(b for b in buttons["elements"] if b["value"] == "Humber work inspiration")
    lepbot.press(ask, {"ts": "1700000000.000001", "thread_ts": ts})
    fake.wait_until(lambda f: len(lepbot.answers_in(ts)) == 2)
    assert "work inspiration" in lepbot.answers_in(ts)[1]["text"]


def test_app_home_shows_help_and_example_questions(lepbot, fake):
    lepbot.event({"type": "app_home_opened", "user": "U0ASKER01", "channel": "D1", "tab": "home"})
    (publish,) = fake.wait_for("views.publish")
    assert publish.body["user_id"] == "U0ASKER01"
    shown = json.dumps(publish.body["view"])
    assert publish.body["view"]["type"] == "home"
    assert HUMBER in shown and "/lep" in shown


# -- Slack's delivery contract -----------------------------------------------------------------


def test_a_retry_and_a_repeated_event_id_get_one_answer(lepbot, fake):
    ts = new_ts()
    first = event_callback(mention(HUMBER, ts=ts))
    assert lepbot.send_json(first).status == 200
    fake.wait_until(lambda f: lepbot.answers_in(ts))

    retry = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    assert lepbot.send_json(first, **retry).status == 200
    assert lepbot.send_json(first).status == 200
    barrier(lepbot)
    assert len(lepbot.answers_in(ts)) == 1


def test_a_retry_of_an_event_that_never_arrived_is_answered_once(lepbot, fake):
    ts = new_ts()
    body = event_callback(mention(HUMBER, ts=ts))
    retry = {"x-slack-retry-num": "2", "x-slack-retry-reason": "http_error"}
    lepbot.send_json(body, **retry)
    lepbot.send_json(body, **{**retry, "x-slack-retry-num": "3"})
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    barrier(lepbot)
    assert len(lepbot.answers_in(ts)) == 1


@pytest.mark.parametrize("forgery", ["bad signature", "hour-old timestamp"])
def test_a_bad_or_stale_signature_is_refused_without_any_call(lepbot, fake, forgery):
    raw = json.dumps(event_callback(mention(HUMBER))).encode()
    if forgery == "bad signature":
        headers = {**signed(raw, "application/json"), "x-slack-signature": "v0=" + "0" * 64}
    else:
        headers = signed(raw, "application/json", timestamp=int(time.time()) - 3600)
    calls_before = len(fake.calls)
    assert lepbot.post(raw, headers).status == 401
    assert len(fake.calls) == calls_before


@pytest.mark.parametrize(
    "event",
    [
        mention(HUMBER, bot_id="B0OTHER01"),
        {
            "type": "message",
            "channel_type": "im",
            "channel": "D0123456789",
            "bot_id": BOT_ID,
            "user": BOT_USER,
            "text": HUMBER,
            "ts": new_ts(),
        },
        {
            "type": "message",
            "subtype": "bot_message",
            "channel_type": "im",
            "channel": "D0123456789",
            "bot_id": "B0OTHER01",
            "text": HUMBER,
            "ts": new_ts(),
        },
    ],
    ids=["another bot's mention", "lepbot's own DM", "a bot_message"],
)
def test_messages_from_bots_are_ignored(lepbot, fake, event):
    assert lepbot.event(event).status == 200
    barrier(lepbot)
    assert len(fake.posts()) == 1


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"type": "event_callback", "event": ', "application/json"),
        (b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        (b"\xff\xfe\x00not utf-8", "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b"", "application/json"),
    ],
    ids=["truncated JSON", "form payload not JSON", "not UTF-8", "JSON not an object", "empty"],
)
def test_a_malformed_body_gets_400_and_the_server_carries_on(lepbot, fake, body, content_type):
    assert lepbot.post(body, signed(body, content_type)).status == 400
    assert lepbot.post(body, {"content-type": content_type}).status == 400
    health = lepbot.post(None, {}, path="/health")
    assert health.status == 200 and json.loads(health.body)["ok"] is True
    barrier(lepbot)


def test_events_are_acknowledged_before_the_answer_is_worked_out(fake, dataset):
    release = threading.Event()

    def slow_chart(spec):
        release.wait(10)
        return tiny_png()

    store = MemoryStore()
    bot, stop = serve(fake, Conversations(dataset, store), store, chart_renderer=slow_chart)
    try:
        ts = new_ts()
        assert bot.event(mention(HUMBER, ts=ts)).status == 200
        assert bot.command(HUMBER).status == 200
        fake.wait_until(lambda f: len(f.posts()) == 3)  # two answers and the /lep question
        assert not fake.called("files.completeUploadExternal")  # both charts still drawing
    finally:
        release.set()
    fake.wait_for("files.completeUploadExternal", 2)
    stop()


def test_a_ten_thousand_character_question_is_answered_within_slacks_limits(lepbot, fake):
    ts = new_ts()
    question = ((HUMBER + " ") * 300)[:10_000]
    lepbot.event(mention(question, ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    (call,) = fake.called("chat.postMessage")
    assert call.status == 200 and call.body["blocks"]  # the first, richest form was accepted
    assert "29%" in call.body["text"]


def test_a_long_slash_command_question_is_echoed_clipped(lepbot, fake):
    lepbot.command(HUMBER + " " + "x" * 10_000)
    root = fake.wait_for("chat.postMessage")[0]
    assert root.status == 200 and len(root.body["text"]) < 400


def test_injected_mentions_are_escaped_not_delivered(lepbot, fake):
    lepbot.command(f"<!channel> <@U0EVIL000> & {HUMBER}")
    lepbot.event(mention(f"<!here> {HUMBER} <!subteam^S1|@everyone>"))
    fake.wait_for("files.completeUploadExternal", 2)
    # the /lep question and the mention are answered concurrently: find the /lep one by its text
    (root,) = [p for p in fake.posts() if p["text"].startswith("<@U0ASKER01> asked:")]
    assert root["text"].startswith("<@U0ASKER01> asked: &lt;!channel&gt; &lt;@U0EVIL000&gt; &amp;")
    everything = "".join(c.raw.decode("utf-8", "replace") for c in fake.calls)
    for injected in ("<!channel>", "<@U0EVIL000>", "<!here>", "<!subteam"):
        assert injected not in everything


# -- when Slack or lepbot fails ----------------------------------------------------------------


@pytest.mark.parametrize(
    "failure", ["upload URL 500", "complete not_in_channel", "renderer raises"]
)
def test_a_failing_chart_leaves_the_text_answer_standing(fake, dataset, failure):
    def broken(spec):
        raise RuntimeError("no chart today")

    if failure == "upload URL 500":
        fake.script.fail_upload = True
    elif failure == "complete not_in_channel":
        fake.script.errors["files.completeUploadExternal"] = "not_in_channel"
    store = MemoryStore()
    renderer = broken if failure == "renderer raises" else None
    bot, stop = serve(fake, Conversations(dataset, store), store, renderer)
    ts = new_ts()
    bot.event(mention(HUMBER, ts=ts))
    fake.wait_until(lambda f: bot.answers_in(ts))
    barrier(bot)
    (answer,) = bot.answers_in(ts)
    assert "29%" in answer["text"]
    assert SORRY not in json.dumps(fake.posts())
    stop()


def test_a_rate_limited_reply_waits_and_keeps_its_form(lepbot, fake):
    """A 429 is Slack saying "not yet", not a refusal: the table stays, the message waits."""
    fake.script.rate_limited["chat.postMessage"] = 3
    ts = new_ts()
    lepbot.event(mention("top 5 for work placements", ts=ts))
    *limited, accepted = fake.wait_for("chat.postMessage", 4)
    assert [c.status for c in limited] == [429, 429, 429] and accepted.ok
    assert accepted.body["thread_ts"] == ts
    assert "table" in {b["type"] for b in accepted.body["blocks"]}  # the first, richest form
    fake.wait_for("files.completeUploadExternal")  # and the chart follows its text


def test_the_apology_is_never_rate_limited_away(fake, dataset):
    class Broken(Conversations):
        def ask(self, text, key=None):
            figure = Figure(area="Humber", indicator="no_such_indicator", value=1.0)
            return Turn(Query(intent="value", text=text), Answer("value", "x", figures=(figure,)))

    store = MemoryStore()
    bot, stop = serve(fake, Broken(dataset, store), store)
    fake.script.rate_limited["chat.postMessage"] = 3
    ts = new_ts()
    bot.event(mention(HUMBER, ts=ts))
    fake.wait_until(lambda f: bot.answers_in(ts))
    (sorry,) = bot.answers_in(ts)
    assert sorry["text"] == SORRY
    assert len(fake.limited()) == 3
    stop()


def test_a_rate_limited_chart_upload_waits_and_arrives(lepbot, fake):
    fake.script.rate_limited["files.completeUploadExternal"] = 2
    ts = new_ts()
    lepbot.event(mention(HUMBER, ts=ts))
    *limited, done = fake.wait_for("files.completeUploadExternal", 3)
    assert [c.status for c in limited] == [429, 429] and done.ok
    assert done.body["thread_ts"] == ts


def test_a_question_that_has_to_wait_shows_a_sign_until_its_answer_lands(lepbot, fake):
    fake.script.held_channels[CHANNEL] = 3  # Slack holds the channel back: answers here wait
    first, waiting = new_ts(), new_ts()
    lepbot.event(mention(HUMBER, ts=first))
    fake.wait_until(lambda f: f.signs_on(CHANNEL, first) == {SIGN})  # signed once Slack holds it
    lepbot.event(mention("top 5 for work placements", ts=waiting))
    queued = lepbot.command("Cumbria work inspiration")
    fake.wait_until(lambda f: f.signs_on(CHANNEL, waiting) == {SIGN})
    assert "Queued behind other questions" in queued.body  # /lep says so at once
    del fake.script.held_channels[CHANNEL]
    fake.wait_until(lambda f: lepbot.answers_in(first) and lepbot.answers_in(waiting))
    fake.wait_until(lambda f: not f.signs_on(CHANNEL, first) and not f.signs_on(CHANNEL, waiting))
    for ts in (first, waiting):
        (added,) = [c for c in fake.called("reactions.add") if c.body["timestamp"] == ts]
        (removed,) = [c for c in fake.called("reactions.remove") if c.body["timestamp"] == ts]
        (answer,) = [
            c for c in fake.called("chat.postMessage") if c.ok and c.body.get("thread_ts") == ts
        ]
        assert added.at < answer.at <= removed.at  # shown while it waited, cleared when it landed


def test_a_question_answered_without_waiting_shows_no_sign(lepbot, fake):
    ts = new_ts()
    lepbot.event(mention(HUMBER, ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    assert not fake.called("reactions.add")


def test_a_refused_table_falls_back_to_text_then_to_plain_text(lepbot, fake):
    fake.script.refuse_block_types.add("table")
    ts = new_ts()
    lepbot.event(mention("top 5 for work placements", ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    (answer,) = lepbot.answers_in(ts)
    assert "table" not in {b["type"] for b in answer["blocks"]}
    assert "```rank" in texts(answer) and "Cheshire and Warrington  46%" in texts(answer)

    fake.script.refuse_block_types.add("*")
    ts = new_ts()
    lepbot.event(mention("top 5 for work placements", ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    (plain,) = lepbot.answers_in(ts)
    assert "blocks" not in plain and "Cheshire and Warrington" in plain["text"]


def test_an_answer_that_cannot_be_rendered_gets_one_friendly_line(fake, dataset, caplog):
    class Broken(Conversations):
        def ask(self, text, key=None):
            figure = Figure(area="Humber", indicator="no_such_indicator", value=1.0)
            return Turn(Query(intent="value", text=text), Answer("value", "x", figures=(figure,)))

    store = MemoryStore()
    bot, stop = serve(fake, Broken(dataset, store), store)
    ts = new_ts()
    with caplog.at_level(logging.ERROR, logger="lepbot.slack"):
        bot.event(mention(HUMBER, ts=ts))
        fake.wait_until(lambda f: bot.answers_in(ts))
    (sorry,) = bot.answers_in(ts)
    assert sorry["text"] == SORRY and "blocks" not in sorry
    assert "Traceback" in caplog.text and "no_such_indicator" in caplog.text
    assert "Traceback" not in "".join(c.raw.decode("utf-8", "replace") for c in fake.calls)
    stop()


def test_building_the_bot_starts_no_thread_so_gunicorn_can_fork_after_it(fake, dataset):
    before = set(threading.enumerate())
    store = MemoryStore()
    settings = SlackSettings(bot_token="xoxb-test", signing_secret=SECRET, api_url=fake.api_url)
    bot = create_bot(
        settings, Conversations(dataset, store), store, chart_renderer=lambda spec: tiny_png()
    )
    # none new; the fake Slack's own request threads come and go on their own
    new = {t for t in set(threading.enumerate()) - before if "process_request" not in t.name}
    assert new == set()
    bot.start()  # in the worker, after the fork
    assert {t.name for t in set(threading.enumerate()) - before} >= {"lepbot-caretaker"}
    bot.shutdown()


# -- context ----------------------------------------------------------------------------------


def test_follow_ups_in_two_threads_at_once_keep_their_own_context(lepbot, fake):
    humber, london = new_ts(), new_ts()
    lepbot.event(mention("Humber placements", ts=humber))
    lepbot.event(mention("London work inspiration", ts=london))
    fake.wait_until(lambda f: lepbot.answers_in(humber) and lepbot.answers_in(london))

    follow_ups = [
        threading.Thread(target=lepbot.event, args=(mention(q, thread_ts=thread),))
        for _ in range(3)
        for q, thread in (("what about work inspiration", humber), ("and placements?", london))
    ]
    for t in follow_ups:
        t.start()
    for t in follow_ups:
        t.join()
    fake.wait_until(lambda f: len(lepbot.answers_in(humber)) == 4 == len(lepbot.answers_in(london)))
    for answer in lepbot.answers_in(humber)[1:]:
        assert "Humber" in answer["text"] and "work inspiration" in answer["text"]
        assert "London" not in answer["text"]
    for answer in lepbot.answers_in(london)[1:]:
        assert "London" in answer["text"] and "placements" in answer["text"]
        assert "Humber" not in answer["text"]


def test_the_same_thread_in_another_channel_is_another_conversation(lepbot, fake):
    ts = new_ts()
    lepbot.event(mention("Humber placements", ts=ts))
    fake.wait_until(lambda f: lepbot.answers_in(ts))
    lepbot.event(mention("and London?", thread_ts=ts, channel="C0OTHER0001"))
    fake.wait_until(lambda f: len(lepbot.answers_in(ts)) == 2)
    other = lepbot.answers_in(ts)[1]
    assert other["channel"] == "C0OTHER0001"
    assert "Read as: area profile" in texts(other)  # "and London?" with nothing to follow


def test_the_check_figures_shortcut_answers_in_the_message_thread(lepbot, fake):
    """Someone's draft in the channel: 'Check figures with lepbot' on it checks every claim."""
    message = {"type": "message", "user": "U0WRITER1", "ts": new_ts(), "text": PASSAGE}
    assert lepbot.shortcut(message).status == 200
    fake.wait_until(lambda f: lepbot.answers_in(message["ts"]))
    (reply,) = lepbot.answers_in(message["ts"])
    assert "7 claims checked: 4 correct and 3 incorrect" in reply["text"]
    shown = json.dumps(reply["blocks"])
    assert "[29%]" in shown and "Corrected" in shown


def test_the_shortcut_on_a_message_without_figures_says_so(lepbot, fake):
    message = {"type": "message", "user": "U0WRITER1", "ts": new_ts(), "text": "lunch at 1?"}
    lepbot.shortcut(message)
    fake.wait_until(lambda f: lepbot.answers_in(message["ts"]))
    (reply,) = lepbot.answers_in(message["ts"])
    assert "no figure or claim" in reply["text"]
