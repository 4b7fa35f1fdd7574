"""Staying connected to Discord: the bot's state for ``/healthz``, and the retry pacing.

discord.py reconnects by itself once connected (``reconnect=True``), but a login that
cannot reach Discord at all (offline, a DNS blip) fails at once; ``run_discord`` then
tries again after :class:`Backoff`'s next delay, for as long as it runs, so the HTTP API
beside it never notices. :class:`BotStatus` is what ``/healthz`` reports meanwhile.
"""

from __future__ import annotations

import random

#: The first wait before trying to reach Discord again, and the longest: doubling from
#: 1 s reaches the cap within a minute of an outage; one try a minute after that costs
#: Discord nothing and finds it back within a minute.
RETRY_FIRST_SECONDS = 1.0
RETRY_CAP_SECONDS = 60.0


class BotStatus:
    """``connecting``, ``connected`` or ``off: <reason>``; call it for the current one."""

    def __init__(self) -> None:
        self._state = "connecting"

    def __call__(self) -> str:
        return self._state

    def connecting(self) -> None:
        self._state = "connecting"

    def connected(self) -> None:
        self._state = "connected"

    def off(self, reason: str) -> None:
        self._state = f"off: {reason}"


class Backoff:
    """Capped exponential delays with jitter: ``first``, ``2 × first``, … up to ``cap``,
    each scaled by a random factor in [0.5, 1] so restarted replicas do not retry in step."""

    def __init__(self, first: float = RETRY_FIRST_SECONDS, cap: float = RETRY_CAP_SECONDS) -> None:
        self.first = first
        self.cap = cap
        self._attempt = 0

    def next_delay(self) -> float:
        delay = min(self.cap, self.first * 2 ** min(self._attempt, 32))
        self._attempt += 1
        return delay * random.uniform(0.5, 1.0)

    def reset(self) -> None:
        """Connected: the next outage starts again from ``first``."""
        self._attempt = 0
