"""Slack settings from the environment, each problem reported in one line that says how to fix it.

Values are never echoed back: a pasted token must not end up in a terminal log.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

APPS_PAGE = "api.slack.com/apps → your app"
BOT_TOKEN_HOW = f"copy the Bot User OAuth Token (xoxb-…) from {APPS_PAGE} → OAuth & Permissions"
APP_TOKEN_HOW = (
    f"generate an app-level token with the connections:write scope at {APPS_PAGE} → "
    "Basic Information → App-Level Tokens"
)
SECRET_HOW = f"copy the Signing Secret from {APPS_PAGE} → Basic Information → App Credentials"
SLACK_VARIABLES = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN")
OTHER_VARIABLES = (
    "PORT",
    "SLACK_API_URL",
    "REDIS_URL",
    "LEPBOT_REDIS_URL",
    "LEPBOT_CHANNEL_RATE",
    "WEB_CONCURRENCY",
    "LEPBOT_LOG_QUESTIONS",
)
DEFAULT_PORT = 3000
SLACK_CHANNEL_RATE = 1.0  # chat.postMessage: "one message per second per channel"
MAX_WORKERS = 64


class SettingsError(Exception):
    """A missing or malformed setting; str() is the one line to show."""


class NoSlackSettings(SettingsError):
    """None of the Slack variables is set: the user probably wants the terminal instead."""


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None = None
    app_token: str | None = None  # set: Socket Mode
    port: int = DEFAULT_PORT
    api_url: str | None = None  # None: Slack's own Web API
    redis_url: str | None = None  # set: state shared in Redis; None: the SQLite file
    channel_rate: float = SLACK_CHANNEL_RATE  # messages posted per second in one channel
    workers: int = 1  # HTTP mode: gunicorn worker processes (WEB_CONCURRENCY)
    log_questions: bool = False  # LEPBOT_LOG_QUESTIONS=1: quote questions in the log

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


def from_env(env: Mapping[str, str], mode: str = "auto") -> SlackSettings:
    """Read the settings for `mode`: "socket", "http", or "auto" (Socket Mode if SLACK_APP_TOKEN)."""
    values = {name: env.get(name, "").strip() for name in (*SLACK_VARIABLES, *OTHER_VARIABLES)}
    if not any(values[name] for name in SLACK_VARIABLES):
        raise NoSlackSettings(
            "no Slack settings (SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET); "
            'see "Run in Slack" in README.md — or try lepbot in the terminal with `lepbot chat`'
        )
    bot_token, secret, app_token = (values[name] or None for name in SLACK_VARIABLES)
    if bot_token is None:
        raise SettingsError(f"SLACK_BOT_TOKEN is not set: {BOT_TOKEN_HOW}")
    if not bot_token.startswith("xoxb-"):
        raise SettingsError(f"SLACK_BOT_TOKEN should start with xoxb-: {BOT_TOKEN_HOW}")
    if app_token is not None and not app_token.startswith("xapp-"):
        raise SettingsError(f"SLACK_APP_TOKEN should start with xapp-: {APP_TOKEN_HOW}")
    if secret is not None and not re.fullmatch(r"[0-9a-fA-F]+", secret):
        raise SettingsError(
            f"SLACK_SIGNING_SECRET should be letters a-f and digits only: {SECRET_HOW}"
        )
    if mode == "socket" and app_token is None:
        raise SettingsError(f"SLACK_APP_TOKEN is not set and Socket Mode needs it: {APP_TOKEN_HOW}")
    if mode == "http":
        app_token = None
    if app_token is None and secret is None:
        raise SettingsError(
            f"SLACK_SIGNING_SECRET is not set and HTTP mode needs it to check requests come from "
            f"Slack: {SECRET_HOW} (or set SLACK_APP_TOKEN to use Socket Mode)"
        )
    return SlackSettings(
        bot_token=bot_token,
        signing_secret=secret,
        app_token=app_token,
        port=_port(values["PORT"]),
        api_url=_api_url(values["SLACK_API_URL"]),
        redis_url=_redis_url(values["LEPBOT_REDIS_URL"] or values["REDIS_URL"]),
        channel_rate=_channel_rate(values["LEPBOT_CHANNEL_RATE"]),
        workers=_workers(values["WEB_CONCURRENCY"]),
        log_questions=values["LEPBOT_LOG_QUESTIONS"] == "1",
    )


def _port(raw: str) -> int:
    if not raw:
        return DEFAULT_PORT
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SettingsError(f"PORT must be a whole number from 1 to 65535, not {raw!r}")
    return int(raw)


def _api_url(raw: str) -> str | None:
    """The Web API base URL with the trailing slash the SDK's urljoin needs."""
    if not raw:
        return None
    parsed = urlparse(raw)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SettingsError(
            f"SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not {raw!r} "
            "(leave it unset to use Slack)"
        )
    return raw if raw.endswith("/") else raw + "/"


def _redis_url(raw: str) -> str | None:
    """A Redis URL as redis-py reads it; the value is not echoed (it may hold a password)."""
    if not raw:
        return None
    if urlparse(raw).scheme not in ("redis", "rediss", "unix"):
        raise SettingsError(
            "REDIS_URL (or LEPBOT_REDIS_URL) must start redis://, rediss:// or unix:// "
            "(leave both unset to keep state in a SQLite file)"
        )
    return raw


def _channel_rate(raw: str) -> float:
    if not raw:
        return SLACK_CHANNEL_RATE
    try:
        rate = float(raw)
    except ValueError:
        rate = 0.0
    if not 0 < rate <= 100:
        raise SettingsError(
            f"LEPBOT_CHANNEL_RATE must be messages per second per channel, above 0 and at most "
            f"100, not {raw!r} (leave it unset for Slack's 1)"
        )
    return rate


def _workers(raw: str) -> int:
    if not raw:
        return 1
    if not raw.isdigit() or not 0 < int(raw) <= MAX_WORKERS:
        raise SettingsError(
            f"WEB_CONCURRENCY must be a whole number from 1 to {MAX_WORKERS}, not {raw!r}"
        )
    return int(raw)
