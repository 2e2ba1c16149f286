"""The Bolt app and what it runs with, built by one factory so tests and `lepbot serve` agree.

Building starts no thread: under gunicorn the bot is built in each worker, after the fork, and
`start()` then warms the reader and the chart renderer and starts the caretaker. `shutdown()` is
the other end: take nothing new, let the answers and charts in flight finish within a bound,
hand back to the store whatever could not, and close it.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler

from bot.conversation import Conversations
from bot.slack.bots import IgnoreBots
from bot.slack.charts import ChartPoster, ChartRenderer
from bot.slack.claims import Caretaker, ClaimQuestions, Ledger
from bot.slack.delivery import Deliveries
from bot.slack.limits import Pace
from bot.slack.listeners import Replier, register
from bot.slack.outbox import Outbox
from bot.slack.settings import SlackSettings
from bot.slack.signs import Signs
from bot.store import Store
from intents.reading.understand import warm

log = logging.getLogger("lepbot.slack")
LISTENER_THREADS = 16
SHUTDOWN_SECONDS = 20.0  # answers in flight get this long; platforms kill at 30 s
BURST = 3  # messages a quiet channel may take at once before the pace applies
CALL_TIMEOUT_SECONDS = 15


def web_client(settings: SlackSettings) -> WebClient:
    """A Web API client that retries a dropped connection; 429s are waited out by the outbox."""
    return WebClient(
        token=settings.bot_token,
        base_url=settings.api_url or WebClient.BASE_URL,
        timeout=CALL_TIMEOUT_SECONDS,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2)],
    )


def _same_token(record: logging.LogRecord) -> bool:
    return "`token` will be unused" not in record.getMessage()


def _bolt_logger() -> logging.Logger:
    """Bolt's log without one false alarm: Bolt reads SLACK_BOT_TOKEN itself and warns that the
    client passed in wins, but that client carries the same token."""
    logger = logging.getLogger("lepbot.slack.bolt")
    logger.addFilter(_same_token)  # a no-op when already added
    return logger


@dataclass
class SlackBot:
    """One serving process's bot: the Bolt app, and what it answers through."""

    app: App
    store: Store
    ledger: Ledger
    intake: ClaimQuestions
    listeners: ThreadPoolExecutor
    outbox: Outbox
    charts: ChartPoster
    signs: Signs
    caretaker: Caretaker
    conversations: Conversations

    def start(self) -> None:
        """Start the threads: once, in the process that serves (after gunicorn forks). The
        reader is warmed here, so no one's first question pays for it."""
        warm(self.conversations.dataset)
        self.charts.warm()
        self.caretaker.start()

    def health(self) -> dict:
        reachable = self.store.ping()
        return {"ok": reachable, "store": self.store.kind, "store_reachable": reachable}

    def stop_taking(self) -> None:
        """From now on Slack's requests are not acknowledged, so Slack delivers them elsewhere."""
        self.intake.closing = True

    def shutdown(self, within: float = SHUTDOWN_SECONDS) -> None:
        """Finish what was acknowledged within `within` seconds; hand back what was not."""
        until = time.monotonic() + within
        self.stop_taking()
        self.caretaker.adopting = False  # leases are still renewed while the lanes drain
        self.listeners.shutdown(wait=True)  # answers being worked out reach the outbox
        left = self.outbox.close(until)
        self.charts.close(until)
        self.signs.close(until)
        self.caretaker.stop()
        self.ledger.release(left)
        if left:
            log.warning("%d answers left in the store for the next instance", len(left))
        self.store.close()


def create_bot(
    settings: SlackSettings,
    conversations: Conversations,
    store: Store,
    client: WebClient | None = None,
    chart_renderer: ChartRenderer | None = None,
) -> SlackBot:
    """lepbot's Bolt app with its outbox. Calls auth.test once, to learn its own user id.

    `client` defaults to web_client(settings); `chart_renderer` (ChartSpec -> PNG bytes) to
    bot.render.charts.render, imported when the first chart is drawn so tests can do without
    matplotlib.

    process_before_response stays False: Bolt acknowledges each event at once and answers on its
    thread pool, which is what a long-running server (gunicorn or Socket Mode) wants. The pool is
    sized for a workshop channel asking at once (Bolt's default is 5).
    """
    client = client or web_client(settings)
    listeners = ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="lepbot-ask")
    app = App(
        client=client,
        signing_secret=settings.signing_secret,
        process_before_response=False,
        listener_executor=listeners,
        logger=_bolt_logger(),
    )
    ledger = Ledger(store)
    intake = ClaimQuestions(ledger)
    app.use(IgnoreBots())
    app.use(intake)
    outbox = Outbox(client, Pace(per_second=settings.channel_rate, burst=BURST))
    charts = ChartPoster(client, chart_renderer)
    signs = Signs(client)
    deliveries = Deliveries(outbox, charts, signs, ledger, conversations, settings.log_questions)
    register(app, Replier(conversations, deliveries, settings.log_questions))
    caretaker = Caretaker(ledger, deliveries.adopt)
    return SlackBot(
        app, store, ledger, intake, listeners, outbox, charts, signs, caretaker, conversations
    )
