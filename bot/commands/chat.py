"""`lepbot chat [--json]`: one question per line, follow-ups carried between lines."""

from __future__ import annotations

import argparse
import sys
import tempfile

from bot import settings
from bot.answering import safe_ask
from bot.commands import Command
from bot.conversation import Conversations
from bot.render.chart_files import chart_path
from bot.render.contract import contract, line
from bot.render.text import plain

TERMINAL = "terminal"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--no-chart", action="store_true", help="do not draw charts")
    parser.add_argument("--chart-dir", help="where chart PNGs go (default: a temp directory)")


def run(args: argparse.Namespace) -> int:
    conversations = Conversations(settings.dataset())
    chart_dir = None if args.no_chart else args.chart_dir or tempfile.mkdtemp(prefix="lepbot-chat-")
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        print("Ask about England's LEPs (empty line or Ctrl-D to quit; 'help' for examples).")
    while True:
        if interactive:
            print("> ", end="", flush=True)
        raw = sys.stdin.readline()
        if not raw or (interactive and not raw.strip()):
            return 0
        question = raw.rstrip("\n")
        turn = safe_ask(conversations, question, TERMINAL)
        path = chart_path(turn.answer.chart, chart_dir) if chart_dir else None
        if args.json:
            print(line(contract(question, turn, conversations.dataset, path)), flush=True)
        else:
            print(plain(turn.answer, conversations.dataset))
            if path:
                print(f"Chart: {path}")
            print(flush=True)


COMMAND = Command("chat", "a conversation in the terminal (follow-ups work)", configure, run)
