"""Fair use: how many questions one client may ask, counted per client.

A client may ask ``burst`` questions at once, then one every ``60 / per_minute`` seconds
(a token bucket, kept as GCRA: one timestamp per client, the "theoretical arrival time"
of its next question). A question over the limit is refused with
:class:`~antqa.errors.RateLimited` and the seconds until one more is allowed; a refused
question is not counted, so a client that waits as told always gets in.

Two implementations of one interface (:class:`RateLimiter`):

- :class:`MemoryRateLimiter`: this process only; at most :data:`MAX_TRACKED_CLIENTS`
  clients are remembered (the least recently seen is forgotten first);
- :class:`RedisRateLimiter`: shared by every replica that uses one Redis
  (``ANTQA_REDIS_URL``); one Lua script reads and moves a client's timestamp atomically,
  on Redis's clock, so replicas with skewed clocks still agree. When Redis fails (down,
  unreachable) the limit is not applied (logged once per outage): fair use is a
  protection, and it must not turn a Redis outage into refusing every question.

:func:`rate_limiter` picks one from the settings. What a "client" is (an API key, an
address) is the adapter's to say; here it is an opaque string.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import redis
from redis.exceptions import RedisError

from antqa.config import Settings
from antqa.errors import RateLimited

log = logging.getLogger(__name__)

#: Clients a :class:`MemoryRateLimiter` remembers (~100 bytes each, so ~10 MB at most):
#: far more than are active within one burst period, so forgetting the least recently
#: seen only ever forgives a client that has been quiet for a long while.
MAX_TRACKED_CLIENTS = 100_000
#: Seconds to wait for Redis to connect or answer: it answers in well under a millisecond
#: on a LAN, and a slow limiter must not hold a question up for long.
REDIS_TIMEOUT_SECONDS = 0.5
#: Where the per-client timestamps live in Redis.
REDIS_KEY_PREFIX = "antqa:rate:"

# KEYS: the client's key. ARGV: interval (s), burst.
# Returns the seconds to wait (as a string: Lua numbers become integers); <= 0: counted.
_TAKE = """
local interval, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local tat = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now)
local wait = tat + interval - burst * interval - now
if wait > 0 then
  return tostring(wait)
end
local keep = math.max(1, math.ceil((tat + interval - now) * 1000))
redis.call('SET', KEYS[1], tostring(tat + interval), 'PX', keep)
return tostring(wait)
"""


@dataclass(frozen=True)
class Rate:
    """``burst`` questions at once, then ``per_minute`` a minute."""

    per_minute: int
    burst: int

    @property
    def interval(self) -> float:
        """Seconds between two questions at the sustained pace."""
        return 60.0 / self.per_minute

    def refusal(self, wait: float) -> RateLimited:
        """The error for a question ``wait`` seconds too early."""
        seconds = max(1, math.ceil(wait))
        return RateLimited(
            f"too many questions from this client: the limit is {self.per_minute} a minute "
            f"(up to {self.burst} at once) — retry in {seconds} s",
            retry_after=seconds,
        )


class RateLimiter(Protocol):
    """Counts questions per client."""

    #: True when :meth:`take` waits on the network: async callers then call it on a thread.
    waits_on_io: bool

    def take(self, client: str) -> None:
        """Count one question of ``client``, or raise :class:`RateLimited` (not counted)."""

    def close(self) -> None:
        """Release what the limiter holds (connections)."""


class NoRateLimit:
    """Every question is let through (``ANTQA_ASK_RATE_PER_MINUTE=0``)."""

    waits_on_io = False

    def take(self, client: str) -> None:
        return None

    def close(self) -> None:
        return None


class MemoryRateLimiter:
    """The limit in this process's memory (one process, or tests)."""

    waits_on_io = False

    def __init__(
        self,
        rate: Rate,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = MAX_TRACKED_CLIENTS,
    ) -> None:
        self.rate = rate
        self._clock = clock
        self._max_clients = max_clients
        #: client -> theoretical arrival time; insertion order is recency (re-inserted on use)
        self._due: dict[str, float] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> None:
        interval, burst = self.rate.interval, self.rate.burst
        with self._lock:
            now = self._clock()
            due = max(self._due.pop(client, now), now)
            wait = due + interval - burst * interval - now
            self._due[client] = due if wait > 0 else due + interval
            if len(self._due) > self._max_clients:
                del self._due[next(iter(self._due))]
        if wait > 0:
            raise self.rate.refusal(wait)

    def close(self) -> None:
        return None


class RedisRateLimiter:
    """The limit in Redis, shared by every replica that uses it."""

    waits_on_io = True

    def __init__(self, rate: Rate, client: redis.Redis) -> None:
        self.rate = rate
        self._redis = client
        self._take = client.register_script(_TAKE)
        self._unreachable = False

    @classmethod
    def from_url(cls, rate: Rate, url: str) -> RedisRateLimiter:
        client = redis.Redis.from_url(
            url,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
        )
        return cls(rate, client)

    def take(self, client: str) -> None:
        try:
            wait = float(
                self._take(
                    keys=[REDIS_KEY_PREFIX + client], args=[self.rate.interval, self.rate.burst]
                )
            )
        except RedisError as err:
            if not self._unreachable:
                log.warning(
                    "the rate limit is not applied: Redis failed (%s); "
                    "questions are let through until it answers again",
                    err,
                )
            self._unreachable = True
            return
        if self._unreachable:
            log.info("Redis answers again: the rate limit applies again")
            self._unreachable = False
        if wait > 0:
            raise self.rate.refusal(wait)

    def close(self) -> None:
        self._redis.close()


def rate_limiter(settings: Settings) -> RateLimiter:
    """The limiter the settings ask for: none, in Redis when configured, else in memory."""
    if settings.ask_rate_per_minute == 0:
        return NoRateLimit()
    rate = Rate(settings.ask_rate_per_minute, settings.ask_rate_burst)
    if settings.redis_url is not None:
        return RedisRateLimiter.from_url(rate, settings.redis_url.get_secret_value())
    return MemoryRateLimiter(rate)
