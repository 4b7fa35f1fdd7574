"""Conversations: recent turns per conversation id, bounded and expiring, and follow-ups.

A follow-up ("and who replaced her?") is not searchable on its own; it is searched
together with what the conversation was about. The store keeps at most
``max_conversations`` conversations of ``max_turns`` turns, forgets a conversation after
``ttl_seconds`` idle, and is safe to use from several threads; :meth:`ConversationStore.exclusive`
lets questions in the same conversation take turns.
"""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Turn:
    """One question and what was answered, as later questions need it."""

    question: str
    query: str
    answer: str
    sentence_ids: tuple[int, ...]


@dataclass
class _Conversation:
    turns: list[Turn] = field(default_factory=list)
    touched: float = 0.0


class ConversationStore:
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
        self._lock = threading.Lock()
        self._turn_locks: dict[str, tuple[threading.Lock, list[int]]] = {}

    @staticmethod
    def new_id() -> str:
        """A fresh, unguessable conversation id."""
        return uuid.uuid4().hex

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._conversations)

    def history(self, conversation_id: str) -> list[Turn] | None:
        """The turns so far, oldest first; ``None`` if the id is unknown or expired."""
        with self._lock:
            self._expire(self._clock())
            conversation = self._conversations.get(conversation_id)
            return None if conversation is None else list(conversation.turns)

    def record(self, conversation_id: str, turn: Turn) -> None:
        """Append ``turn``, creating the conversation if needed and evicting the oldest."""
        with self._lock:
            now = self._clock()
            self._expire(now)
            conversation = self._conversations.pop(conversation_id, None) or _Conversation()
            conversation.turns = [*conversation.turns, turn][-self._max_turns :]
            conversation.touched = now
            self._conversations[conversation_id] = conversation
            while len(self._conversations) > self._max_conversations:
                self._conversations.popitem(last=False)

    @contextmanager
    def exclusive(self, conversation_id: str | None) -> Iterator[None]:
        """Hold ``conversation_id`` while one question in it is answered.

        Two questions sent at once in one conversation then take turns: the second sees the
        first as history, and only one of them can find an unknown id "new". ``None`` (a
        conversation nobody else knows yet) needs no lock. Unused locks are dropped.
        """
        if conversation_id is None:
            yield
            return
        with self._lock:
            lock, users = self._turn_locks.setdefault(conversation_id, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._lock:
                users[0] -= 1
                if not users[0]:
                    del self._turn_locks[conversation_id]

    def _expire(self, now: float) -> None:
        while self._conversations:
            oldest_id, oldest = next(iter(self._conversations.items()))
            if now - oldest.touched <= self._ttl:
                break
            del self._conversations[oldest_id]


_REFERRING = frozenset(
    [
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "his",
        "hers",
        "its",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "there",
        "then",
        "former",
        "latter",
    ]
)
_CONTINUING = ("and ", "but ", "so ", "also ", "what about", "how about", "tell me more", "more ")


def is_follow_up(question: str) -> bool:
    """Whether ``question`` leans on earlier turns (refers back, or continues one)."""
    lowered = question.lower().strip()
    words = re.findall(r"[a-z']+", lowered)
    return (
        lowered.startswith(_CONTINUING)
        or any(word in _REFERRING for word in words)
        or len(words) <= 3
    )


def contextualize(question: str, history: list[Turn]) -> str:
    """A self-contained search query for ``question`` given the conversation so far."""
    if not history or not is_follow_up(question):
        return question
    return f"{question} {history[-1].question}"
