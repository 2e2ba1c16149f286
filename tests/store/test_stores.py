"""Every store keeps the same promises: context by key, one owner per claim, work left for others.

Run against memory, a real SQLite file and a real redis-server. Several processes racing for the
same claims get each one exactly once, on SQLite (one machine) and on Redis (any machines).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from bot.store import CLAIM_SECONDS, CONTEXT_SECONDS, StoreError, open_store
from bot.store.redis import RedisStore
from bot.store.sqlite import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


def test_context_is_kept_by_key_and_replaced(store):
    assert store.load_context("C1/1.1") is None
    store.save_context("C1/1.1", '{"intent": "value"}')
    store.save_context("C1/1.2", '{"intent": "rank"}')
    store.save_context("C1/1.1", '{"intent": "compare"}')
    assert store.load_context("C1/1.1") == '{"intent": "compare"}'
    assert store.load_context("C1/1.2") == '{"intent": "rank"}'
    assert store.ping()


def test_a_claim_has_one_owner_until_it_is_answered(store):
    assert store.claim("Ev1", "a", 30) == "mine"
    assert store.claim("Ev1", "b", 30) == "taken"
    assert store.claim("Ev1", "a", 30) == "taken"  # a repeat delivery to the owner itself
    store.finish("Ev1")
    assert store.claim("Ev1", "b", 30) == "answered"
    store.finish("Ev2")  # answered without a claim (the store was down when it came)
    assert store.claim("Ev2", "a", 30) == "answered"


def test_a_lapsed_lease_is_taken_over_with_the_work_it_held(store):
    assert store.claim("Ev1", "a", 0.05) == "mine"
    store.hold("Ev1", "a", "the answer owed")
    assert store.claim("Ev2", "a", 30) == "mine"
    store.hold("Ev2", "a", "another")
    time.sleep(0.2)  # a's lease on Ev1 lapses: a died
    assert store.orphans(10) == [("Ev1", "the answer owed")]
    assert store.claim("Ev1", "b", 30) == "mine"
    assert store.orphans(10) == []
    store.hold("Ev1", "a", "a zombie's write")  # no longer a's claim: ignored
    store.release("Ev1", "b")
    assert store.orphans(10) == [("Ev1", "the answer owed")]


def test_released_work_waits_for_another_owner_and_finishing_ends_it(store):
    store.claim("Ev1", "a", 30)
    store.hold("Ev1", "a", "owed")
    assert store.orphans(10) == []  # a's lease is live
    store.release("Ev1", "b")  # not b's to release
    assert store.orphans(10) == []
    store.release("Ev1", "a")
    assert store.orphans(10) == [("Ev1", "owed")]
    assert store.claim("Ev1", "b", 30) == "mine"
    store.finish("Ev1")
    store.release("Ev1", "b")
    assert store.orphans(10) == []
    assert store.claim("Ev1", "c", 30) == "answered"


def test_renewing_keeps_only_the_owners_leases_alive(store):
    store.claim("Ev1", "a", 0.3)
    store.claim("Ev2", "b", 0.3)
    for claim, owner in (("Ev1", "a"), ("Ev2", "b")):
        store.hold(claim, owner, claim)
    store.renew(["Ev1", "Ev2"], "a", 60)
    time.sleep(0.5)
    assert store.orphans(10) == [("Ev2", "Ev2")]
    assert store.claim("Ev1", "b", 30) == "taken"


def test_the_sqlite_file_survives_the_process_and_prunes_what_has_expired(tmp_path):
    path = tmp_path / "state.sqlite3"
    first = SqliteStore(path)
    first.save_context("C1/1.1", "kept")
    first.claim("Ev1", "a", 30)
    first.finish("Ev1")
    first.close()
    clock = [time.time()]
    second = SqliteStore(path, clock=lambda: clock[0])
    assert second.load_context("C1/1.1") == "kept"
    assert second.claim("Ev1", "b", 30) == "answered"
    clock[0] += CONTEXT_SECONDS + 1
    assert second.claim("Ev9", "b", 30) == "mine"  # a claim prunes what is past its retention
    assert second.load_context("C1/1.1") is None
    assert second.claim("Ev1", "b", 30) == "mine"


def test_redis_keys_expire_by_themselves(redis_url):
    store = RedisStore(redis_url)
    store.save_context("C1/1.1", "kept")
    store.claim("Ev1", "a", 30)
    store.hold("Ev1", "a", "owed")
    raw = redis.Redis.from_url(redis_url, decode_responses=True)
    ttls = {key: raw.ttl(key) for key in raw.keys("lepbot:*") if key != "lepbot:waiting"}
    assert len(ttls) == 4  # the context, the claim's state, lease and work
    assert all(0 < ttl <= max(CONTEXT_SECONDS, CLAIM_SECONDS) for ttl in ttls.values()), ttls
    assert 0 < raw.pttl("lepbot:{Ev1}:lease") <= 30_000
    store.finish("Ev1")
    assert 0 < raw.ttl("lepbot:{Ev1}:state") <= CLAIM_SECONDS
    assert raw.smembers("lepbot:waiting") == set()
    store.close()


def test_an_unreachable_store_says_so(tmp_path):
    dead = RedisStore("redis://127.0.0.1:9/0")
    assert not dead.ping()
    with pytest.raises(StoreError) as error:
        dead.claim("Ev1", "a", 30)
    assert "127.0.0.1:9" in str(error.value)
    dead.close()
    assert open_store(None, tmp_path).kind == "sqlite"


RACE = """
import json, sys
from bot.store import open_store
from pathlib import Path
store = open_store(sys.argv[1] or None, Path(sys.argv[2]))
mine = [n for n in range(int(sys.argv[3])) if store.claim(f"Ev{n}", sys.argv[4], 60) == "mine"]
print(json.dumps(mine))
"""


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_processes_racing_for_the_same_claims_each_get_every_claim_once(backend, tmp_path, request):
    url = request.getfixturevalue("redis_url") if backend == "redis" else ""
    claims, racers = 300, 4
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", RACE, url, str(tmp_path), str(claims), f"owner{n}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(racers)
    ]
    won = [json.loads(run.communicate(timeout=60)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert sorted(n for mine in won for n in mine) == list(range(claims))


OPEN = """
import sys, time
from pathlib import Path
from bot.store.sqlite import SqliteStore
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
SqliteStore(Path(sys.argv[1])).close()
"""


def test_many_processes_opening_a_new_state_file_at_once_all_open_it(tmp_path):
    """Turning a new file to WAL mode needs it alone and SQLite does not wait for that: opening
    must retry rather than fail with 'database is locked' (seen under load in CI)."""
    path, at = tmp_path / "fresh.sqlite3", time.time() + 1.5
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN, str(path), str(at)], cwd=ROOT, stderr=subprocess.PIPE
        )
        for _ in range(12)
    ]
    errors = [run.communicate(timeout=60)[1] for run in runs]
    assert all(run.returncode == 0 for run in runs), b"".join(errors).decode()[-500:]
