"""`lepbot ask [--json] [--no-chart] QUESTION...`: each question answered on its own."""

from __future__ import annotations

import argparse
import sys

from bot import settings
from bot.answering import safe_ask
from bot.commands import Command
from bot.conversation import Conversations
from bot.render.chart_files import chart_path
from bot.render.contract import contract, line
from bot.render.text import plain


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("questions", nargs="*", metavar="QUESTION")
    parser.add_argument("--json", action="store_true", help="one JSON object per question")
    parser.add_argument("--no-chart", action="store_true", help="do not draw charts")
    parser.add_argument("--chart-dir", help="where chart PNGs go (default: a temp directory)")


def run(args: argparse.Namespace) -> int:
    conversations = Conversations(settings.dataset())
    for question in args.questions or [""]:
        turn = safe_ask(conversations, question)
        path = None if args.no_chart else chart_path(turn.answer.chart, args.chart_dir)
        if args.json:
            print(line(contract(question, turn, conversations.dataset, path)))
        else:
            print(plain(turn.answer, conversations.dataset))
            if path:
                print(f"Chart: {path}")
            print()
    sys.stdout.flush()
    return 0


COMMAND = Command("ask", "answer questions in the terminal", configure, run)
