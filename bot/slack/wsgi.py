"""The HTTP face of the Bolt app: POST /slack/events, GET /health.

/health answers 200 with what the bot reports when all is well, 503 when it is not (the store
cannot be reached), as JSON, so a platform's health check and a person both can read it.

Bolt's own adapters let a malformed body raise (a 500, or a dropped connection); here it is a 400,
decided before the body reaches Bolt, so the server carries on. Signature checks stay Bolt's job:
a bad or stale signature gets its 401.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from http import HTTPStatus

from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_bolt.request.internals import parse_body
from slack_bolt.response import BoltResponse

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/health"
MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes

WsgiApp = Callable[[dict, Callable], Iterable[bytes]]
Health = Callable[[], dict]  # {"ok": bool, ...what else to show}


def create_wsgi_app(app: App, health: Health) -> WsgiApp:
    """A WSGI callable serving `app` (for gunicorn, or any WSGI server)."""

    def wsgi(environ: dict, start_response: Callable) -> Iterable[bytes]:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _reply(start_response, _health(health()))
        if path != EVENTS_PATH:
            return _reply(start_response, BoltResponse(status=404, body="not found"))
        if method != "POST":
            return _reply(start_response, BoltResponse(status=405, body="POST only"))
        request = _bolt_request(environ)
        if isinstance(request, BoltResponse):
            return _reply(start_response, request)
        return _reply(start_response, app.dispatch(request))

    return wsgi


def _health(report: dict) -> BoltResponse:
    return BoltResponse(
        status=200 if report.get("ok") else 503,
        body=json.dumps(report),
        headers={"content-type": "application/json"},
    )


def _bolt_request(environ: dict) -> BoltRequest | BoltResponse:
    """The request as Bolt sees it, or the 4xx that a body Bolt cannot read deserves."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if length < 0:
        return BoltResponse(status=400, body="bad content-length")
    if length > MAX_BODY_BYTES:
        return BoltResponse(status=413, body="body too large")
    headers = _headers(environ)
    try:
        body = environ["wsgi.input"].read(length).decode("utf-8")
        parsed = parse_body(body, headers.get("content-type", "").split(";")[0].strip() or None)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return BoltResponse(status=400, body="malformed body")
    if not parsed or not isinstance(parsed, dict):
        return BoltResponse(status=400, body="malformed body")
    return BoltRequest(body=body, query=environ.get("QUERY_STRING", ""), headers=headers)


def _headers(environ: dict) -> dict[str, str]:
    headers = {
        key[5:].lower().replace("_", "-"): value
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    return headers


def _reply(start_response: Callable, response: BoltResponse) -> Iterable[bytes]:
    body = response.body.encode("utf-8")
    status = HTTPStatus(response.status)
    headers = [
        (name, value)
        for name, values in response.headers.items()
        if name != "content-length"
        for value in values
    ]
    start_response(
        f"{status.value} {status.phrase}", [*headers, ("content-length", str(len(body)))]
    )
    return [body]
