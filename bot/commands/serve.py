"""`lepbot serve`: answer in Slack — Socket Mode if SLACK_APP_TOKEN is set, else HTTP."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

from bot import settings
from bot.commands import Command
from bot.conversation import Conversations
from bot.slack.settings import APP_TOKEN_HOW, BOT_TOKEN_HOW, SettingsError, from_env

if TYPE_CHECKING:
    from bot.slack.app import SlackBot


def configure(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--http",
        dest="mode",
        action="store_const",
        const="http",
        help="serve Slack's requests over HTTP at /slack/events (needs SLACK_SIGNING_SECRET)",
    )
    mode.add_argument(
        "--socket-mode",
        dest="mode",
        action="store_const",
        const="socket",
        help="connect out to Slack over a WebSocket (needs SLACK_APP_TOKEN; no public URL)",
    )
    parser.set_defaults(mode="auto")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP address to bind (default 0.0.0.0)")
    parser.add_argument(
        "--port", type=int, help="HTTP port (default $PORT, else 3000; 0 picks a free one)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        return _serve(args)
    except SettingsError as error:
        print(f"lepbot serve: {error}", file=sys.stderr)
        return 2


def _serve(args: argparse.Namespace) -> int:
    # Slack's libraries are imported here, so `lepbot ask` does not pay for them.
    from slack_sdk.errors import SlackApiError, SlackClientError

    from bot.slack.app import create_bot, web_client
    from bot.slack.server import connect_socket_mode, run_http, run_socket_mode
    from bot.slack.wsgi import EVENTS_PATH
    from bot.store import StoreError, open_store

    if not os.environ.get("LEPBOT_DEBUG"):
        logging.getLogger("lepbot").setLevel(logging.INFO)  # one line per answer
        logging.getLogger("lepbot.slack.bolt").setLevel(logging.WARNING)  # not Bolt's chatter
    slack = from_env(os.environ, args.mode)
    client = web_client(slack)
    try:
        client.auth_test()
    except SlackApiError as error:
        raise SettingsError(
            f"Slack refused SLACK_BOT_TOKEN ({error.response.get('error')}): {BOT_TOKEN_HOW}"
        ) from None
    except (SlackClientError, OSError) as error:
        raise SettingsError(f"could not reach Slack at {client.base_url} ({error})") from None
    try:
        store = open_store(slack.redis_url, settings.user_data_dir())
    except StoreError as error:
        raise SettingsError(str(error)) from None
    if not store.ping():
        raise SettingsError(
            f"Redis does not answer at {store.where}: is it running, and is REDIS_URL right?"
            if store.kind == "redis"
            else f"cannot use the state file {store.where}"
        )
    store.close()  # checked here; each process that serves opens its own (never across a fork)
    dataset = settings.dataset()

    def build() -> SlackBot:
        store = open_store(slack.redis_url, settings.user_data_dir())
        return create_bot(slack, Conversations(dataset, store), store, web_client(slack))

    if slack.app_token is not None:
        bot = build()
        try:
            handler = connect_socket_mode(bot, slack.app_token)
        except SlackApiError as error:
            bot.store.close()
            raise SettingsError(
                f"Slack refused SLACK_APP_TOKEN ({error.response.get('error')}): {APP_TOKEN_HOW}"
            ) from None
        bot.start()
        print("lepbot serve: connected to Slack over Socket Mode (Ctrl-C to stop)", file=sys.stderr)
        run_socket_mode(handler, bot)
        return 0
    port = slack.port if args.port is None else args.port
    print(
        f"lepbot serve: HTTP mode: Slack events at {EVENTS_PATH}, health at /health",
        file=sys.stderr,
    )
    run_http(build, args.host, port, slack.workers)
    return 0


COMMAND = Command("serve", "answer in Slack (Socket Mode or HTTP)", configure, run)
