"""A workshop asking at once ("try it now"): many people mention lepbot within a couple of seconds.

Shared by the tests (which check nothing is lost or doubled) and the bench (which times it): send
the questions, then read from the fake Slack what became of each — answered once, its chart in its
thread after its text, its waiting sign cleared.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from tests.slack.fake_slack import FakeSlack
from tests.slack.slack_harness import event_callback, mention, new_ts

# Half are worth a chart, as in a workshop's mix of figures, rankings and definitions.
QUESTIONS = (
    ("how does Humber compare on placements?", True),
    ("what is work inspiration?", False),
    ("top 5 for work inspiration", True),
    ("which LEP is Barnsley in?", False),
    ("compare London and Humber on work placements", True),
    ("check: 46% of London employers offer placements", False),
    ("tell me about Dorset", True),
    ("where do these numbers come from?", False),
    ("is the south better than elsewhere for placements?", True),
    ("is work inspiration related to youth unemployment?", False),
)


@dataclass(frozen=True)
class Asked:
    channel: str
    ts: str
    question: str
    chart: bool
    event: dict  # the event_callback body, as Slack sends it


@dataclass(frozen=True)
class Outcome:
    asked: int
    lost: int  # questions with no answer in their thread
    doubled: int  # answers beyond one per question
    charts: int  # charts uploaded into the right thread, after that thread's answer
    charts_expected: int
    misplaced_charts: int  # a chart before its text, or in no asked thread
    signs_shown: int
    signs_left: int  # reactions still on questions whose answer has landed
    limited_posts: int  # 429s Slack (the fake) answered chat.postMessage
    limited_other: int  # … and the other methods (reactions, uploads)
    last_answer: float  # seconds after the first question, on the fake's clock
    last_chart: float
    last_sign_cleared: float


def channels(count: int) -> list[str]:
    return [f"C{n:010d}" for n in range(1, count + 1)]


def ask(
    send: Callable[[dict], object], questions: int, where: list[str], within: float
) -> list[Asked]:
    """Send `questions` mentions spread evenly over `within` seconds, round the channels."""
    asked = []
    for n in range(questions):
        question, chart = QUESTIONS[n % len(QUESTIONS)]
        ts = new_ts()
        channel = where[n % len(where)]
        body = event_callback(mention(question, ts=ts, channel=channel, user=f"U{n:09d}"))
        asked.append(Asked(channel, ts, question, chart, body))
    started = time.monotonic()
    senders = []
    for n, item in enumerate(asked):
        delay = started + within * n / max(1, questions) - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        sender = threading.Thread(target=send, args=(item.event,))
        sender.start()
        senders.append(sender)
    for sender in senders:
        sender.join()
    return asked


def all_answered(fake: FakeSlack, asked: list[Asked]) -> bool:
    threads = {(a.channel, a.ts) for a in asked}
    answered = {(p["channel"], p.get("thread_ts")) for p in fake.posts()}
    return threads <= answered


def outcome(fake: FakeSlack, asked: list[Asked], started: float) -> Outcome:
    """What became of each question, read from what the fake Slack accepted."""
    posts = [c for c in fake.called("chat.postMessage") if c.ok]
    completes = [c for c in fake.called("files.completeUploadExternal") if c.ok]
    per_thread: dict[tuple[str, str], list] = {(a.channel, a.ts): [] for a in asked}
    for call in posts:
        key = (call.body["channel"], call.body.get("thread_ts"))
        if key in per_thread:
            per_thread[key].append(call)
    charted = {}
    misplaced = 0
    for call in completes:
        key = (call.body.get("channel_id"), call.body.get("thread_ts"))
        answers = per_thread.get(key)
        if not answers or answers[0].at > call.at:
            misplaced += 1
        else:
            charted[key] = call
    adds = fake.called("reactions.add")
    clears = [c for c in fake.called("reactions.remove") if c.ok]
    left = sum(bool(fake.signs_on(a.channel, a.ts)) for a in asked)
    return Outcome(
        asked=len(asked),
        lost=sum(1 for answers in per_thread.values() if not answers),
        doubled=sum(max(0, len(answers) - 1) for answers in per_thread.values()),
        charts=len(charted),
        charts_expected=sum(a.chart for a in asked),
        misplaced_charts=misplaced,
        signs_shown=sum(1 for c in adds if c.ok),
        signs_left=left,
        limited_posts=sum(c.path == "chat.postMessage" for c in fake.limited()),
        limited_other=sum(c.path != "chat.postMessage" for c in fake.limited()),
        last_answer=max((c.at for c in posts), default=started) - started,
        last_chart=max((c.at for c in completes), default=started) - started,
        last_sign_cleared=max((c.at for c in clears), default=started) - started,
    )
