"""Conversations in this process's memory: for tests and single-process tools.

Lost at restart and invisible to other processes; ``antqa serve`` uses SQLite or Redis.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from antqa.conversation import Turn
from antqa.state.base import KeyedLocks


@dataclass
class _Conversation:
    turns: list[Turn] = field(default_factory=list)
    touched: float = 0.0


class MemoryConversationStore:
    """Recent turns per conversation id, least recently used first out."""

    def __init__(
        self,
        max_turns: int = 8,
        ttl_seconds: float = 3600.0,
        max_conversations: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max_turns = max_turns
        self._ttl = ttl_seconds
        self._max_conversations = max_conversations
        self._clock = clock
        self._conversations: OrderedDict[str, _Conversation] = OrderedDict()
        self._places: dict[str, str] = {}
        self._places_of: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self._turns = KeyedLocks()

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._conversations)

    def history(self, conversation_id: str) -> list[Turn] | None:
        with self._lock:
            self._expire(self._clock())
            conversation = self._conversations.get(conversation_id)
            return None if conversation is None else list(conversation.turns)

    def record(self, conversation_id: str, turn: Turn) -> None:
        with self._lock:
            now = self._clock()
            self._expire(now)
            conversation = self._conversations.pop(conversation_id, None) or _Conversation()
            conversation.turns = [*conversation.turns, turn][-self._max_turns :]
            conversation.touched = now
            self._conversations[conversation_id] = conversation
            while len(self._conversations) > self._max_conversations:
                self._forget(next(iter(self._conversations)))

    def exclusive(self, key: str) -> AbstractContextManager[None]:
        return self._turns.hold(key)

    def alias(self, place: str) -> str | None:
        with self._lock:
            return self._places.get(place)

    def bind(self, place: str, conversation_id: str) -> None:
        with self._lock:
            if conversation_id not in self._conversations:
                return
            previous = self._places.get(place)
            if previous is not None:
                self._places_of[previous].discard(place)
            self._places[place] = conversation_id
            self._places_of.setdefault(conversation_id, set()).add(place)

    def close(self) -> None:
        """Nothing to release."""

    def _expire(self, now: float) -> None:
        while self._conversations:
            oldest_id, oldest = next(iter(self._conversations.items()))
            if now - oldest.touched <= self._ttl:
                break
            self._forget(oldest_id)

    def _forget(self, conversation_id: str) -> None:
        del self._conversations[conversation_id]
        for place in self._places_of.pop(conversation_id, ()):
            del self._places[place]
