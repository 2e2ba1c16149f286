"""`lepbot`: the command line. Each subcommand lives in bot/commands/."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.commands import ask, chat, data, evaluate, model, serve
from intents.dataset.loader import DataError

COMMANDS = (
    ask.COMMAND,
    chat.COMMAND,
    serve.COMMAND,
    data.COMMAND,
    evaluate.COMMAND,
    model.COMMAND,
)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="lepbot", description="Questions about England's LEPs (UKCES EPS 2014)."
    )
    subs = top.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        sub = subs.add_parser(command.name, help=command.help, description=command.help)
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return top


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.DEBUG if os.environ.get("LEPBOT_DEBUG") else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(f"lepbot: data error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `lepbot ask ... | head`: the reader left, nothing to tell it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
