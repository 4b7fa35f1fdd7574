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
    """One question and what was answered, as later questions need it.

    ``sentence_ids`` are the sentences the answer quoted, the main one first: a follow-up
    is most likely answered near them; they hold only in the index of ``article_sha256``.
    """

    question: str
    query: str
    answer: str
    sentence_ids: tuple[int, ...]
    article_sha256: str = ""
    """The article the ``sentence_ids`` point into (an index reload may replace it)."""


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
    re.findall(
        r"\w+",
        "he she it they him her his hers its them their theirs this that these those there "
        "then former latter such same",
    )
)
_CONTINUING = re.compile(
    r"^(and|but|so|also|then|what about|how about|what else|why|why not|how so|really)\b"
    r"|\b(tell me more|go on|more about|more detail|elaborate|after that|before that|"
    r"what next|what happened next|and then)\b",
    re.IGNORECASE,
)
_MORE_OF_THE_SAME = re.compile(
    r"^\W*(and\s+)?(tell me more|go on|continue|more|elaborate|what else|and then|"
    r"what happened (next|then|after that)|what came next|then what)\W*$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\s*\[\d+\]")


@dataclass(frozen=True)
class SearchPlan:
    """What to search for a question asked in a conversation.

    ``context`` is what the conversation was about (the previous answer, which is what
    "it" and "she" usually point at, then the previous question), ``anchors`` the
    sentences the previous answer quoted (its main one first), ``strength`` how much the
    question leans on them (1 for a clear follow-up, less for a question that may just
    change the subject), and ``continuation`` whether it asks for what comes next rather
    than anything new ("tell me more").
    """

    question: str
    context: str = ""
    anchors: tuple[int, ...] = ()
    strength: float = 0.0
    continuation: bool = False

    @property
    def query(self) -> str:
        """A self-contained text to embed: the question, then what it refers back to."""
        return f"{self.question} {self.context}".strip()


def is_follow_up(question: str) -> bool:
    """Whether ``question`` leans on earlier turns (refers back, or continues one)."""
    words = re.findall(r"[a-z']+", question.lower())
    return (
        bool(_CONTINUING.search(question.strip()))
        or any(word in _REFERRING for word in words)
        or len(words) <= 3
    )


def plan_search(question: str, history: list[Turn], weak: float = 0.35) -> SearchPlan:
    """How to search ``question`` given the conversation so far (oldest turn first).

    A clear follow-up is searched together with the previous answer and question, and
    near the sentences that answer quoted; any other question in a conversation still
    gets a weak pull toward them (people often drop the subject: "on the business side,
    what ...?"), which a question that matches elsewhere easily overrides.
    """
    if not history:
        return SearchPlan(question)
    previous = history[-1]
    said = _MARKER.sub("", previous.answer) if previous.sentence_ids else ""
    follow_up = is_follow_up(question)
    return SearchPlan(
        question=question,
        context=f"{said} {previous.question}".strip() if follow_up else "",
        anchors=previous.sentence_ids,
        strength=1.0 if follow_up else weak,
        continuation=bool(_MORE_OF_THE_SAME.match(question)),
    )
