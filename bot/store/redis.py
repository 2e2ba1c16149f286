"""The store in Redis: shared by lepbot instances on several machines.

Leases are keys that expire (PX), so whether an owner's lease has lapsed is decided by Redis's
clock, not by comparing the machines' clocks. Each claim's keys share a hash tag ({claim}), and
each change to them is one Lua script, so a claim is decided atomically. Context and claim
records expire by themselves (EX). The set of claims holding work is only an index for the
sweep: an entry whose work has gone is dropped when it is found.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlparse

import redis

from bot.store import CLAIM_SECONDS, CONTEXT_SECONDS, ClaimOutcome, StoreError, StoreKind

PREFIX = "lepbot:"
WAITING = PREFIX + "waiting"
TIMEOUT_SECONDS = 5.0

CLAIM = """
if redis.call('GET', KEYS[1]) == 'answered' then return 'answered' end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('SET', KEYS[1], 'claimed', 'EX', ARGV[3])
  return 'mine'
end
return 'taken'
"""
HOLD = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1
"""
RENEW = """
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then redis.call('PEXPIRE', key, ARGV[2]) end
end
return 0
"""
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0
"""


def _keys(claim: str) -> tuple[str, str, str]:
    """(state, lease, work) for one claim, in one hash slot."""
    tag = f"{PREFIX}{{{claim}}}"
    return f"{tag}:state", f"{tag}:lease", f"{tag}:work"


def where(url: str) -> str:
    """host:port (or the socket path) of a Redis URL: what may be shown, without a password."""
    parsed = urlparse(url)
    return parsed.path if parsed.scheme == "unix" else f"{parsed.hostname}:{parsed.port or 6379}"


class RedisStore:
    kind: StoreKind = "redis"

    def __init__(self, url: str) -> None:
        self.where = where(url)
        try:
            self._redis = redis.Redis.from_url(
                url,
                decode_responses=True,
                socket_timeout=TIMEOUT_SECONDS,
                socket_connect_timeout=TIMEOUT_SECONDS,
                health_check_interval=30,
            )
        except ValueError as error:
            raise StoreError(f"REDIS_URL is not a Redis URL ({error})") from None
        self._claim = self._redis.register_script(CLAIM)
        self._hold = self._redis.register_script(HOLD)
        self._renew = self._redis.register_script(RENEW)
        self._release = self._redis.register_script(RELEASE)

    def _failed(self, error: redis.RedisError) -> StoreError:
        return StoreError(f"Redis at {self.where}: {type(error).__name__}: {error}")

    def load_context(self, key: str) -> str | None:
        try:
            return self._redis.get(PREFIX + "context:" + key)
        except redis.RedisError as error:
            raise self._failed(error) from None

    def save_context(self, key: str, value: str) -> None:
        try:
            self._redis.set(PREFIX + "context:" + key, value, ex=CONTEXT_SECONDS)
        except redis.RedisError as error:
            raise self._failed(error) from None

    def claim(self, claim: str, owner: str, lease: float) -> ClaimOutcome:
        state, lease_key, _ = _keys(claim)
        try:
            return self._claim(keys=[state, lease_key], args=[owner, _ms(lease), CLAIM_SECONDS])
        except redis.RedisError as error:
            raise self._failed(error) from None

    def hold(self, claim: str, owner: str, work: str) -> None:
        _, lease_key, work_key = _keys(claim)
        try:
            if self._hold(keys=[lease_key, work_key], args=[owner, work, CLAIM_SECONDS]):
                self._redis.sadd(WAITING, claim)
        except redis.RedisError as error:
            raise self._failed(error) from None

    def renew(self, claims: Collection[str], owner: str, lease: float) -> None:
        try:
            for claim in claims:  # one slot per script call: fine on a cluster too
                self._renew(keys=[_keys(claim)[1]], args=[owner, _ms(lease)])
        except redis.RedisError as error:
            raise self._failed(error) from None

    def finish(self, claim: str) -> None:
        state, lease_key, work_key = _keys(claim)
        try:
            with self._redis.pipeline(transaction=False) as pipe:
                pipe.set(state, "answered", ex=CLAIM_SECONDS)
                pipe.delete(lease_key, work_key)
                pipe.srem(WAITING, claim)
                pipe.execute()
        except redis.RedisError as error:
            raise self._failed(error) from None

    def release(self, claim: str, owner: str) -> None:
        try:
            self._release(keys=[_keys(claim)[1]], args=[owner])
        except redis.RedisError as error:
            raise self._failed(error) from None

    def orphans(self, limit: int) -> list[tuple[str, str]]:
        try:
            waiting = sorted(self._redis.smembers(WAITING))
            with self._redis.pipeline(transaction=False) as pipe:
                for claim in waiting:
                    state, lease_key, work_key = _keys(claim)
                    pipe.get(state)
                    pipe.exists(lease_key)
                    pipe.get(work_key)
                replies = pipe.execute()
            found, gone = [], []
            for index, claim in enumerate(waiting):
                state, leased, work = replies[3 * index : 3 * index + 3]
                if state != "claimed" or work is None:
                    gone.append(claim)
                elif not leased:
                    found.append((claim, work))
            if gone:
                self._redis.srem(WAITING, *gone)
            return found[:limit]
        except redis.RedisError as error:
            raise self._failed(error) from None

    def ping(self) -> bool:
        try:
            return bool(self._redis.ping())
        except redis.RedisError:
            return False

    def close(self) -> None:
        self._redis.close()


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))
