"""`lepbot serve`: its settings, and both modes run as the real command against fakes on loopback.

HTTP mode runs under gunicorn exactly as the Procfile's web line does; Socket Mode connects to a
fake WebSocket that apps.connections.open points at. The charts module is whatever this checkout
has: without it the text answers stand (tested here), with it the chart follows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.cli import main, parser
from bot.slack.settings import NoSlackSettings, SettingsError, SlackSettings, from_env
from tests.slack.fake_socket import FakeSocketMode
from tests.slack.serving import serve_http, serve_socket
from tests.slack.slack_harness import CHANNEL, SECRET, event_callback, http, mention, new_ts

ROOT = Path(__file__).resolve().parents[2]
HUMBER = "how does Humber compare on placements?"
HTTP_ENV = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": SECRET}


# -- settings --------------------------------------------------------------------------------


def test_socket_mode_is_chosen_when_an_app_token_is_set():
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}
    assert from_env(env) == SlackSettings(bot_token="xoxb-1", app_token="xapp-1")
    assert from_env(env).socket_mode


def test_http_mode_reads_port_and_api_url():
    env = {**HTTP_ENV, "PORT": "8080", "SLACK_API_URL": "http://127.0.0.1:9/api"}
    settings = from_env(env)
    assert not settings.socket_mode
    assert (settings.port, settings.api_url) == (8080, "http://127.0.0.1:9/api/")
    assert from_env({**HTTP_ENV, "SLACK_APP_TOKEN": "xapp-1"}, mode="http").app_token is None


@pytest.mark.parametrize(
    ("env", "mode", "names"),
    [
        ({"SLACK_SIGNING_SECRET": SECRET}, "auto", ("SLACK_BOT_TOKEN", "OAuth & Permissions")),
        ({**HTTP_ENV, "SLACK_BOT_TOKEN": "xoxp-1"}, "auto", ("SLACK_BOT_TOKEN", "xoxb-")),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "auto", ("SLACK_SIGNING_SECRET", "Basic Information")),
        ({**HTTP_ENV, "SLACK_SIGNING_SECRET": "'abc'"}, "auto", ("SLACK_SIGNING_SECRET",)),
        (
            {**HTTP_ENV, "SLACK_APP_TOKEN": "xoxb-2"},
            "auto",
            ("SLACK_APP_TOKEN", "connections:write"),
        ),
        (HTTP_ENV, "socket", ("SLACK_APP_TOKEN", "App-Level Tokens")),
        ({**HTTP_ENV, "PORT": "eighty"}, "auto", ("PORT", "eighty")),
        ({**HTTP_ENV, "PORT": "70000"}, "auto", ("PORT",)),
        ({**HTTP_ENV, "SLACK_API_URL": "slack.com"}, "auto", ("SLACK_API_URL",)),
        ({**HTTP_ENV, "REDIS_URL": "http://lep:abc@cache:6379"}, "auto", ("REDIS_URL", "redis://")),
        ({**HTTP_ENV, "LEPBOT_CHANNEL_RATE": "fast"}, "auto", ("LEPBOT_CHANNEL_RATE",)),
        ({**HTTP_ENV, "LEPBOT_CHANNEL_RATE": "0"}, "auto", ("LEPBOT_CHANNEL_RATE",)),
        ({**HTTP_ENV, "WEB_CONCURRENCY": "0"}, "auto", ("WEB_CONCURRENCY",)),
    ],
)
def test_a_missing_or_malformed_setting_is_named_in_one_line(env, mode, names):
    with pytest.raises(SettingsError) as error:
        from_env(env, mode)
    message = str(error.value)
    assert "\n" not in message
    assert all(name in message for name in names)
    assert "xoxp-1" not in message and "abc" not in message  # secrets are not echoed


def test_state_pace_workers_and_question_logging_are_read_from_the_environment():
    env = {**HTTP_ENV, "REDIS_URL": "redis://cache:6379/0", "WEB_CONCURRENCY": "3"}
    settings = from_env(env)
    assert (settings.redis_url, settings.workers) == ("redis://cache:6379/0", 3)
    assert (settings.channel_rate, settings.log_questions) == (1.0, False)
    env |= {"LEPBOT_REDIS_URL": "rediss://own:6380", "LEPBOT_CHANNEL_RATE": "0.5"}
    settings = from_env({**env, "LEPBOT_LOG_QUESTIONS": "1"})
    assert (settings.redis_url, settings.channel_rate) == ("rediss://own:6380", 0.5)
    assert settings.log_questions
    assert from_env(HTTP_ENV).redis_url is None  # the SQLite file in the user data directory


def test_serve_with_no_slack_settings_points_to_lepbot_chat(capsys):
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "no Slack settings" in err and "lepbot chat" in err
    with pytest.raises(NoSlackSettings):
        from_env({"PORT": "3000"})


@pytest.mark.parametrize(
    ("env", "method", "named"),
    [
        (HTTP_ENV, "auth.test", "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, "apps.connections.open",
         "SLACK_APP_TOKEN"),
    ],
)  # fmt: skip
def test_serve_says_which_token_slack_refused(fake, monkeypatch, capsys, env, method, named):
    fake.script.errors[method] = "invalid_auth"
    for name, value in {**env, "SLACK_API_URL": fake.api_url}.items():
        monkeypatch.setenv(name, value)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(f"lepbot serve: Slack refused {named} (invalid_auth)")


def test_serve_says_when_redis_does_not_answer_without_showing_its_password(
    fake, monkeypatch, capsys
):
    env = {**HTTP_ENV, "SLACK_API_URL": fake.api_url, "REDIS_URL": "redis://:hunter2@127.0.0.1:9/0"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == (
        "lepbot serve: Redis does not answer at 127.0.0.1:9: is it running, and is REDIS_URL right?"
    )


# -- the real command ------------------------------------------------------------------------


def test_lepbot_serve_over_http_runs_gunicorn_and_answers(fake, tmp_path):
    serving, bot = serve_http(fake, tmp_path)
    try:
        health = http(bot.url + "/health")
        assert health.status == 200
        assert json.loads(health.body) == {"ok": True, "store": "sqlite", "store_reachable": True}
        assert bot.post(b"{oops", {"content-type": "application/json"}).status == 400
        challenge = bot.send_json({"type": "url_verification", "challenge": "c-9", "token": "t"})
        assert "c-9" in challenge.body
        ts = new_ts()
        assert bot.event(mention(HUMBER, ts=ts)).status == 200
        fake.wait_until(lambda f: bot.answers_in(ts))
        assert "29%" in bot.answers_in(ts)[0]["text"]
    finally:
        assert serving.stop() == 0
    assert "Traceback" not in "".join(c.raw.decode("utf-8", "replace") for c in fake.calls)


def _envelope(envelope_id: str, kind: str, payload: dict, retry: int = 0) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": kind,
        "accepts_response_payload": kind != "events_api",
        "retry_attempt": retry,
        "retry_reason": "timeout" if retry else "",
        "payload": payload,
    }


def test_lepbot_serve_in_socket_mode_connects_and_answers_without_a_public_url(fake, tmp_path):
    socket = FakeSocketMode()
    serving = serve_socket(fake, socket, tmp_path)
    try:
        (opened,) = fake.called("apps.connections.open")
        assert opened.headers["authorization"] == "Bearer xapp-1-test"

        ts = new_ts()
        question = event_callback(mention(HUMBER, ts=ts))
        socket.send(_envelope("env-1", "events_api", question))
        socket.wait_ack("env-1")
        fake.wait_until(lambda f: [p for p in f.posts() if p.get("thread_ts") == ts])

        socket.send(_envelope("env-2", "events_api", question, retry=1))  # Slack's retry
        socket.wait_ack("env-2")
        command = {"command": "/lep", "text": "top 5 for work placements", "channel_id": CHANNEL,
                   "user_id": "U0ASKER01", "team_id": "T1", "trigger_id": "1.2.3",
                   "response_url": fake.base + "commands/1"}  # fmt: skip
        socket.send(_envelope("env-3", "slash_commands", command))
        socket.wait_ack("env-3")
        fake.wait_until(lambda f: len(f.posts()) == 3)  # the answer, the /lep question and answer
    finally:
        assert serving.stop() == 0
        socket.stop()
    first, root, ranking = fake.posts()
    assert first["thread_ts"] == ts and "29%" in first["text"]
    assert root["text"] == "<@U0ASKER01> asked: top 5 for work placements"
    assert "Cheshire and Warrington" in ranking["text"]
    assert "Traceback" not in json.dumps(fake.posts())


# -- what organisers paste and deploy --------------------------------------------------------


def test_the_manifest_creates_the_app_lepbot_serves():
    manifest = yaml.safe_load((ROOT / "manifest.yml").read_text())
    assert set(manifest["oauth_config"]["scopes"]["bot"]) == {
        "app_mentions:read", "chat:write", "files:write", "commands", "im:history",
        "reactions:write",
    }  # fmt: skip
    settings = manifest["settings"]
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im", "app_home_opened",
    }  # fmt: skip
    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True  # the question buttons
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/lep"]
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_the_procfile_runs_http_on_web_and_socket_mode_on_worker():
    lines = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line
    )
    assert set(lines) == {"web", "worker"}
    modes = {}
    for kind, command in lines.items():
        program, *args = command.split()
        assert program == "lepbot"
        modes[kind] = parser().parse_args(args).mode
    assert modes == {"web": "http", "worker": "socket"}
