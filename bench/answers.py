"""Answer time in process, per intent, text only, over the question corpus.

Usage: python -m bench.answers [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from bench.stats import summary
from bot.conversation import Conversations
from bot.evaluation import read_cases
from intents.dataset.loader import load_dataset

CORPUS = sorted((Path(__file__).resolve().parent.parent / "tests" / "corpus").glob("*.yaml"))


def measure(rounds: int) -> dict[str, list[float]]:
    dataset = load_dataset()
    cases = read_cases(CORPUS)
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(rounds):
        for item in cases:
            conversations = Conversations(dataset)
            for case in item if isinstance(item, list) else [item]:
                start = time.perf_counter()
                turn = conversations.ask(case.question, "bench")
                elapsed = (time.perf_counter() - start) * 1000
                times[turn.answer.intent].append(elapsed)
                times["all"].append(elapsed)
    return times


def table(times: dict[str, list[float]]) -> list[str]:
    lines = [f"{'intent':<14}{'n':>6}{'median ms':>11}{'p95 ms':>9}{'p99 ms':>9}"]
    for intent in sorted(times, key=lambda k: (k == "all", k)):
        s = summary(times[intent])
        lines.append(f"{intent:<14}{s['n']:>6}{s['median']:>11.2f}{s['p95']:>9.2f}{s['p99']:>9.2f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print("\n".join(table(measure(args.rounds))))


if __name__ == "__main__":
    main()
