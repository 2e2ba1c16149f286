"""Where questions arrive (mentions, DMs, /lep, buttons, the "Check figures" message shortcut,
App Home) and how each is answered.

Listeners only find the question and its thread; `Replier` asks the engine and hands the answer
to the deliveries, which post it when Slack's pace allows. Context is keyed by (channel, thread),
so follow-ups in one thread never see another thread's questions. Events are acknowledged by Bolt
before the listener runs; commands and buttons call ack() first.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookResponse

from bot.answering import SORRY, safe_ask
from bot.conversation import Conversations
from bot.slack.blocks import ASK_ACTION_PATTERN, Message, answer_message, home_view, with_note
from bot.slack.delivery import Deliveries, Reply
from bot.slack.events import dm_key, is_direct_message, thread_key, thread_of
from intents import Turn
from intents.replies.answer import Answer

log = logging.getLogger("lepbot.slack")

Respond = Callable[..., WebhookResponse]  # Bolt's respond(): posts to the response_url
CHECK_SHORTCUT = "check_figures"  # manifest.yml: the message shortcut "Check figures with lepbot"
CHECK_PREFIX = "check: "
NOTHING_TO_CHECK = (
    "I found no figure or claim about an area in that message to check. Paste the sentence "
    "with its figure, e.g. “check: 46% of London employers offer placements”."
)
QUEUED_NOTE = "Queued behind other questions in this channel: the answer will appear in a thread here shortly."


@dataclass(frozen=True)
class Replier:
    """Asks the engine and hands over the answer; every failure ends as one line for the user."""

    conversations: Conversations
    deliveries: Deliveries
    log_questions: bool = False

    def _ask(self, question: str, key: str | None) -> Turn:
        return safe_ask(self.conversations, question, key, log_text=self.log_questions)

    def in_thread(
        self,
        channel: str,
        thread_ts: str,
        question: str,
        *,
        claim: str | None = None,
        sign_ts: str | None = None,
        key: str | None = None,
    ) -> None:
        """Answer in the thread, with the thread's context (or `key`'s); the chart follows."""
        received = time.time()
        turn = self._ask(question, key or thread_key(channel, thread_ts))
        reply = Reply(channel, thread_ts, turn.answer, received, question, sign_ts=sign_ts)
        self.deliveries.send(reply, claim)

    def privately(self, respond: Respond, question: str, note: str | None = None) -> None:
        """Answer only to the asker, through the response_url: no thread, so no chart."""
        try:
            answer = self._ask(question, None).answer
            message = answer_message(answer, self.conversations.dataset)
            _respond(respond, with_note(message, note) if note else message)
        except Exception:
            log.exception("could not answer privately")
            _respond(respond, {"text": SORRY})

    def acknowledgement(self, command: dict) -> str:
        """What /lep says at once: nothing, unless the answer has to wait its turn."""
        waits = command.get("text", "").strip() and self.deliveries.must_wait(command["channel_id"])
        return QUEUED_NOTE if waits else ""

    def slash_command(self, respond: Respond, command: dict) -> None:
        """/lep cannot run in a thread, so it starts one: the question, then the answer beneath.

        Where lepbot cannot post (not a member, someone else's DM) the answer goes to the asker
        alone; an empty /lep shows help to the asker alone rather than to the channel.
        """
        question = command.get("text", "").strip()
        if not question:
            self.privately(respond, "help")
            return
        received = time.time()
        turn = self._ask(question, None)
        reply = Reply(
            command["channel_id"],
            None,
            turn.answer,
            received,
            question,
            asker=command["user_id"],
            response_url=command.get("response_url", ""),
            query=turn.query,
        )
        self.deliveries.send(reply)

    def check_message(self, channel: str, message: dict) -> None:
        """The message shortcut: every claim in someone's message checked, in its thread."""
        text = message.get("text", "")
        received = time.time()
        turn = self._ask(CHECK_PREFIX + text, None)
        answer = turn.answer
        if answer.intent not in ("factcheck", "clarify"):
            answer = Answer(intent="factcheck", headline=NOTHING_TO_CHECK, verdict="unverifiable")
        thread = thread_of(message)
        self.deliveries.send(Reply(channel, thread, answer, received, text, sign_ts=message["ts"]))

    def button(self, respond: Respond, body: dict, question: str) -> None:
        """A suggested question pressed: answer it in the thread the button was in."""
        container = body.get("container") or {}
        if container.get("is_ephemeral"):
            self.privately(respond, question)
            return
        message = body.get("message") or {"ts": container["message_ts"]}
        channel = container.get("channel_id") or body["channel"]["id"]
        self.in_thread(channel, thread_of(message), question, sign_ts=message["ts"])

    def home(self, client: WebClient, user_id: str) -> None:
        help_answer = self._ask("help", None).answer
        try:
            client.views_publish(user_id=user_id, view=home_view(help_answer))
        except SlackApiError:
            log.exception("could not publish the App Home for %s", user_id)


def _respond(respond: Respond, message: Message) -> None:
    """An ephemeral reply to the asker; a refused one is logged, as there is nowhere else to say."""
    try:
        response = respond(**message, response_type="ephemeral", replace_original=False)
        if response.status_code != 200:
            log.warning(
                "response_url refused the reply (%s): %s", response.status_code, response.body
            )
    except Exception:
        log.exception("could not reply through response_url")


def register(app: App, replier: Replier) -> None:
    """Attach lepbot's listeners to `app`."""

    @app.event("app_mention")
    def on_mention(event: dict, body: dict) -> None:
        replier.in_thread(
            event["channel"],
            thread_of(event),
            event.get("text", ""),
            claim=body.get("event_id"),
            sign_ts=event["ts"],
        )

    @app.event({"type": "message", "subtype": None}, matchers=[is_direct_message])
    def on_direct_message(event: dict, body: dict) -> None:
        """A DM is one conversation: "and London?" as a new message follows on from the last."""
        channel = event["channel"]
        replier.in_thread(
            channel,
            thread_of(event),
            event.get("text", ""),
            claim=body.get("event_id"),
            sign_ts=event["ts"],
            key=dm_key(channel),
        )

    @app.event("message")
    def on_other_message() -> None:
        """Edits, deletions, file shares: acknowledged, so Slack does not retry them."""

    @app.command("/lep")
    def on_lep(ack: Callable, command: dict, respond: Respond) -> None:
        ack(replier.acknowledgement(command))
        replier.slash_command(respond, command)

    @app.action(re.compile(ASK_ACTION_PATTERN))
    def on_ask_button(ack: Callable, body: dict, action: dict, respond: Respond) -> None:
        ack()
        replier.button(respond, body, action["value"])

    @app.shortcut(CHECK_SHORTCUT)
    def on_check_shortcut(ack: Callable, body: dict) -> None:
        ack()
        replier.check_message(body["channel"]["id"], body["message"])

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        if event.get("tab") == "home":
            replier.home(client, event["user"])
