"""Posting an answer and its chart, degrading step by step so a reply is never silently lost.

The text goes first: it is the answer. If Slack refuses the blocks, the table is sent as text, then
the whole answer as plain mrkdwn. The chart follows in the same thread; if drawing or uploading it
fails, the text answer stands and the log says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answering import SORRY
from bot.slack.blocks import Message, answer_message, clip, plain_message
from intents.dataset.model import Dataset
from intents.replies.answer import Answer, Bar, ChartSpec

log = logging.getLogger("lepbot.slack")

ChartRenderer = Callable[[ChartSpec], bytes]  # ChartSpec -> PNG bytes
WARM_UP = ChartSpec(
    kind="groups",
    title="warm-up",
    unit="%",
    format="percent",
    source="",
    alt_text="",
    bars=(Bar("a", value=1.0), Bar("b", value=2.0)),
)
ALT_TEXT_CHARS = 1000
TITLE_CHARS = 250


def post_answer(
    client: WebClient, channel: str, thread_ts: str, answer: Answer, dataset: Dataset
) -> None:
    """Post `answer` in the thread; raise only if Slack refused every form of it."""
    full = answer_message(answer, dataset)
    forms = [full, plain_message(answer, dataset)]
    if any(block["type"] == "table" for block in full["blocks"]):
        forms.insert(1, answer_message(answer, dataset, table_block=False))
    *richer, last = forms
    for number, message in enumerate(richer, start=1):
        try:
            post_message(client, channel, thread_ts, message)
            return
        except SlackApiError as error:
            log.warning(
                "Slack refused form %d of the answer in %s (%s); trying a simpler one",
                number,
                channel,
                error.response.get("error"),
            )
    post_message(client, channel, thread_ts, last)


def post_message(client: WebClient, channel: str, thread_ts: str | None, message: Message) -> str:
    """chat.postMessage without link previews; returns the new message's ts."""
    response = client.chat_postMessage(
        channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message
    )
    return response["ts"]


class ChartPoster:
    """Draws and uploads charts on one thread of its own, in the order answers were posted.

    Text answers never wait behind a chart: a workshop asking at once gets every sentence first,
    and the pictures follow. One thread also means one chart drawn at a time, which matplotlib's
    shared state (fonts, rcParams) needs.
    """

    def __init__(self, render: ChartRenderer | None = None) -> None:
        self._render = render  # None: bot.render.charts.render, imported on the chart thread
        self._queue = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lepbot-charts")

    def _draw(self, spec: ChartSpec) -> bytes:
        if self._render is None:
            from bot.render.charts import render  # matplotlib is imported only to draw a chart

            self._render = render
        return self._render(spec)

    def warm(self) -> None:
        """Load the chart library before the first question, so its first answer is not slow."""
        self._queue.submit(self._warm)

    def _warm(self) -> None:
        try:
            self._draw(WARM_UP)
        except Exception:
            log.warning("could not warm up the chart renderer", exc_info=True)

    def post(self, client: WebClient, channel: str, thread_ts: str, spec: ChartSpec) -> Future:
        return self._queue.submit(upload_chart, client, channel, thread_ts, spec, self._draw)

    def drain(self) -> None:
        """Wait for the charts already queued (tests, and a clean shutdown)."""
        self._queue.shutdown(wait=True)


def upload_chart(
    client: WebClient, channel: str, thread_ts: str, spec: ChartSpec, draw: ChartRenderer
) -> None:
    """Draw the chart and upload it into the thread; a failure is logged and the text stands."""
    try:
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            file=draw(spec),
            filename="lepbot-chart.png",
            title=clip(spec.title, TITLE_CHARS),
            alt_txt=clip(spec.alt_text, ALT_TEXT_CHARS),
        )
    except Exception:
        log.warning(
            "chart not delivered to %s/%s; the text answer stands",
            channel,
            thread_ts,
            exc_info=True,
        )


def post_sorry(client: WebClient, channel: str, thread_ts: str) -> None:
    """One friendly line in the thread; if even that fails there is nobody left to tell but the log."""
    try:
        post_message(client, channel, thread_ts, {"text": SORRY})
    except Exception:
        log.exception("could not post the apology in %s/%s", channel, thread_ts)
