"""`lepbot serve` as the Procfile starts it, in a child process, against the fakes on loopback.

HTTP mode runs gunicorn (`web: lepbot serve --http`); Socket Mode (`worker: lepbot serve
--socket-mode`) connects to a fake WebSocket that apps.connections.open points at. The state
lives wherever the instance is told (LEPBOT_DATA for SQLite, REDIS_URL for Redis), so two
instances given the same one share it, as two dynos or two workers would.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

from tests.slack.fake_slack import FakeSlack
from tests.slack.fake_socket import FakeSocketMode
from tests.slack.slack_harness import SECRET, SPEED, Lepbot, http

ROOT = Path(__file__).resolve().parents[2]
LEPBOT = Path(sys.executable).with_name("lepbot")  # the console script pip installed


class Serving:
    """One `lepbot serve` process, its stderr collected line by line."""

    def __init__(self, args: list[str], env: dict, data_dir: Path) -> None:
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "LEPBOT_"))}
        clean.pop("REDIS_URL", None)
        clean.pop("WEB_CONCURRENCY", None)
        clean.update(env, PYTHONPATH=str(ROOT), LEPBOT_DATA=str(data_dir))
        command = [str(LEPBOT)] if LEPBOT.exists() else [sys.executable, "-m", "bot.cli"]
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self.process = subprocess.Popen(
            [*command, "serve", *args],
            cwd=ROOT,
            env=clean,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, so kill() takes the workers too
        )
        self._collector = threading.Thread(target=self._collect, daemon=True)
        self._collector.start()

    def _collect(self) -> None:
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    @property
    def log(self) -> str:
        with self._changed:
            return "".join(self.lines)

    def wait_for(self, pattern: str, count: int = 1, timeout: float = 30.0) -> re.Match:
        """The first line matching `pattern`, once `count` lines match."""
        found: list[re.Match] = []

        def seen() -> bool:
            found[:] = [m for line in self.lines if (m := re.search(pattern, line))]
            return len(found) >= count or self.process.poll() is not None

        with self._changed:
            self._changed.wait_for(seen, timeout)
        assert len(found) >= count, f"no {count} x {pattern!r} in:\n{self.log}"
        return found[0]

    def stop(self, timeout: float = 40.0) -> int:
        """SIGTERM, as a platform sends it, and the exit status once it has exited."""
        self.process.send_signal(signal.SIGTERM)
        status = self.process.wait(timeout=timeout)
        self._collector.join(10)  # the last lines it wrote
        return status

    def kill(self) -> None:
        """SIGKILL to every process of the instance: it dies where it stands, as a hung dyno
        being replaced does (gunicorn's workers with their master)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._collector.join(10)


def serve_http(
    fake: FakeSlack, data_dir: Path, token: str = "xoxb-1", **env: str
) -> tuple[Serving, Lepbot]:
    """`lepbot serve --http` under gunicorn, ready for signed requests."""
    settings = {
        "SLACK_BOT_TOKEN": token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "LEPBOT_CHANNEL_RATE": str(SPEED),
        **env,
    }
    serving = Serving(["--http", "--host", "127.0.0.1", "--port", "0"], settings, data_dir)
    port = serving.wait_for(r"Listening at: http://127\.0\.0\.1:(\d+)").group(1)
    serving.wait_for("Booting worker", count=int(env.get("WEB_CONCURRENCY", "1")))
    bot = Lepbot(f"http://127.0.0.1:{port}", fake)
    assert http(bot.url + "/health").status == 200  # waits for a worker to have loaded the bot
    return serving, bot


def serve_socket(
    fake: FakeSlack, socket: FakeSocketMode, data_dir: Path, token: str = "xoxb-1", **env: str
) -> Serving:
    """`lepbot serve --socket-mode`, connected to `socket` (its next connection)."""
    fake.script.ws_url = socket.url
    connections = socket.connections
    settings = {
        "SLACK_BOT_TOKEN": token,
        "SLACK_APP_TOKEN": "xapp-1-test",
        "SLACK_API_URL": fake.api_url,
        "LEPBOT_CHANNEL_RATE": str(SPEED),
        **env,
    }
    serving = Serving(["--socket-mode"], settings, data_dir)
    socket.wait_connected(connections + 1)
    serving.wait_for("connected to Slack over Socket Mode")
    return serving
