"""A workshop asking at once, against a fake Slack that enforces Slack's own rate limits.

40 people mention lepbot in one channel within 2 s; then the same 40 spread over 10 channels.
Each run starts `lepbot serve` as the Procfile does — HTTP under gunicorn, or Socket Mode against
the local fake WebSocket — with a fresh SQLite store, and the fake Slack on loopback allows what
Slack allows: one chat.postMessage a second per channel after a short burst, reactions and
uploads by their tiers, 429 with Retry-After beyond that. Printed: questions lost and answered
twice, the 429s Slack sent, waiting signs shown and left, when the last answer and the last chart
landed, and that time against the floor Slack's rate sets (N messages in one channel need N
seconds: 40 s for 40). Everything is bounded: a run stops by itself after --limit seconds.

Usage: python -m bench.burst [--questions 40] [--within 2] [--modes http,socket] [--limit 300]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.slack import burst
from tests.slack.fake_slack import FakeSlack, Limits
from tests.slack.fake_socket import FakeSocketMode, envelope
from tests.slack.serving import serve_http, serve_socket

SLACK = Limits()  # Slack's own pace: speed 1
TARGET = 1.25  # the last answer within 1.25x the floor


def run(mode: str, questions: int, channels: int, within: float, limit: float) -> dict:
    fake = FakeSlack(SLACK).start()
    data = Path(tempfile.mkdtemp(prefix="lepbot-bench-"))
    pace = {"LEPBOT_CHANNEL_RATE": str(SLACK.channel_rate)}
    socket = FakeSocketMode()
    if mode == "http":
        serving, bot = serve_http(fake, data, **pace)
        send = bot.send_json
    else:
        serving = serve_socket(fake, socket, data, **pace)

        def send(body: dict) -> None:
            socket.send(envelope(body))

    started = time.monotonic()
    asked = burst.ask(send, questions, burst.channels(channels), within)
    deadline = started + limit
    while time.monotonic() < deadline:
        result = burst.outcome(fake, asked, started)
        if result.lost == 0 and result.charts >= result.charts_expected:
            break
        time.sleep(0.2)
    time.sleep(3.0)  # an answer posted late, or twice, shows up now
    while time.monotonic() < deadline and burst.outcome(fake, asked, started).signs_left:
        time.sleep(0.5)  # the waiting signs come off at reactions.remove's pace
    result = burst.outcome(fake, asked, started)
    serving.stop()
    socket.stop()
    fake.stop()
    per_channel = -(-questions // channels)
    floor = per_channel / SLACK.channel_rate
    return {"mode": mode, "channels": channels, "result": result, "floor": floor}


def table(runs: list[dict]) -> list[str]:
    head = (
        f"{'mode':<7}{'channels':>9}{'lost':>6}{'twice':>7}{'charts':>8}{'429s':>9}"
        f"{'signs':>7}{'last answer':>13}{'last chart':>12}{'signs off':>11}{'floor':>7}"
        f"{'ratio':>7}"
    )
    lines = [head]
    for run_ in runs:
        r: burst.Outcome = run_["result"]
        lines.append(
            f"{run_['mode']:<7}{run_['channels']:>9}{r.lost:>6}{r.doubled:>7}"
            f"{f'{r.charts}/{r.charts_expected}':>8}{f'{r.limited_posts}+{r.limited_other}':>9}"
            f"{r.signs_shown:>7}{r.last_answer:>12.1f}s{r.last_chart:>11.1f}s"
            f"{r.last_sign_cleared:>10.1f}s{run_['floor']:>6.0f}s"
            f"{r.last_answer / run_['floor']:>6.2f}x"
        )
    worst = max(run_["result"].last_answer / run_["floor"] for run_ in runs)
    lost = sum(run_["result"].lost + run_["result"].doubled for run_ in runs)
    verdict = "met" if worst <= TARGET and lost == 0 else "NOT met"
    lines += [
        "429s: to chat.postMessage + to reactions and uploads; signs: waiting reactions shown,",
        "'signs off' when the last was cleared (reactions.remove is Tier 2: 20 a minute).",
        f"target (0 lost, 0 twice, last answer ≤ {TARGET}x the floor): {verdict}",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=40)
    parser.add_argument("--within", type=float, default=2.0, help="seconds the questions span")
    parser.add_argument("--modes", default="http,socket")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds before a run stops")
    args = parser.parse_args()
    runs = [
        run(mode, args.questions, channels, args.within, args.limit)
        for mode in args.modes.split(",")
        for channels in (1, 10)
    ]
    print("\n".join(table(runs)))


if __name__ == "__main__":
    main()
