"""Fixtures for the Slack tests: a fresh fake Slack and a served lepbot per test."""

from __future__ import annotations

import pytest

from bot.conversation import Conversations
from bot.slack.settings import OTHER_VARIABLES, SLACK_VARIABLES
from bot.store.memory import MemoryStore
from intents.dataset.loader import load_dataset
from tests.redis_server import redis_server, redis_url  # noqa: F401 (fixtures)
from tests.slack.fake_slack import FakeSlack, Limits
from tests.slack.slack_harness import SPEED, serve


@pytest.fixture(scope="session")
def dataset():
    return load_dataset()


@pytest.fixture
def fake():
    slack = FakeSlack(Limits(speed=SPEED)).start()
    yield slack
    slack.stop()


@pytest.fixture(autouse=True)
def no_slack_env(monkeypatch):
    for name in (*SLACK_VARIABLES, *OTHER_VARIABLES):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def lepbot(fake, dataset):
    store = MemoryStore()
    bot, stop = serve(fake, Conversations(dataset, store), store)
    yield bot
    stop()
