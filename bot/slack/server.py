"""Running the app: gunicorn for HTTP, Bolt's Socket Mode handler for a firewall-friendly socket.

Bolt's built-in HTTP server is for development (it drops the connection on a malformed body), so
HTTP mode runs under gunicorn: one worker, because conversation context and Bolt's listener pool
live in one process, and threads for concurrent requests.
"""

from __future__ import annotations

import threading

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.wsgi import WsgiApp

THREADS = 8


class _Gunicorn(BaseApplication):
    """gunicorn driven from code, serving one already-built WSGI app."""

    def __init__(self, wsgi: WsgiApp, bind: str) -> None:
        self._wsgi = wsgi
        self._bind = bind
        super().__init__()

    def load_config(self) -> None:
        settings = {"bind": self._bind, "workers": 1, "threads": THREADS, "accesslog": None}
        settings["control_socket_disable"] = True  # gunicorn >= 25 would create ~/.gunicorn
        for name, value in settings.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> WsgiApp:
        return self._wsgi


def run_http(wsgi: WsgiApp, host: str, port: int) -> None:
    """Serve until gunicorn is told to stop (SIGTERM, Ctrl-C)."""
    _Gunicorn(wsgi, f"{host}:{port}").run()


def connect_socket_mode(app: App, app_token: str) -> SocketModeHandler:
    """Open the WebSocket; raises SlackApiError if Slack refuses the app-level token."""
    handler = SocketModeHandler(app, app_token)
    try:
        handler.connect()
    except Exception:
        handler.close()  # the client's worker threads started with it
        raise
    return handler


def run_socket_mode(handler: SocketModeHandler) -> None:
    """Serve over the open socket until interrupted; the handler reconnects by itself."""
    try:
        threading.Event().wait()
    finally:
        handler.close()
