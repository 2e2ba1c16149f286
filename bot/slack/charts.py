"""Charts drawn and uploaded on one thread of their own, each after its own text answer.

Text answers never wait behind a picture: a workshop asking at once gets its sentences, and the
pictures follow. One thread also means one chart drawn at a time, which matplotlib's shared state
(fonts, rcParams) needs. The thread starts with the first chart or the warm-up, never before a
fork: a pool counted in gunicorn's master would be a thread the worker does not have.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from slack_sdk import WebClient

from bot.slack.blocks import clip
from bot.slack.outbox import DELIVERY_SECONDS, Patience, patiently
from intents.replies.answer import Bar, ChartSpec

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


class ChartPoster:
    def __init__(
        self,
        client: WebClient,
        render: ChartRenderer | None = None,
        patience: Patience | None = None,
        deadline: float = DELIVERY_SECONDS,
    ) -> None:
        self._client = client
        self._render = render  # None: bot.render.charts.render, imported on the chart thread
        self._patience = patience or Patience()
        self._deadline = deadline
        self._queue: ThreadPoolExecutor | None = None
        self._queued: set[Future] = set()
        self._lock = threading.Lock()

    def warm(self) -> None:
        """Load the chart library before the first question, so its first answer is not slow."""
        self._submit(self._warm)

    def post(self, channel: str, thread_ts: str, spec: ChartSpec) -> None:
        until = self._patience.clock() + self._deadline
        self._submit(self._upload, channel, thread_ts, spec, until)

    def close(self, until: float) -> None:
        """Finish the charts queued, until clock time `until`; later ones are dropped (logged)."""
        self._patience.close(until)
        with self._lock:
            queue, queued = self._queue, set(self._queued)
        if queue is None:
            return
        _, late = wait(queued, timeout=max(0.0, until - self._patience.clock()))
        if late:
            log.warning("%d charts not delivered before shutdown", len(late))
        queue.shutdown(wait=False, cancel_futures=True)

    def _submit(self, fn: Callable, *args: object) -> None:
        with self._lock:
            if self._queue is None:
                self._queue = ThreadPoolExecutor(max_workers=1, thread_name_prefix="lepbot-charts")
            future = self._queue.submit(fn, *args)
            self._queued.add(future)
        future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        with self._lock:
            self._queued.discard(future)

    def _draw(self, spec: ChartSpec) -> bytes:
        if self._render is None:
            from bot.render.charts import render  # matplotlib is imported only to draw a chart

            self._render = render
        return self._render(spec)

    def _warm(self) -> None:
        try:
            self._draw(WARM_UP)
        except Exception:
            log.warning("could not warm up the chart renderer", exc_info=True)

    def _upload(self, channel: str, thread_ts: str, spec: ChartSpec, until: float) -> None:
        """Draw the chart and upload it into the thread; a failure is logged and the text stands."""
        try:
            png = self._draw(spec)
            patiently(
                lambda: self._client.files_upload_v2(
                    channel=channel,
                    thread_ts=thread_ts,
                    file=png,
                    filename="lepbot-chart.png",
                    title=clip(spec.title, TITLE_CHARS),
                    alt_txt=clip(spec.alt_text, ALT_TEXT_CHARS),
                ),
                self._patience,
                until,
            )
        except Exception:
            log.warning(
                "chart not delivered to %s/%s; the text answer stands",
                channel,
                thread_ts,
                exc_info=True,
            )
