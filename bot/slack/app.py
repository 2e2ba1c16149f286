"""The Bolt app, built by one factory so tests and `lepbot serve` run the same thing."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.conversation import Conversations
from bot.slack.bots import IgnoreBots
from bot.slack.dedupe import SeenSet, SkipRepeats
from bot.slack.delivery import ChartPoster, ChartRenderer
from bot.slack.listeners import Replier, register
from bot.slack.settings import SlackSettings

log = logging.getLogger("lepbot.slack")
LISTENER_THREADS = 16


def web_client(settings: SlackSettings) -> WebClient:
    """A Web API client that waits out a 429 (Retry-After) instead of dropping the reply."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url or WebClient.BASE_URL,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
        ],
    )


def _same_token(record: logging.LogRecord) -> bool:
    return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    """Bolt's log without one false alarm: Bolt reads SLACK_BOT_TOKEN itself and warns that the
    client passed in wins, but that client carries the same token."""
    logger = logging.getLogger("lepbot.slack.bolt")
    logger.addFilter(_same_token)  # a no-op when already added
    return logger


def create_app(
    settings: SlackSettings,
    conversations: Conversations,
    client: WebClient | None = None,
    chart_renderer: ChartRenderer | None = None,
) -> App:
    """lepbot's Bolt app. Calls auth.test once, to learn its own user id and check the token.

    `client` defaults to web_client(settings); `chart_renderer` (ChartSpec -> PNG bytes) to
    bot.render.charts.render, imported when the first chart is drawn so tests can do without matplotlib.

    process_before_response stays False: Bolt acknowledges each event at once and answers on its
    thread pool, which is what a long-running server (gunicorn or Socket Mode) wants. The pool is
    sized for a workshop channel asking at once (Bolt's default is 5).
    """
    app = App(
        client=client or web_client(settings),
        signing_secret=settings.signing_secret,
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_THREADS),
        logger=_bolt_logger(),
    )
    app.use(SkipRepeats(SeenSet()))
    app.use(IgnoreBots())
    charts = ChartPoster(chart_renderer)
    charts.warm()
    register(app, Replier(conversations, charts))
    return app
