"""Fixtures for the store tests: each backend for real — memory, a SQLite file, a redis-server."""

from __future__ import annotations

import pytest

from bot.store.memory import MemoryStore
from bot.store.redis import RedisStore
from bot.store.sqlite import SqliteStore
from tests.redis_server import redis_server, redis_url  # noqa: F401 (fixtures)


@pytest.fixture(params=["memory", "sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "memory":
        opened = MemoryStore()
    elif request.param == "sqlite":
        opened = SqliteStore(tmp_path / "state.sqlite3")
    else:
        opened = RedisStore(request.getfixturevalue("redis_url"))
    yield opened
    opened.close()
