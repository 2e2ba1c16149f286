"""All the benchmarks in one run: `python -m bench`. Prints figures; asserts nothing."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys

PARTS = (
    ("Answer time in process, per intent, text only (target: p99 < 5 ms)", ["bench.answers"]),
    ("Chart render time per kind (target: < 80 ms for the 39-bar chart)", ["bench.charts"]),
    ("Process start (target: at most 2.5x importing pandas)", ["bench.startup"]),
    ("HTTP mode under load: 50 users x 10 app_mention events (target: p95 < 1 s)", ["bench.load"]),
    (
        "A workshop asking at once: 40 questions within 2 s, Slack's rate limits enforced "
        "(target: none lost or doubled, last answer within 1.25x the floor Slack's pace sets)",
        ["bench.burst"],
    ),
)


def main() -> None:
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {datetime.date.today()}"
    )
    for title, module in PARTS:
        print(f"\n## {title}")
        sys.stdout.flush()
        subprocess.run([sys.executable, "-m", *module], check=False)


if __name__ == "__main__":
    main()
