"""QAService: validation, conversations and the answer contract (fake embedder: fast)."""

from __future__ import annotations

import pytest

from antqa.errors import InvalidConversationId, InvalidQuestion
from antqa.service import CONTEXT_LOST, QAService, check_conversation_id, clean_question


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Who\tis\nCEO? ", "Who is CEO?"),
        ("Who\x00 is\x1b CEO?\x7f", "Who is CEO?"),
        ("Who’s\x00 CEO?\u2028", "Who’s CEO?"),  # not ASCII: the general path
        ("谁是CEO？🙂", "谁是CEO？🙂"),
        ("zero\u200bwidth", "zerowidth"),
    ],
)
def test_questions_are_cleaned_of_control_characters(raw: str, clean: str) -> None:
    assert clean_question(raw, 1000) == clean


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "the question is empty"),
        ("\x00\x01  \n", "the question is empty"),
        (None, "must be text, not NoneType"),
        (42, "must be text, not int"),
        ("x" * 1001, "1001 characters long; the limit is 1000"),
    ],
)
def test_bad_questions_are_refused_with_a_reason(raw: object, message: str) -> None:
    with pytest.raises(InvalidQuestion, match=message):
        clean_question(raw, 1000)


@pytest.mark.parametrize("bad", ["", "x" * 129, "has space", "new\nline", 12, ["a"]])
def test_bad_conversation_ids_are_refused(bad: object) -> None:
    with pytest.raises(InvalidConversationId, match="conversation_id must be"):
        check_conversation_id(bad)


def test_a_new_conversation_id_is_returned_and_follow_ups_share_it(fake_service: QAService) -> None:
    first = fake_service.ask("Who convened 22 members of the management team?")
    assert first.notice is None
    second = fake_service.ask("Why did she do that?", first.conversation_id)
    assert second.conversation_id == first.conversation_id
    assert second.notice is None
    history = fake_service.conversations.history(first.conversation_id)
    assert history is not None
    assert [t.question for t in history] == [
        "Who convened 22 members of the management team?",
        "Why did she do that?",
    ]


def test_an_unknown_conversation_starts_fresh_and_says_so(fake_service: QAService) -> None:
    answer = fake_service.ask("Who is Li Zhiguo?", "my-own-id")
    assert answer.conversation_id != "my-own-id", "a client cannot choose an id"
    assert len(answer.conversation_id) == 32
    assert answer.notice == CONTEXT_LOST and "ask the full question again" in answer.notice
    assert answer.answerable, "answered as a fresh question, not refused"
    assert fake_service.conversations.history("my-own-id") is None
    again = fake_service.ask("And where does he work?", "my-own-id")
    assert again.notice == CONTEXT_LOST and again.conversation_id != answer.conversation_id
    follow_up = fake_service.ask("And where does he work?", answer.conversation_id)
    assert follow_up.notice is None and follow_up.conversation_id == answer.conversation_id
    unseen = fake_service.ask("Who is Li Zhiguo?", "my-own-id", history_shown=False)
    assert unseen.notice is None, "an asker who saw no earlier turns is told of no loss"
    assert unseen.conversation_id not in ("my-own-id", answer.conversation_id)


def test_a_place_keeps_its_conversation_across_a_restart(fake_service: QAService) -> None:
    first = fake_service.ask_at("discord:thread:42", "Who is Li Zhiguo?")
    assert first.notice is None
    restarted = QAService(fake_service.index, fake_service.embedder, fake_service.settings)
    again = restarted.ask_at("discord:thread:42", "And where does he work?")
    assert again.notice is None and again.conversation_id == first.conversation_id
    history = restarted.conversations.history(first.conversation_id)
    assert [t.question for t in history or []] == [
        "Who is Li Zhiguo?",
        "And where does he work?",
    ]


def test_conversations_do_not_mix(fake_service: QAService) -> None:
    a = fake_service.ask("What is Ni Xingjun's nickname?")
    b = fake_service.ask("Which bank issued a counter-guarantee letter?")
    assert a.conversation_id != b.conversation_id
    history_a = fake_service.conversations.history(a.conversation_id)
    assert history_a is not None and len(history_a) == 1
