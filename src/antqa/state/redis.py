"""Conversations in Redis: shared by every replica on every machine that uses one Redis.

Keys (under ``prefix``, ``antqa:`` by default):

- ``conversation:<id>``: a list of JSON turns, trimmed to ``max_turns``, with a TTL of
  ``ttl_seconds`` refreshed by every turn (Redis itself forgets an idle conversation);
- ``conversations``: a sorted set of ids by last turn, for the ``max_conversations`` bound
  (least recently used out) and to count them;
- ``place:<place>``: the conversation id of an adapter's place (a Discord thread), with the
  same TTL;
- ``lock:<key>``: a turn lock (a random token, ``SET NX`` with an expiry, deleted only by
  its holder), so questions in one conversation take turns across replicas.

Recording a turn is one Lua script, so the bounds hold whatever the replicas do at once.
An ask costs two round trips: taking the lock also reads the history (pipelined), and the
turn is written in the same round trip that lets the lock go (redis-py's ``Lock`` would
need four).
The scripts name keys they compute themselves: this needs one Redis (or a primary with
replicas), not Redis Cluster.

When Redis cannot be reached every call raises :class:`~antqa.errors.StateUnavailable`
(HTTP 503 with ``Retry-After``); redis-py reconnects by itself on the next call, so the
service recovers when Redis comes back, without a restart.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import redis
from redis.exceptions import NoScriptError, RedisError

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


# KEYS: the lock. ARGV: the holder's token. Deletes the lock only if it is still ours.
_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

_SHA = {script: hashlib.sha1(script.encode()).hexdigest() for script in (_RECORD, _RELEASE)}


@dataclass
class _Hold:
    """One held turn lock, what was read when it was taken, and the turns to write at the end."""

    lock: str
    token: str
    key: str
    touched: float | None = None
    turns: list[bytes] = field(default_factory=list)
    pending: list[list[str | float]] = field(default_factory=list)

    def __str__(self) -> str:
        return self.key


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
        self._count = client.register_script(_COUNT)
        self._turns = KeyedLocks()
        self._local = threading.local()

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
        hold = self._holds().get(conversation_id)
        if hold is not None and not hold.pending:  # read when the hold was taken: still true
            touched, turns = hold.touched, hold.turns
        else:
            if hold is not None:  # turns recorded in this hold go first
                self._run_scripts([(_RECORD, [self._index], args) for args in hold.pending])
                hold.pending.clear()
            with self._failures():
                pipe = self._redis.pipeline(transaction=False)
                pipe.zscore(self._index, conversation_id)
                pipe.lrange(self._key(conversation_id), 0, -1)
                touched, turns = pipe.execute()
            if hold is not None:
                hold.touched, hold.turns = touched, turns
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
        hold = self._holds().get(conversation_id)
        if hold is not None:  # written when the hold ends, in the same round trip as the release
            hold.pending.append(args)
            return
        self._run_scripts([(_RECORD, [self._index], args)])

    @contextmanager
    def exclusive(self, key: str) -> Iterator[None]:
        with self._turns.hold(key):
            hold = self._acquire(key)
            self._holds()[key] = hold
            failed = True
            try:
                yield
                failed = False
            finally:
                del self._holds()[key]
                self._finish(hold, failed)

    def _acquire(self, key: str) -> _Hold:
        """Take ``key``'s lock, reading its history in the same round trip."""
        hold = _Hold(f"{self._prefix}lock:{key}", uuid.uuid4().hex, key)
        while True:
            with self._failures():
                pipe = self._redis.pipeline(transaction=False)
                pipe.set(hold.lock, hold.token, nx=True, px=int(LOCK_LEASE_SECONDS * 1000))
                pipe.zscore(self._index, key)
                pipe.lrange(self._key(key), 0, -1)
                taken, hold.touched, hold.turns = pipe.execute()
            if taken:
                return hold
            time.sleep(LOCK_POLL_SECONDS)

    def _finish(self, hold: _Hold, failed: bool) -> None:
        """Write the turns recorded while holding, and let go, in one round trip."""
        try:
            self._run_scripts(
                [
                    *((_RECORD, [self._index], args) for args in hold.pending),
                    (_RELEASE, [hold.lock], [hold.token]),
                ]
            )
        except StateUnavailable as err:
            if hold.pending and not failed:
                raise
            log.warning("could not release the turn lock on %s (its lease frees it): %s", hold, err)

    def _holds(self) -> dict[str, _Hold]:
        """The keys this thread holds (``exclusive`` nests: a place, then its conversation)."""
        holds: dict[str, _Hold] | None = getattr(self._local, "holds", None)
        if holds is None:
            holds = self._local.holds = {}
        return holds

    def _run_scripts(self, calls: list[tuple[str, list[str], list[str | float]]]) -> None:
        """Run Lua scripts in one pipeline by their SHA, loading them once if Redis lost them."""
        for attempt in (1, 2):
            with self._failures():
                pipe = self._redis.pipeline(transaction=False)
                for script, keys, args in calls:
                    pipe.evalsha(_SHA[script], len(keys), *keys, *args)
                try:
                    pipe.execute()
                    return
                except NoScriptError:
                    if attempt == 2:
                        raise
                    for script in _SHA:
                        self._redis.script_load(script)

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
