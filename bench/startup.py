"""Process start of `lepbot ask --no-chart` against `python -c "import pandas"`, same run.

Usage: python -m bench.startup [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from bench.stats import summary

ASK = [
    sys.executable,
    "-m",
    "bot.cli",
    "ask",
    "--no-chart",
    "how does Humber compare on placements?",
]
PANDAS = [sys.executable, "-c", "import pandas"]


def wall_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return (time.perf_counter() - start) * 1000


def measure(runs: int) -> dict[str, list[float]]:
    env = {**os.environ, "LEPBOT_DATA": tempfile.mkdtemp(prefix="lepbot-bench-")}
    out: dict[str, list[float]] = {"lepbot ask": [], "import pandas": []}
    for _ in range(runs):  # interleaved, so both see the same machine state
        out["lepbot ask"].append(wall_ms(ASK, env))
        out["import pandas"].append(wall_ms(PANDAS, env))
    return out


def table(times: dict[str, list[float]]) -> list[str]:
    ask, pandas = summary(times["lepbot ask"]), summary(times["import pandas"])
    return [
        f"{'process':<16}{'median ms':>11}{'p95 ms':>9}",
        f"{'lepbot ask':<16}{ask['median']:>11.0f}{ask['p95']:>9.0f}",
        f"{'import pandas':<16}{pandas['median']:>11.0f}{pandas['p95']:>9.0f}",
        f"ratio (median): {ask['median'] / pandas['median']:.2f}x  (target ≤ 2.5x)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print("\n".join(table(measure(args.runs))))


if __name__ == "__main__":
    main()
