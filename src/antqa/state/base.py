"""The conversation store's contract, and what every implementation shares.

A conversation is the recent turns under one server-issued id. Every store keeps at most
``max_turns`` turns per conversation and ``max_conversations`` conversations (the least
recently used go first), forgets a conversation ``ttl_seconds`` after its last turn, and
lets questions in one conversation take turns (:meth:`ConversationStore.exclusive`). The
SQLite and Redis stores keep these rules across processes, which is what lets several
workers or replicas serve one conversation.

A *place* is an adapter's own name for where a conversation happens (a Discord thread);
the store maps it to the conversation's id (:meth:`ConversationStore.alias`), so the
mapping survives restarts with the conversations.

Turns are stored as JSON (never pickle: a store shared over the network must not be able
to run code in the reader).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict
from typing import Protocol, TypedDict

from antqa.conversation import Turn

#: Random bytes in a conversation id: 128 bits cannot be guessed or enumerated.
ID_BYTES = 16
#: How long a turn lock is held at most when its holder dies (SIGKILL) without releasing
#: it. Answering takes ~10-100 ms; a holder still answering after this long is stuck.
LOCK_LEASE_SECONDS = 30.0
#: What ``Retry-After`` says while the store is down: Redis clients reconnect on the next
#: command, so a restarted Redis is used again within a second or two of coming back.
RETRY_AFTER_SECONDS = 2


def new_conversation_id() -> str:
    """A fresh, unguessable conversation id (32 hex digits)."""
    return secrets.token_hex(ID_BYTES)


def dump_turn(turn: Turn) -> str:
    """``turn`` as a JSON object."""
    return json.dumps(asdict(turn), ensure_ascii=False, separators=(",", ":"))


def load_turn(text: str | bytes) -> Turn:
    """A turn from :func:`dump_turn`'s JSON."""
    data = json.loads(text)
    return Turn(
        question=data["question"],
        query=data["query"],
        answer=data["answer"],
        sentence_ids=tuple(data["sentence_ids"]),
        article_sha256=data.get("article_sha256", ""),
        about=data.get("about", ""),
        when=data.get("when", ""),
        thing=data.get("thing", ""),
    )


class Bounds(TypedDict):
    """The limits every store takes (from the ``ANTQA_CONVERSATION_*`` settings)."""

    max_turns: int
    ttl_seconds: float
    max_conversations: int


class ConversationStore(Protocol):
    """Recent turns per conversation id, bounded and expiring, shared as far as the
    implementation reaches (one process, one machine, or every machine using one Redis)."""

    def history(self, conversation_id: str) -> list[Turn] | None:
        """The turns so far, oldest first; ``None`` if the id is unknown or expired."""
        ...

    def record(self, conversation_id: str, turn: Turn) -> None:
        """Append ``turn`` (creating the conversation), refresh its expiry, apply the bounds."""
        ...

    def exclusive(self, key: str) -> AbstractContextManager[None]:
        """Hold ``key`` (a conversation id or a place) while one question in it is answered."""
        ...

    def alias(self, place: str) -> str | None:
        """The conversation id last bound to ``place``, if any (it may have expired since)."""
        ...

    def bind(self, place: str, conversation_id: str) -> None:
        """Make ``place`` lead to ``conversation_id``; it lives as long as the conversation."""
        ...

    def __len__(self) -> int:
        """Conversations held now (expired ones not counted)."""
        ...

    def close(self) -> None:
        """Release connections; the store is not used afterwards."""
        ...


class KeyedLocks:
    """One lock per key, made on first use and dropped when nobody holds or waits for it.

    In-process half of :meth:`ConversationStore.exclusive`: threads of one process queue
    here, so only one of them at a time waits on the shared (cross-process) lock.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, list[int]]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.setdefault(key, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._guard:
                users[0] -= 1
                if not users[0]:
                    del self._locks[key]
