"""A strict fake Slack on loopback: the Web API methods lepbot calls, the upload URL, response_url.

It records every call and refuses what Slack refuses: Block Kit over its limits, and posts faster
than Slack's rate limits allow — chat.postMessage per channel (one a second, a short burst
allowed), reactions and file methods per workspace by their tiers — with HTTP 429 and a whole
number of seconds in Retry-After. `Limits(speed=20)` runs every limit twenty times faster (and
Retry-After counts twentieths of a second), so a test can burst without taking Slack's real
time; the bench runs at speed 1. It can be scripted
to fail: 429s, a refused block type, a failing upload, a channel lepbot is not in, a channel held
back for a while, and an instance whose posts never get an answer (it hangs).
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

BOT_USER = "UBOT"
BOT_ID = "BBOT"
# Requests per minute per workspace, by the methods' documented tiers (Tier 2: 20, 3: 50, 4: 100).
TIERS = {
    "reactions.add": 50,
    "reactions.remove": 20,
    "files.getUploadURLExternal": 100,
    "files.completeUploadExternal": 100,
}


@dataclass
class Call:
    path: str  # "chat.postMessage", "upload/F1", "commands/1", ...
    headers: dict
    body: dict
    raw: bytes
    status: int = 200  # 0: never answered (the caller hung)
    reply: str = ""
    at: float = 0.0  # time.monotonic() when it arrived

    @property
    def ok(self) -> bool:
        """Whether Slack accepted the call (HTTP 200 and, for the Web API, "ok": true)."""
        if self.status != 200:
            return False
        return not self.reply.startswith("{") or json.loads(self.reply).get("ok", False)

    @property
    def token(self) -> str:
        return self.headers.get("authorization", "").removeprefix("Bearer ")


@dataclass(frozen=True)
class Limits:
    """Slack's rate limits; `speed` multiplies every rate (tests: 20; the bench: Slack's own 1)."""

    speed: float = 1.0
    channel_rate: float = 1.0  # chat.postMessage per second in one channel
    channel_burst: int = 3  # "short bursts allowed"

    def per_second(self, method: str) -> float | None:
        per_minute = TIERS.get(method)
        return None if per_minute is None else per_minute / 60 * self.speed


class Bucket:
    """A token bucket: `capacity` at once, refilled at `rate` a second (Slack's are not precise:
    a call a tenth of a token early still goes)."""

    def __init__(self, rate: float, capacity: float) -> None:
        self.rate, self.capacity = rate, capacity
        self.tokens, self.at = capacity, time.monotonic()

    def take(self) -> float:
        """0 if a token was taken, else the seconds until one is due."""
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 0.9:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.rate


@dataclass
class Script:
    """Faults to inject; each test sets what it needs on a fresh fake."""

    rate_limited: dict[str, int] = field(default_factory=dict)  # method -> 429s still to give
    retry_after: int = 1  # what the scripted 429s ask for
    held_channels: dict[str, int] = field(
        default_factory=dict
    )  # channel -> Retry-After, every post
    refuse_block_types: set[str] = field(default_factory=set)  # "table", or "*" for any block
    fail_upload: bool = False  # the upload URL answers 500
    errors: dict[str, str] = field(default_factory=dict)  # method -> Slack error code
    hang_tokens: set[str] = field(default_factory=set)  # posts with these tokens never return
    ws_url: str = ""  # what apps.connections.open returns


def block_problems(blocks: list[dict]) -> list[str]:
    """The limits Slack enforces on the blocks lepbot sends (a subset of Block Kit's rules)."""
    problems = []
    if len(blocks) > 50:
        problems.append("more than 50 blocks")
    for block in blocks:
        kind = block.get("type")
        if kind == "section":
            text = (block.get("text") or {}).get("text", "")
            fields = block.get("fields") or []
            if not text and not fields:
                problems.append("empty section")
            if len(text) > 3000:
                problems.append("section text over 3000")
            if len(fields) > 10 or any(len(f["text"]) > 2000 for f in fields):
                problems.append("section fields over limits")
        elif kind == "context":
            elements = block.get("elements") or []
            if not elements or len(elements) > 10:
                problems.append("context elements count")
        elif kind == "actions":
            elements = block.get("elements") or []
            if not elements or len(elements) > 25:
                problems.append("actions elements count")
            for element in elements:
                if len(element["text"]["text"]) > 75 or len(element.get("value", "")) > 2000:
                    problems.append("button over limits")
        elif kind == "table":
            rows = block.get("rows") or []
            if not rows or len(rows) > 100 or any(len(r) > 20 for r in rows):
                problems.append("table over limits")
        elif kind != "header":
            problems.append(f"unexpected block {kind}")
    return problems


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # Slack does not reset connections under a burst; nor does the fake

    def handle_error(self, request, client_address) -> None:
        """A caller that went away (a killed instance) is not the fake's problem."""


class FakeSlack:
    def __init__(self, limits: Limits | None = None) -> None:
        self.calls: list[Call] = []
        self.script = Script()
        self.limits = limits or Limits()
        self.reactions: dict[tuple[str, str], set[str]] = {}  # (channel, ts) -> names
        self._buckets: dict[str, Bucket] = {}
        self._changed = threading.Condition()
        self._limit_lock = threading.Lock()
        self._released = threading.Event()
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    @property
    def api_url(self) -> str:
        return self.base + "api/"

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._released.set()
        self._server.shutdown()
        self._server.server_close()

    def called(self, path: str) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.path == path]

    def posts(self) -> list[dict]:
        """Bodies of the chat.postMessage calls Slack accepted."""
        return [c.body for c in self.called("chat.postMessage") if c.ok]

    def limited(self) -> list[Call]:
        """Calls answered 429."""
        with self._changed:
            return [c for c in self.calls if c.status == 429]

    def signs_on(self, channel: str, ts: str) -> set[str]:
        with self._changed:
            return set(self.reactions.get((channel, ts), set()))

    def wait_for(self, path: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until `count` calls to `path` have arrived (whatever Slack answered them)."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: len([c for c in self.calls if c.path == path]) >= count, timeout
            )
            assert done, (
                f"waited {timeout}s for {count} x {path}; got {[c.path for c in self.calls]}"
            )
            return [c for c in self.calls if c.path == path]

    def wait_until(self, predicate, timeout: float = 10.0) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: predicate(self), timeout), "condition not met"

    # -- serving ----------------------------------------------------------------------------

    def _record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _limit(self, call: Call) -> float:
        """0 if the call is within Slack's limits, else the seconds until it would be."""
        if call.path == "chat.postMessage":
            key = "channel:" + str(call.body.get("channel"))
            rate = self.limits.channel_rate * self.limits.speed
            capacity = self.limits.channel_burst
        else:
            key, rate = call.path, self.limits.per_second(call.path)
            if rate is None:
                return 0.0
            capacity = TIERS[call.path]
        with self._limit_lock:
            bucket = self._buckets.setdefault(key, Bucket(rate, capacity))
            return bucket.take()

    def _answer(self, call: Call) -> tuple[int, dict, dict | str]:
        """(status, extra headers, body) for one call, following the script."""
        method, script = call.path, self.script
        with self._limit_lock:
            scripted = script.rate_limited.get(method, 0)
            if scripted:
                script.rate_limited[method] = scripted - 1
        if scripted:
            return _too_many(script.retry_after)
        held = script.held_channels.get(str(call.body.get("channel")))
        if method == "chat.postMessage" and held:
            return _too_many(held)
        wait = self._limit(call)
        if wait:  # whole seconds, as Slack says it; in sped-up seconds when sped up
            return _too_many(max(1, math.ceil(wait * self.limits.speed)) / self.limits.speed)
        if method in script.errors:
            return 200, {}, {"ok": False, "error": script.errors[method]}
        if method.startswith("upload/"):
            if script.fail_upload:
                return 500, {}, "upload failed"
            return 200, {}, f"OK - {len(call.raw)}"
        if method.startswith("commands/"):
            return 200, {}, "ok"
        if method == "auth.test":
            if call.headers.get("authorization", "").startswith("Bearer xoxb-"):
                return 200, {}, {"ok": True, "user_id": BOT_USER, "bot_id": BOT_ID, "team_id": "T1"}
            return 200, {}, {"ok": False, "error": "invalid_auth"}
        if method == "apps.connections.open":
            return 200, {}, {"ok": True, "url": script.ws_url}
        if method == "chat.postMessage":
            blocks = call.body.get("blocks") or []
            if isinstance(blocks, str):
                blocks = json.loads(blocks)
            refused = script.refuse_block_types
            problems = block_problems(blocks)
            if blocks and ("*" in refused or any(b.get("type") in refused for b in blocks)):
                problems.append("refused by script")
            if problems:
                return 200, {}, {"ok": False, "error": "invalid_blocks", "errors": problems}
            ts = f"1700000000.{next(self._ts):06d}"
            return 200, {}, {"ok": True, "channel": call.body.get("channel"), "ts": ts}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files)}"
            return (
                200,
                {},
                {"ok": True, "file_id": file_id, "upload_url": f"{self.base}upload/{file_id}"},
            )
        if method == "files.completeUploadExternal":
            files = json.loads(call.body.get("files", "[]"))
            return 200, {}, {"ok": True, "files": files}
        if method == "views.publish":
            return 200, {}, {"ok": True, "view": {"id": "V1"}}
        if method in ("reactions.add", "reactions.remove"):
            return 200, {}, self._react(method, call.body)
        return 200, {}, {"ok": False, "error": "unknown_method"}

    def _react(self, method: str, body: dict) -> dict:
        if not (body.get("channel") and body.get("timestamp") and body.get("name")):
            return {"ok": False, "error": "no_item_specified"}
        with self._changed:
            names = self.reactions.setdefault((body["channel"], body["timestamp"]), set())
            if method == "reactions.add":
                if body["name"] in names:
                    return {"ok": False, "error": "already_reacted"}
                names.add(body["name"])
            else:
                if body["name"] not in names:
                    return {"ok": False, "error": "no_reaction"}
                names.discard(body["name"])
        return {"ok": True}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                path = self.path.split("?")[0].removeprefix("/").removeprefix("api/")
                headers = {k.lower(): v for k, v in self.headers.items()}
                body = {} if path.startswith("upload/") else _parse(raw, headers)
                call = Call(path, headers, body, raw, at=time.monotonic())
                if path == "chat.postMessage" and call.token in fake.script.hang_tokens:
                    call.status = 0
                    fake._record(call)
                    fake._released.wait()  # the caller is killed meanwhile; nothing is posted
                    return
                status, extra, reply = fake._answer(call)
                payload = (json.dumps(reply) if isinstance(reply, dict) else reply).encode()
                call.status, call.reply = status, payload.decode()
                fake._record(call)
                self.send_response(status)
                kind = "application/json" if isinstance(reply, dict) else "text/plain"
                self.send_header("content-type", f"{kind}; charset=utf-8")
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        return Handler


def _too_many(seconds: float) -> tuple[int, dict, dict]:
    shown = str(int(seconds)) if seconds == int(seconds) else f"{seconds:g}"
    return 429, {"Retry-After": shown}, {"ok": False, "error": "ratelimited"}


def _parse(raw: bytes, headers: dict) -> dict:
    content_type = headers.get("content-type", "")
    if "json" in content_type:
        return json.loads(raw or b"{}")
    if "x-www-form-urlencoded" in content_type:
        return {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
    return {}
