"""Memory stays bounded however many conversations arrive: the oldest go, expired ones go.

The soak in ``benchmarks/soak.py`` shows the same from outside (the server's RSS stays flat
round after round); these tests pin the bounds through the service as it is configured
(``tests/test_state.py`` has each store's rules one by one, at scale).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from antqa.config import Settings
from antqa.service import CONTEXT_LOST, QAService
from antqa.state.sqlite import SQLiteConversationStore


class FakeClock:
    """Wall-clock seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def bounded_service(fake_service: QAService, monkeypatch: pytest.MonkeyPatch) -> QAService:
    """The fake-embedder service with its bounds read from the environment, as served
    (the default store: SQLite under ANTQA_STATE_DIR, a temp folder here)."""
    monkeypatch.setenv("ANTQA_MAX_CONVERSATIONS", "200")
    monkeypatch.setenv("ANTQA_CONVERSATION_TTL_SECONDS", "60")
    settings = Settings(index_dir=fake_service.settings.index_dir, model=fake_service.model_name)
    return QAService(fake_service.index, fake_service.embedder, settings)


def test_the_configured_bound_holds_through_the_service(bounded_service: QAService) -> None:
    assert isinstance(bounded_service.conversations, SQLiteConversationStore)
    ids = [
        bounded_service.ask(f"What happened to the products in round {n}?").conversation_id
        for n in range(500)
    ]
    assert len(set(ids)) == 500
    assert len(bounded_service.conversations) == 200
    newest = bounded_service.ask("And what about the guarantee?", ids[-1])
    assert newest.notice is None, "the newest conversation is remembered"
    oldest = bounded_service.ask("And what about the guarantee?", ids[0])
    assert oldest.notice == CONTEXT_LOST and oldest.conversation_id != ids[0]
    assert len(bounded_service.conversations) == 200


def test_an_expired_conversation_is_forgotten_and_the_asker_told(
    fake_service: QAService, tmp_path: Path
) -> None:
    clock = FakeClock()
    service = QAService(
        fake_service.index,
        fake_service.embedder,
        fake_service.settings,
        SQLiteConversationStore(tmp_path / "c.sqlite3", ttl_seconds=60, clock=clock),
    )
    first = service.ask("Who became CEO when Peng Lei stepped down?")
    clock.now += 59
    assert service.ask("And what did she become?", first.conversation_id).notice is None
    clock.now += 61
    later = service.ask("And what did she become?", first.conversation_id)
    assert later.notice == CONTEXT_LOST
    assert later.conversation_id != first.conversation_id, "a fresh id, not the expired one"
    assert len(service.conversations) == 1
