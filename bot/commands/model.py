"""`lepbot model [QUESTIONS.yaml...]`: rebuild data/intent_model.json from the question sets.

Run it after adding a question set; tests/test_intent_model.py fails while the shipped model is
older than the sets. Each message is read alone, as the rules first see it.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.commands import Command
from bot.evaluation import read_cases
from intents.dataset.loader import load_dataset
from intents.reading.clean import clean
from intents.reading.intent_model import MODEL_FILE, build, features
from intents.reading.lexicon import lexicon_for
from intents.reading.signals import read_signals

SETS = ("corpus", "heldout", "fresh", "blind")  # under tests/; blind/reviewed.yaml is no set


def question_sets(tests: Path) -> list[Path]:
    return [
        p for d in SETS for p in sorted((tests / d).glob("*.yaml")) if p.name != "reviewed.yaml"
    ]


def counts(paths: list[Path]) -> dict:
    """The model's counts: each case's features and the intents it accepts, first first."""
    lexicon = lexicon_for(load_dataset())
    examples = []
    for item in read_cases(paths):
        for case in item if isinstance(item, list) else [item]:
            expected = case.expect["intent"]
            accepted = tuple(expected) if isinstance(expected, list) else (expected,)
            examples.append((features(read_signals(clean(case.question)[0], lexicon)), accepted))
    return build(examples)


def encode(model: dict) -> str:
    return json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", type=Path, metavar="QUESTIONS.yaml")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)


def run(args: argparse.Namespace) -> int:
    paths = args.files or question_sets(Path("tests"))
    if not paths:
        print("lepbot model: no question sets found; run it from the repository's root")
        return 1
    args.out.write_text(encode(counts(paths)), encoding="utf-8")
    print(f"wrote {args.out} from {len(paths)} question sets")
    return 0


COMMAND = Command("model", "rebuild the intent model from the question sets", configure, run)
