"""Median and p95 time to render each chart kind to PNG (a script, not a test).

    python -m bench.charts [--runs 30]

Questions go through `intents.respond` for real specs; the 39-bar chart uses the fictional full
layer (tests/fixtures/fictional_full), standing in for the full UKCES tables. The target is
under 80 ms for the 39-bar chart on a 2-core machine. Label bitmaps are cached across charts
(LEP names and values recur), so the "labels not cached" row clears that cache before every
render: the cost of a chart whose labels the process has never drawn.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from bench.stats import summary
from bot.render.charts import render
from bot.render.charts.text_layer import clear_cache
from intents import respond
from intents.dataset.loader import SHIPPED_DATA, load_dataset

ROOT = Path(__file__).resolve().parent.parent
CASES = (  # (name, question, full layer?)
    ("bars: value, shipped (9 bars)", "how does Humber compare on placements?", False),
    ("bars: rank, 39 LEPs", "top 5 for placements", True),
    (
        "compare: 3 areas x 2 measures",
        "compare D2N2, Humber and London on placements and inspiration",
        True,
    ),
    (
        "scatter: relationship, 39 points",
        "is work inspiration related to youth unemployment?",
        True,
    ),
    ("scatter: outliers, 39 points", "which areas buck the trend on work inspiration?", True),
    ("groups: south vs elsewhere", "is the south better than elsewhere for placements?", False),
    ("groups: breakdown by sector", "work inspiration by sector", False),
    ("profile: dot plot", "tell me about Liverpool City Region", True),
)


def timings(
    job: Callable[[], object], runs: int, before: Callable[[], None] | None = None
) -> list[float]:
    out = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        job()
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(name: str, ms: list[float]) -> str:
    s = summary(ms)
    return f"{name:<40} {s['median']:>8.1f} {s['p95']:>8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    runs = parser.parse_args().runs
    shipped = load_dataset(SHIPPED_DATA, [])
    full = load_dataset(SHIPPED_DATA, [ROOT / "tests" / "fixtures" / "fictional_full"])
    specs = [(name, respond(q, full if f else shipped).answer.chart) for name, q, f in CASES]

    start = time.perf_counter()
    render(specs[0][1])
    print(
        f"first chart in the process (imports matplotlib, loads fonts): "
        f"{(time.perf_counter() - start) * 1000:.0f} ms\n"
    )
    print(f"{'chart kind (' + str(runs) + ' renders each)':<40} {'median':>8} {'p95':>8}  ms")
    for name, spec in specs:
        render(spec)
        print(row(name, timings(lambda spec=spec: render(spec), runs)))
    bars_39 = specs[1][1]
    print(
        row(
            "bars: rank, 39 LEPs, labels not cached",
            timings(lambda: render(bars_39), runs, clear_cache),
        )
    )


if __name__ == "__main__":
    main()
