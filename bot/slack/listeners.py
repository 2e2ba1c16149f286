"""Where questions arrive (mentions, DMs, /lep, buttons, App Home) and how each is answered.

Listeners only find the question and its thread; `Replier` asks the engine and delivers. Context
is keyed by (channel, thread), so follow-ups in one thread never see another thread's questions.
Events are acknowledged by Bolt before the listener runs; commands and buttons call ack() first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookResponse

from bot.answering import SORRY, safe_ask
from bot.conversation import Conversations
from bot.slack.blocks import (
    ASK_ACTION_PATTERN,
    Message,
    answer_message,
    asked_message,
    home_view,
    with_note,
)
from bot.slack.delivery import ChartPoster, post_answer, post_message, post_sorry

log = logging.getLogger("lepbot.slack")

Respond = Callable[..., WebhookResponse]  # Bolt's respond(): posts to the response_url
PRIVATE_NOTE = (
    "Only you can see this: I am not a member of this conversation. Invite me (/invite @lepbot) "
    "to answer in a thread everyone can see, with a chart."
)


def thread_of(message: dict) -> str:
    """The thread a reply belongs in: the message's thread, or the message starts one."""
    return message.get("thread_ts") or message["ts"]


@dataclass(frozen=True)
class Replier:
    """Asks the engine and delivers the answer; every failure ends as one line for the user."""

    conversations: Conversations
    charts: ChartPoster

    def in_thread(
        self,
        client: WebClient,
        channel: str,
        thread_ts: str,
        question: str,
        context: Hashable | None = None,
    ) -> None:
        """Answer in the thread, with the thread's context (or `context`); the chart follows."""
        try:
            turn = safe_ask(self.conversations, question, context or (channel, thread_ts))
            post_answer(client, channel, thread_ts, turn.answer, self.conversations.dataset)
        except Exception:
            log.exception("could not answer in %s/%s", channel, thread_ts)
            post_sorry(client, channel, thread_ts)
            return
        if turn.answer.chart is not None:
            self.charts.post(client, channel, thread_ts, turn.answer.chart)

    def privately(self, respond: Respond, question: str, note: str | None = None) -> None:
        """Answer only to the asker, through the response_url: no thread, so no chart."""
        try:
            answer = safe_ask(self.conversations, question).answer
            message = answer_message(answer, self.conversations.dataset)
            _respond(respond, with_note(message, note) if note else message)
        except Exception:
            log.exception("could not answer privately")
            _respond(respond, {"text": SORRY})

    def slash_command(self, client: WebClient, respond: Respond, command: dict) -> None:
        """/lep cannot run in a thread, so it starts one: the question, then the answer beneath.

        Where lepbot cannot post (not a member, someone else's DM) the answer goes to the asker
        alone; an empty /lep shows help to the asker alone rather than to the channel.
        """
        question = command.get("text", "").strip()
        channel = command["channel_id"]
        if not question:
            self.privately(respond, "help")
            return
        try:
            root = post_message(client, channel, None, asked_message(command["user_id"], question))
        except Exception as error:
            reason = error.response.get("error") if isinstance(error, SlackApiError) else error
            log.info("cannot post in %s (%s): /lep answered privately", channel, reason)
            self.privately(respond, question, PRIVATE_NOTE)
            return
        self.in_thread(client, channel, root, question)

    def button(self, client: WebClient, respond: Respond, body: dict, question: str) -> None:
        """A suggested question pressed: answer it in the thread the button was in."""
        container = body.get("container") or {}
        if container.get("is_ephemeral"):
            self.privately(respond, question)
            return
        message = body.get("message") or {"ts": container["message_ts"]}
        channel = container.get("channel_id") or body["channel"]["id"]
        self.in_thread(client, channel, thread_of(message), question)

    def home(self, client: WebClient, user_id: str) -> None:
        help_answer = safe_ask(self.conversations, "help").answer
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


def _is_direct_message(event: dict) -> bool:
    return event.get("channel_type") == "im"


def register(app: App, replier: Replier) -> None:
    """Attach lepbot's listeners to `app`."""

    @app.event("app_mention")
    def on_mention(event: dict, client: WebClient) -> None:
        replier.in_thread(client, event["channel"], thread_of(event), event.get("text", ""))

    @app.event({"type": "message", "subtype": None}, matchers=[_is_direct_message])
    def on_direct_message(event: dict, client: WebClient) -> None:
        """A DM is one conversation: "and London?" as a new message follows on from the last."""
        channel = event["channel"]
        replier.in_thread(
            client, channel, thread_of(event), event.get("text", ""), context=(channel, "dm")
        )

    @app.event("message")
    def on_other_message() -> None:
        """Edits, deletions, file shares: acknowledged, so Slack does not retry them."""

    @app.command("/lep")
    def on_lep(ack: Callable, command: dict, client: WebClient, respond: Respond) -> None:
        ack()
        replier.slash_command(client, respond, command)

    @app.action(re.compile(ASK_ACTION_PATTERN))
    def on_ask_button(
        ack: Callable, body: dict, action: dict, client: WebClient, respond: Respond
    ) -> None:
        ack()
        replier.button(client, respond, body, action["value"])

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        if event.get("tab") == "home":
            replier.home(client, event["user"])
