"""From an answer worked out to an answer in Slack: the post, its fallbacks, the sign, the chart.

The text goes first: it is the answer. It waits its turn in the channel's lane (outbox.py); a 429
only delays it. If Slack refuses the blocks, the table is sent as text, then the whole answer as
plain mrkdwn; if every form is refused, or the answer cannot be rendered, the apology goes in its
place — through the same patient lane, so it is never the thing a rate limit drops. The chart
follows its own text in the same thread. While an answer waits, the question carries a sign.

What is owed is held in the store with the question's claim until it has been posted, so an
instance that dies or shuts down mid-queue leaves it for another to deliver (claims.py).
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass, replace
from functools import partial
from typing import Literal

from slack_sdk.webhook import WebhookClient

from bot.answering import SORRY
from bot.conversation import Conversations
from bot.slack.blocks import Message, answer_message, asked_message, plain_message, with_note
from bot.slack.charts import ChartPoster
from bot.slack.claims import Ledger
from bot.slack.events import thread_key
from bot.slack.outbox import Outbox, OutOfTime, Poster, Refused, Unpostable
from bot.slack.signs import Signs
from bot.store import codec
from intents.dataset.model import Dataset
from intents.reading.query import Query
from intents.replies.answer import Answer

log = logging.getLogger("lepbot.slack")
PostedAs = Literal["thread", "apology", "private"]

PRIVATE_NOTE = (
    "Only you can see this: I am not a member of this conversation. Invite me (/invite @lepbot) "
    "to answer in a thread everyone can see, with a chart."
)


@dataclass(frozen=True)
class Reply:
    """An answer owed in a Slack thread, as held in the store until it is posted."""

    channel: str
    thread_ts: str | None  # None: a /lep question, posted first as the root of a new thread
    answer: Answer
    received: float  # wall-clock time the question arrived, for the latency in the log
    question: str = ""  # echoed as a /lep root; logged only with LEPBOT_LOG_QUESTIONS=1
    sign_ts: str | None = None  # the message that carries the waiting sign
    asker: str = ""  # /lep: who asked, named in the root
    response_url: str = ""  # /lep: where to answer privately if lepbot cannot post here
    query: Query | None = None  # /lep: the context to keep under the thread it starts


def answer_forms(answer: Answer, dataset: Dataset) -> list[Message]:
    """The answer as Slack messages, richest first: blocks, table as text, plain mrkdwn."""
    full = answer_message(answer, dataset)
    forms = [full, plain_message(answer, dataset)]
    if any(block["type"] == "table" for block in full["blocks"]):
        forms.insert(1, answer_message(answer, dataset, table_block=False))
    return forms


class Deliveries:
    def __init__(
        self,
        outbox: Outbox,
        charts: ChartPoster,
        signs: Signs,
        ledger: Ledger,
        conversations: Conversations,
        log_questions: bool = False,
    ) -> None:
        self._outbox = outbox
        self._charts = charts
        self._signs = signs
        self._ledger = ledger
        self._conversations = conversations
        self._log_questions = log_questions

    def must_wait(self, channel: str) -> bool:
        """Whether an answer queued now in `channel` would wait long enough to say so."""
        return self._outbox.must_wait(channel)

    def send(self, reply: Reply, claim: str | None = None) -> None:
        """Queue `reply`; `claim` is the question's event id, if Slack gave it one."""
        if claim is None:
            claim = f"reply:{secrets.token_hex(8)}"
            self._ledger.claim(claim)
        self._ledger.hold(claim, codec.dumps(reply))
        sign = partial(self._signs.show, reply.channel, reply.sign_ts) if reply.sign_ts else None
        work = partial(self._deliver, claim, reply, False)
        self._outbox.submit(reply.channel, claim, work, on_long_wait=sign)

    def adopt(self, claim: str, work: str) -> None:
        """Deliver what another instance held for `claim` and did not finish."""
        try:
            reply = codec.loads(Reply, work)
        except codec.Unreadable as error:
            log.warning("dropped an unfinished answer that no longer reads (%s)", error)
            self._ledger.finish(claim)
            return
        self._outbox.submit(reply.channel, claim, partial(self._deliver, claim, reply, True))

    def _deliver(self, claim: str, reply: Reply, adopted: bool, poster: Poster) -> None:
        """The lane's work for one reply. OutOfTime at shutdown leaves the claim to hand back."""
        thread = None
        try:
            thread = self._post(claim, reply, poster)
        except OutOfTime as late:
            if late.shutting_down:
                raise
            log.error("gave up on the answer in %s: Slack kept it waiting", reply.channel)
        except Unpostable as refusal:
            log.warning("cannot post in %s (%s)", reply.channel, refusal.error)
        except Refused:
            log.error("Slack refused even the apology in %s", reply.channel)
        self._ledger.finish(claim)
        if reply.sign_ts:
            self._signs.clear(reply.channel, reply.sign_ts, maybe_elsewhere=adopted)
        if thread is not None and reply.answer.chart is not None:
            self._charts.post(reply.channel, thread, reply.answer.chart)

    def _post(self, claim: str, reply: Reply, poster: Poster) -> str | None:
        """Post the answer (a /lep question first); the thread it is in, None if no chart follows."""
        thread = reply.thread_ts
        if thread is None:
            try:
                thread = poster.post(None, [asked_message(reply.asker, reply.question)])
            except Unpostable as refusal:
                log.info(
                    "cannot post in %s (%s): /lep answered privately", poster.channel, refusal.error
                )
                self._answer_privately(reply)
                return None
            self._ledger.hold(claim, codec.dumps(replace(reply, thread_ts=thread)))
            if reply.query is not None:
                self._conversations.remember(thread_key(reply.channel, thread), reply.query)
        try:
            forms = answer_forms(reply.answer, self._conversations.dataset)
        except Exception:
            log.exception("could not render the answer in %s/%s", reply.channel, thread)
            forms = []
        if forms:
            try:
                poster.post(thread, forms)
                self._log(reply, "thread")
                return thread
            except Refused:
                log.warning("Slack refused every form of the answer in %s", reply.channel)
        poster.post(thread, [{"text": SORRY}])
        self._log(reply, "apology")
        return None

    def _answer_privately(self, reply: Reply) -> None:
        """Only to the asker, through the response_url (no thread, so no chart)."""
        try:
            message = answer_message(reply.answer, self._conversations.dataset)
            response = WebhookClient(reply.response_url).send(
                **with_note(message, PRIVATE_NOTE),
                response_type="ephemeral",
                replace_original=False,
            )
            if response.status_code != 200:
                log.warning("response_url refused the reply (%s)", response.status_code)
        except Exception:
            log.exception("could not reply through response_url")
        self._log(reply, "private")

    def _log(self, reply: Reply, posted: PostedAs) -> None:
        """One line per answer: what kind, where, how long after the question arrived."""
        latency = round((time.time() - reply.received) * 1000)
        question = f" question={reply.question!r}" if self._log_questions else ""
        log.info(
            "answer intent=%s channel=%s latency_ms=%d as=%s%s",
            reply.answer.intent,
            reply.channel,
            latency,
            posted,
            question,
        )
