"""Conversations in Redis: shared by every replica on every machine that uses one Redis.

Keys (under ``prefix``, ``antqa:`` by default):

- ``conversation:<id>``: a list of JSON turns, trimmed to ``max_turns``, with a TTL of
  ``ttl_seconds`` refreshed by every turn (Redis itself forgets an idle conversation);
- ``conversations``: a sorted set of ids by last turn, for the ``max_conversations`` bound
  (least recently used out) and to count them;
- ``place:<place>``: the conversation id of an adapter's place (a Discord thread), with the
  same TTL;
- ``lock:<key>``: redis-py's :class:`~redis.lock.Lock` (a token with an expiry), so
  questions in one conversation take turns across replicas.

Recording a turn is one Lua script, so the bounds hold whatever the replicas do at once.
The scripts name keys they compute themselves: this needs one Redis (or a primary with
replicas), not Redis Cluster.

When Redis cannot be reached every call raises :class:`~antqa.errors.StateUnavailable`
(HTTP 503 with ``Retry-After``); redis-py reconnects by itself on the next call, so the
service recovers when Redis comes back, without a restart.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import redis
from redis.exceptions import LockError, RedisError

from antqa.conversation import Turn
from antqa.errors import ConfigurationError, StateUnavailable
from antqa.state.base import (
    LOCK_LEASE_SECONDS,
    RETRY_AFTER_SECONDS,
    KeyedLocks,
    dump_turn,
    load_turn,
)

log = logging.getLogger(__name__)

#: Seconds to wait for Redis to connect or answer. It answers in well under a millisecond
#: on a LAN; a second of silence means it is down, and the client should hear 503 soon.
SOCKET_TIMEOUT_SECONDS = 1.0
#: How often redis-py polls a turn lock held by another replica (answers take ~10-100 ms).
LOCK_POLL_SECONDS = 0.005
#: Expired conversations cleaned from the index per recorded turn (bounded work per call).
EXPIRE_BATCH = 100

# KEYS: the index. ARGV: prefix, id, turn, now, ttl (s), max_turns, max_conversations, batch
_RECORD = """
local index, prefix, id = KEYS[1], ARGV[1], ARGV[2]
local now, ttl = tonumber(ARGV[4]), tonumber(ARGV[5])
local stale = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. (now - ttl), 'LIMIT', 0, ARGV[8])
for _, old in ipairs(stale) do
  redis.call('DEL', prefix .. 'conversation:' .. old)
  redis.call('ZREM', index, old)
end
local key = prefix .. 'conversation:' .. id
redis.call('RPUSH', key, ARGV[3])
redis.call('LTRIM', key, -tonumber(ARGV[6]), -1)
redis.call('PEXPIRE', key, math.ceil(ttl * 1000))
redis.call('ZADD', index, now, id)
local surplus = redis.call('ZCARD', index) - tonumber(ARGV[7])
if surplus > 0 then
  local evicted = redis.call('ZPOPMIN', index, surplus)
  for i = 1, #evicted, 2 do
    redis.call('DEL', prefix .. 'conversation:' .. evicted[i])
  end
end
return 1
"""

# KEYS: the index. ARGV: prefix, now, ttl (s), batch. Returns the live conversations.
_COUNT = """
local index, prefix = KEYS[1], ARGV[1]
local cutoff = tonumber(ARGV[2]) - tonumber(ARGV[3])
local stale = redis.call('ZRANGEBYSCORE', index, '-inf', '(' .. cutoff, 'LIMIT', 0, ARGV[4])
for _, old in ipairs(stale) do
  redis.call('DEL', prefix .. 'conversation:' .. old)
  redis.call('ZREM', index, old)
end
return redis.call('ZCOUNT', index, cutoff, '+inf')
"""


class RedisConversationStore:
    """Recent turns per conversation id in one Redis shared by every replica."""

    def __init__(
        self,
        client: redis.Redis,
        max_turns: int = 8,
        ttl_seconds: float = 3600.0,
        max_conversations: int = 10_000,
        clock: Callable[[], float] = time.time,
        prefix: str = "antqa:",
    ) -> None:
        self._redis = client
        self._max_turns = max_turns
        self._ttl = ttl_seconds
        self._max_conversations = max_conversations
        self._clock = clock
        self._prefix = prefix
        self._index = f"{prefix}conversations"
        self._record = client.register_script(_RECORD)
        self._count = client.register_script(_COUNT)
        self._turns = KeyedLocks()

    @classmethod
    def from_url(cls, url: str, **options: Any) -> RedisConversationStore:
        """A store on the Redis at ``url`` (connects lazily, on the first call)."""
        try:
            client = redis.Redis.from_url(
                url,
                socket_timeout=SOCKET_TIMEOUT_SECONDS,
                socket_connect_timeout=SOCKET_TIMEOUT_SECONDS,
            )
        except ValueError as err:
            raise ConfigurationError(
                f"ANTQA_REDIS_URL is not a Redis URL ({err}) — use redis://host:6379/0"
            ) from None
        return cls(client, **options)

    def __len__(self) -> int:
        with self._failures():
            count = self._count(
                keys=[self._index], args=[self._prefix, self._clock(), self._ttl, EXPIRE_BATCH]
            )
        return int(count)

    def history(self, conversation_id: str) -> list[Turn] | None:
        with self._failures():
            pipe = self._redis.pipeline(transaction=False)
            pipe.zscore(self._index, conversation_id)
            pipe.lrange(self._key(conversation_id), 0, -1)
            touched, turns = pipe.execute()
        if touched is None or touched < self._clock() - self._ttl or not turns:
            return None
        return [load_turn(turn) for turn in turns]

    def record(self, conversation_id: str, turn: Turn) -> None:
        args: list[str | float] = [
            self._prefix,
            conversation_id,
            dump_turn(turn),
            self._clock(),
            self._ttl,
            self._max_turns,
            self._max_conversations,
            EXPIRE_BATCH,
        ]
        with self._failures():
            self._record(keys=[self._index], args=args)

    @contextmanager
    def exclusive(self, key: str) -> Iterator[None]:
        with self._turns.hold(key):
            lock = self._redis.lock(
                f"{self._prefix}lock:{key}",
                timeout=LOCK_LEASE_SECONDS,
                sleep=LOCK_POLL_SECONDS,
                thread_local=False,
            )
            with self._failures():
                lock.acquire()
            try:
                yield
            finally:
                try:
                    lock.release()
                except LockError:  # the lease ran out first: another replica may hold it now
                    log.warning("a turn lock on %s expired before it was released", key)
                except RedisError as err:  # Redis went away: the lease frees it
                    log.warning("could not release the turn lock on %s: %s", key, err)

    def alias(self, place: str) -> str | None:
        with self._failures():
            value = self._redis.get(self._place(place))
        return None if value is None else value.decode() if isinstance(value, bytes) else value

    def bind(self, place: str, conversation_id: str) -> None:
        with self._failures():
            self._redis.set(self._place(place), conversation_id, px=int(self._ttl * 1000))

    def close(self) -> None:
        self._redis.close()

    def _key(self, conversation_id: str) -> str:
        return f"{self._prefix}conversation:{conversation_id}"

    def _place(self, place: str) -> str:
        return f"{self._prefix}place:{place}"

    @contextmanager
    def _failures(self) -> Iterator[None]:
        try:
            yield
        except RedisError as err:
            raise StateUnavailable(
                f"the conversation store (Redis) cannot be reached ({err}) — retry in "
                f"{RETRY_AFTER_SECONDS} s; if it persists, check ANTQA_REDIS_URL and that "
                "Redis is running",
                retry_after=RETRY_AFTER_SECONDS,
            ) from err
