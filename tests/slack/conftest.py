"""Fixtures for the Slack tests: a fresh fake Slack and a served lepbot per test."""

from __future__ import annotations

import pytest

from bot.conversation import Conversations
from intents.dataset.loader import load_dataset
from tests.slack.fake_slack import FakeSlack
from tests.slack.slack_harness import serve


@pytest.fixture(scope="session")
def dataset():
    return load_dataset()


@pytest.fixture
def fake():
    slack = FakeSlack().start()
    yield slack
    slack.stop()


@pytest.fixture(autouse=True)
def no_slack_env(monkeypatch):
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lepbot(fake, dataset):
    bot, stop = serve(fake, Conversations(dataset))
    yield bot
    stop()
