"""lepbot's Slack app served over real HTTP on loopback, against a fake Slack Web API.

Requests are signed as Slack signs them; the app is built by the same factories `lepbot serve`
uses, with a fake chart renderer so these tests do not need matplotlib, and state in memory.
Slack's limits run SPEED times faster in the fake, and lepbot's pace with them. (A module of its
own, not conftest.py, so test modules can import it by a name no other conftest shadows.)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import struct
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.conversation import Conversations
from bot.slack.app import SlackBot, create_bot
from bot.slack.settings import SlackSettings
from bot.slack.wsgi import create_wsgi_app
from bot.store import Store
from tests.slack.fake_slack import BOT_USER, FakeSlack

SECRET = "0123456789abcdef0123456789abcdef"
CHANNEL = "C0123456789"
SPEED = 20  # Slack's limits in the fake, and lepbot's pace, run this many times faster


def tiny_png() -> bytes:
    """A valid 1x1 greyscale PNG, standing in for a drawn chart."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack("!I", len(data)) + kind + data + struct.pack("!I", zlib.crc32(kind + data))
        )

    header = struct.pack("!IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass
class Reply:
    status: int
    body: str


def http(url: str, body: bytes | None = None, headers: dict | None = None) -> Reply:
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read().decode())


def signed(body: bytes, content_type: str, timestamp: int | None = None, **extra: str) -> dict:
    """Headers as Slack sends them: HMAC-SHA256 of "v0:{timestamp}:{body}" with the secret."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = b"v0:" + str(timestamp).encode() + b":" + body
    signature = "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest()
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": str(timestamp),
        "x-slack-signature": signature,
        **extra,
    }


_event_ids = iter(range(1, 1_000_000))
_timestamps = iter(range(1, 1_000_000))


def new_ts() -> str:
    return f"1699999999.{next(_timestamps):06d}"


def event_callback(event: dict, event_id: str | None = None) -> dict:
    return {
        "token": "unused",
        "team_id": "T1",
        "api_app_id": "A1",
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": BOT_USER, "is_bot": True}],
        "event": event,
    }


def mention(text: str, ts: str | None = None, thread_ts: str | None = None, **more) -> dict:
    event = {
        "type": "app_mention",
        "user": "U0ASKER01",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts or new_ts(),
        "channel": CHANNEL,
        "event_ts": ts,
        **more,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


class Lepbot:
    """The app under test, reachable over HTTP, with helpers that speak Slack's side."""

    def __init__(self, url: str, fake: FakeSlack) -> None:
        self.url = url
        self.fake = fake

    def post(self, body: bytes, headers: dict, path: str = "/slack/events") -> Reply:
        return http(self.url + path, body, headers)

    def event(self, event: dict, event_id: str | None = None, **headers: str) -> Reply:
        return self.send_json(event_callback(event, event_id), **headers)

    def send_json(self, payload: dict, **headers: str) -> Reply:
        raw = json.dumps(payload).encode()
        return self.post(raw, signed(raw, "application/json", **headers))

    def command(self, text: str, channel: str = CHANNEL) -> Reply:
        raw = urlencode(
            {
                "token": "unused",
                "team_id": "T1",
                "channel_id": channel,
                "user_id": "U0ASKER01",
                "command": "/lep",
                "text": text,
                "response_url": self.fake.base + "commands/1",
                "trigger_id": "1.2.3",
                "api_app_id": "A1",
            }
        ).encode()
        return self.post(raw, signed(raw, "application/x-www-form-urlencoded"))

    def press(self, button: dict, message: dict, channel: str = CHANNEL) -> Reply:
        payload = {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": "U0ASKER01"},
            "api_app_id": "A1",
            "token": "unused",
            "container": {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": channel,
                "is_ephemeral": False,
            },
            "trigger_id": "1.2.3",
            "channel": {"id": channel},
            "message": message,
            "response_url": self.fake.base + "commands/2",
            "actions": [{**button, "block_id": "b1", "action_ts": str(time.time())}],
        }
        raw = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(raw, signed(raw, "application/x-www-form-urlencoded"))

    def shortcut(self, message: dict, channel: str = CHANNEL) -> Reply:
        """The message shortcut, as Slack sends it: a message_action payload."""
        payload = {
            "type": "message_action",
            "callback_id": "check_figures",
            "team": {"id": "T1"},
            "user": {"id": "U0ASKER01"},
            "api_app_id": "A1",
            "token": "unused",
            "trigger_id": "1.2.3",
            "action_ts": str(time.time()),
            "channel": {"id": channel, "name": "workshop"},
            "message": message,
            "message_ts": message["ts"],
            "response_url": self.fake.base + "commands/3",
        }
        raw = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(raw, signed(raw, "application/x-www-form-urlencoded"))

    def answers_in(self, thread_ts: str) -> list[dict]:
        return [p for p in self.fake.posts() if p.get("thread_ts") == thread_ts]


def serve(
    fake: FakeSlack, conversations: Conversations, store: Store, chart_renderer=None
) -> tuple[Lepbot, Callable[[], None]]:
    settings = SlackSettings(
        bot_token="xoxb-test", signing_secret=SECRET, api_url=fake.api_url, channel_rate=SPEED
    )
    bot: SlackBot = create_bot(
        settings, conversations, store, chart_renderer=chart_renderer or (lambda spec: tiny_png())
    )
    bot.start()
    server = make_server(
        "127.0.0.1",
        0,
        create_wsgi_app(bot.app, bot.health),
        server_class=_ThreadingServer,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()

    def stop() -> None:
        """Let answers in flight finish (their uploads need the fake), then stop serving."""
        bot.shutdown()
        server.shutdown()
        server.server_close()

    return Lepbot(f"http://127.0.0.1:{server.server_port}", fake), stop
