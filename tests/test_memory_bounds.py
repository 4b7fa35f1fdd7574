"""Memory stays bounded however many conversations arrive: the oldest go, expired ones go.

The soak in ``benchmarks/soak.py`` shows the same from outside (the server's RSS stays flat
round after round); these tests pin the bounds at scale and through the service as it is
configured (``tests/test_conversation.py`` has the store's rules one by one).
"""

from __future__ import annotations

import pytest

from antqa.config import Settings
from antqa.conversation import ConversationStore, Turn
from antqa.service import QAService

EXPIRED = "unknown or had expired"


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def turn(n: int) -> Turn:
    return Turn(question=f"question {n}", query=f"question {n}", answer="…", sentence_ids=(n,))


def test_ten_thousand_conversations_keep_the_newest_thousand_until_they_expire() -> None:
    clock = FakeClock()
    store = ConversationStore(max_conversations=1000, ttl_seconds=3600, clock=clock)
    ids = [f"conversation-{n}" for n in range(10_000)]
    for n, conversation_id in enumerate(ids):
        clock.now += 0.01 if n != 9500 else 1000  # the last 500 come a while later
        store.record(conversation_id, turn(n))
        assert len(store) <= 1000
    assert len(store) == 1000
    assert all(store.history(i) is None for i in ids[:9000]), "the oldest were evicted"
    assert all(store.history(i) == [turn(n)] for n, i in enumerate(ids) if n >= 9000)

    clock.now += 3000  # idle: the 500 before the pause over an hour, the last 500 not
    assert len(store) == 500
    assert store.history(ids[9499]) is None and store.history(ids[9500]) is not None
    clock.now += 1000
    assert len(store) == 0, "expired conversations are gone, not just hidden"


@pytest.fixture
def bounded_service(fake_service: QAService, monkeypatch: pytest.MonkeyPatch) -> QAService:
    """The fake-embedder service with its bounds read from the environment, as served."""
    monkeypatch.setenv("ANTQA_MAX_CONVERSATIONS", "200")
    monkeypatch.setenv("ANTQA_CONVERSATION_TTL_SECONDS", "60")
    settings = Settings(index_dir=fake_service.settings.index_dir, model=fake_service.model_name)
    return QAService(fake_service.index, fake_service.embedder, settings)


def test_the_configured_bound_holds_through_the_service(bounded_service: QAService) -> None:
    ids = [f"user-{n}" for n in range(1000)]
    for n, conversation_id in enumerate(ids):
        bounded_service.ask(f"What happened to the products in round {n}?", conversation_id)
    assert len(bounded_service.conversations) == 200
    newest = bounded_service.ask("And what about the guarantee?", ids[-1])
    assert newest.notice is None, "the newest conversation is remembered"
    oldest = bounded_service.ask("And what about the guarantee?", ids[0])
    assert oldest.notice and EXPIRED in oldest.notice
    assert len(bounded_service.conversations) == 200


def test_an_expired_conversation_is_forgotten_and_the_asker_told(fake_service: QAService) -> None:
    clock = FakeClock()
    service = QAService(
        fake_service.index,
        fake_service.embedder,
        fake_service.settings,
        ConversationStore(ttl_seconds=60, clock=clock),
    )
    first = service.ask("Who became CEO when Peng Lei stepped down?")
    clock.now += 59
    assert service.ask("And what did she become?", first.conversation_id).notice is None
    clock.now += 61
    later = service.ask("And what did she become?", first.conversation_id)
    assert later.notice and EXPIRED in later.notice
    assert len(service.conversations) == 1
