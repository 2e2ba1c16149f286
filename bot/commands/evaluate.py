"""`lepbot eval QUESTIONS.yaml...`: accuracy per intent, failures, wrong figures and verdicts."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.commands import Command
from bot.evaluation import read_cases, report, run
from intents.dataset.loader import load_dataset


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="QUESTIONS.yaml")
    parser.add_argument("--min", type=float, default=0.0, help="fail below this accuracy (0–100)")


def run_command(args: argparse.Namespace) -> int:
    dataset = load_dataset()  # the shipped data: the same check whatever a user has imported
    text, score = report(list(run(read_cases(args.files), dataset)))
    print(text)
    return 1 if score.harmful or score.accuracy * 100 < args.min else 0


COMMAND = Command("eval", "score the bot against a question file", configure, run_command)
