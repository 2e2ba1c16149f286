"""Running the bot: gunicorn for HTTP, Bolt's Socket Mode handler for a firewall-friendly socket.

Bolt's built-in HTTP server is for development (it drops the connection on a malformed body), so
HTTP mode runs under gunicorn: $WEB_CONCURRENCY workers (default 1), each with threads for
concurrent requests. Each worker builds its own bot after gunicorn forks, so no thread or pool
is ever counted in the master but missing in the worker, and drains it as it exits: Slack got
its 200 long before the answer was posted, so gunicorn's own drain of requests is not enough.
The workers share thread context and claims through the store.

Both modes stop on SIGTERM the same way: take nothing new, finish what was acknowledged within a
bound (SlackBot.shutdown), then close.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

from gunicorn.app.base import BaseApplication
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.app import SHUTDOWN_SECONDS, SlackBot
from bot.slack.wsgi import WsgiApp, create_wsgi_app

THREADS = 8
GRACEFUL_SECONDS = int(SHUTDOWN_SECONDS) + 8  # gunicorn waits this long for a worker, then kills it


class _Gunicorn(BaseApplication):
    """gunicorn driven from code; each worker builds its own bot (see the module docstring)."""

    def __init__(self, build: Callable[[], SlackBot], bind: str, workers: int) -> None:
        self._build = build
        self._bind = bind
        self._workers = workers
        self._bot: SlackBot | None = None  # set in a worker only
        super().__init__()

    def load_config(self) -> None:
        settings = {
            "bind": self._bind,
            "workers": self._workers,
            "threads": THREADS,
            "accesslog": None,
            "graceful_timeout": GRACEFUL_SECONDS,
            "worker_exit": self._worker_exit,
            "control_socket_disable": True,  # gunicorn >= 25 would create ~/.gunicorn
        }
        for name, value in settings.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> WsgiApp:
        """Called in the worker, after the fork."""
        self._bot = self._build()
        self._bot.start()
        return create_wsgi_app(self._bot.app, self._bot.health)

    def _worker_exit(self, server: object, worker: object) -> None:
        """gunicorn calls this as a worker exits (in the master too, for one already gone)."""
        if self._bot is not None:
            self._bot.shutdown()


def run_http(build: Callable[[], SlackBot], host: str, port: int, workers: int) -> None:
    """Serve until gunicorn is told to stop (SIGTERM, Ctrl-C)."""
    _Gunicorn(build, f"{host}:{port}", workers).run()


def connect_socket_mode(bot: SlackBot, app_token: str) -> SocketModeHandler:
    """Open the WebSocket; raises SlackApiError if Slack refuses the app-level token."""
    handler = SocketModeHandler(bot.app, app_token)
    try:
        handler.connect()
    except Exception:
        handler.close()  # the client's worker threads started with it
        raise
    return handler


def run_socket_mode(handler: SocketModeHandler, bot: SlackBot) -> None:
    """Serve over the open socket until SIGTERM or Ctrl-C; the handler reconnects by itself.

    Then: stop acknowledging (Slack redelivers to another connection or after the restart),
    finish the answers in flight, close the socket. A second signal exits at once.
    """
    stop = threading.Event()

    def on_signal(number: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        stop.wait()
        bot.stop_taking()
        bot.shutdown()
    finally:
        handler.close()
