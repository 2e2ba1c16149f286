"""HTTP mode under load: simulated workshop users mentioning lepbot against a fake Slack.

Starts `lepbot serve --http` (gunicorn, as in production) on loopback with SLACK_API_URL pointed
at the fake Slack Web API from the tests. Each user sends signed app_mention events in a channel
of their own, one after another — the next once the last was answered, as a person in a thread
would — so the figures are acknowledgement time (the HTTP 200) and answer-posted latency (event
sent -> chat.postMessage received). Slack's rate limits are lifted (the fake and lepbot's pace
run 100 times faster), so the figures are lepbot's own; bench.burst measures Slack's pace.
Everything is bounded: it stops by itself after the events or the time limit.

Usage: python -m bench.load [--users 50] [--events 10] [--limit 120]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.stats import summary
from tests.slack.fake_slack import Call, FakeSlack, Limits
from tests.slack.slack_harness import SECRET, Lepbot, mention

ROOT = Path(__file__).resolve().parent.parent
LIFTED = 100  # Slack's limits, and lepbot's pace, this many times faster: out of the way
QUESTIONS = (
    "how does Humber compare on placements?",
    "top 5 for work inspiration",
    "compare London and Humber on work placements",
    "and Cumbria?",
    "is work inspiration related to youth unemployment?",
    "check: 46% of London employers offer placements",
    "which LEP is Barnsley in?",
    "tell me about Dorset",
    "what is work inspiration?",
    "is the south better than elsewhere for placements?",
)


def start_server(fake: FakeSlack) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        LEPBOT_CHANNEL_RATE=str(LIFTED),
        LEPBOT_DATA=tempfile.mkdtemp(prefix="lepbot-bench-"),
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1", "--port", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        found = re.search(r"Listening at: (http://127\.0\.0\.1:\d+)", line)
        if found:
            threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
            return process, found.group(1)
    process.kill()
    raise SystemExit("lepbot serve did not start")


class TimedSlack(FakeSlack):
    """The tests' fake Slack, noting when each thread's answers arrive, so users wait on an
    event rather than polling (polling 50 threads would load the machine being measured)."""

    def __init__(self) -> None:
        super().__init__(Limits(speed=LIFTED))
        self.arrived: dict[str, list[float]] = defaultdict(list)
        self.changed = threading.Condition()

    def _record(self, call: Call) -> None:
        super()._record(call)
        if call.path == "chat.postMessage":
            with self.changed:
                self.arrived[call.body.get("thread_ts", "")].append(time.perf_counter())
                self.changed.notify_all()

    def wait_answers(self, thread_ts: str, count: int, deadline: float) -> None:
        with self.changed:
            self.changed.wait_for(
                lambda: len(self.arrived[thread_ts]) >= count, max(0.0, deadline - time.monotonic())
            )


def run(users: int, events: int, limit: float) -> dict:
    fake = TimedSlack().start()
    process, url = start_server(fake)
    bot = Lepbot(url, fake)
    acks: list[float] = []
    latencies: list[float] = []
    threads: dict[str, int] = {}  # thread ts -> events sent in it
    lock = threading.Lock()
    stop_at = time.monotonic() + limit

    def answers(thread_ts: str) -> int:
        return len(fake.arrived[thread_ts])

    def user(n: int) -> None:
        thread_ts = f"1700000000.{n:03d}000"
        for i in range(events):
            if time.monotonic() > stop_at:
                return
            ts = f"1700000000.{n:03d}{i:03d}"
            question = QUESTIONS[(n + i) % len(QUESTIONS)]
            started = time.perf_counter()
            event = mention(
                question, ts=ts, thread_ts=None if i == 0 else thread_ts, channel=f"C{n:010d}"
            )
            reply = bot.event(event)
            with lock:
                acks.append(time.perf_counter() - started)
                threads[thread_ts] = i + 1
            fake.wait_answers(thread_ts, i + 1, stop_at)
            if answers(thread_ts) > i:
                with lock:
                    latencies.append(fake.arrived[thread_ts][i] - started)
            if reply.status != 200:
                return

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(user, range(users)))
    elapsed = time.perf_counter() - began
    time.sleep(1.0)  # an answer posted late, or twice, shows up now
    posted = {ts: answers(ts) for ts in threads}
    process.terminate()
    process.wait(timeout=20)
    fake.stop()
    return {
        "events": sum(threads.values()),
        "elapsed": elapsed,
        "acks": acks,
        "latencies": latencies,
        "lost": sum(max(0, threads[ts] - posted[ts]) for ts in threads),
        "twice": sum(max(0, posted[ts] - threads[ts]) for ts in threads),
        "acks_over_3s": sum(1 for a in acks if a >= 3.0),
    }


def table(result: dict) -> list[str]:
    ack, lat = summary(result["acks"]), summary(result["latencies"])
    return [
        f"{result['events']} events in {result['elapsed']:.1f} s",
        f"{'':<18}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}",
        f"{'ack (HTTP 200)':<18}{ack['median'] * 1000:>9.0f}{ack['p95'] * 1000:>9.0f}{ack['max'] * 1000:>9.0f}",
        f"{'answer posted':<18}{lat['median'] * 1000:>9.0f}{lat['p95'] * 1000:>9.0f}{lat['max'] * 1000:>9.0f}",
        f"acks ≥ 3 s: {result['acks_over_3s']}   lost: {result['lost']}   posted twice: {result['twice']}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--events", type=int, default=10)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before it stops anyway")
    args = parser.parse_args()
    print("\n".join(table(run(args.users, args.events, args.limit))))


if __name__ == "__main__":
    main()
