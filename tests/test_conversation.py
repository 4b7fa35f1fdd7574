"""Conversations: bounded, expiring, isolated; follow-ups searched through earlier turns."""

from __future__ import annotations

import threading

import pytest

from antqa.conversation import ConversationStore, Turn, is_follow_up, plan_search


def turn(question: str, answer: str = "An answer. [1]", ids: tuple[int, ...] = (7,)) -> Turn:
    return Turn(question=question, query=question, answer=answer, sentence_ids=ids)


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_only_the_latest_turns_are_kept() -> None:
    store = ConversationStore(max_turns=3)
    for n in range(10):
        store.record("a", turn(f"question {n}"))
    history = store.history("a")
    assert history is not None
    assert [t.question for t in history] == ["question 7", "question 8", "question 9"]


def test_an_idle_conversation_expires_and_an_active_one_does_not() -> None:
    clock = Clock()
    store = ConversationStore(ttl_seconds=60, clock=clock)
    store.record("idle", turn("q"))
    store.record("active", turn("q"))
    for _ in range(3):
        clock.now += 40
        store.record("active", turn("again"))
    assert store.history("idle") is None
    assert store.history("active") is not None
    assert len(store) == 1


def test_the_least_recently_used_conversation_makes_room() -> None:
    store = ConversationStore(max_conversations=2)
    store.record("a", turn("q"))
    store.record("b", turn("q"))
    store.record("a", turn("q again"))
    store.record("c", turn("q"))
    assert store.history("b") is None
    assert store.history("a") is not None and store.history("c") is not None
    assert len(store) == 2


def test_conversations_never_mix() -> None:
    store = ConversationStore()
    store.record("a", turn("about the chairman"))
    store.record("b", turn("about the default"))
    assert [t.question for t in store.history("a") or []] == ["about the chairman"]
    assert [t.question for t in store.history("b") or []] == ["about the default"]
    assert store.history("c") is None


def test_concurrent_turns_are_all_recorded_within_the_bounds() -> None:
    store = ConversationStore(max_turns=1000)

    def ask(conversation: str) -> None:
        for n in range(200):
            store.record(conversation, turn(f"{conversation}{n}"))

    threads = [threading.Thread(target=ask, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name in "abcd":
        history = store.history(name)
        assert history is not None and len(history) == 200
        assert all(t.question.startswith(name) for t in history)


@pytest.mark.parametrize(
    "question",
    [
        "And who replaced her?",
        "What happened after that?",
        "Tell me more",
        "Why?",
        "Which company does that remind them of?",
        "What position did she take after stepping down?",
    ],
)
def test_follow_ups_are_recognised(question: str) -> None:
    assert is_follow_up(question)


@pytest.mark.parametrize(
    "question",
    [
        "Which bank issued a counter-guarantee letter for the products?",
        "What is Ni Xingjun's nickname in the company?",
    ],
)
def test_standalone_questions_are_not_follow_ups(question: str) -> None:
    assert not is_follow_up(question)


def test_a_first_question_is_searched_as_asked() -> None:
    plan = plan_search("Who leads the committee?", [])
    assert plan.query == "Who leads the committee?"
    assert plan.anchors == () and plan.strength == 0


def test_a_follow_up_is_searched_with_the_previous_answer_and_question() -> None:
    history = [
        turn("Who was CEO before?", "Old answer. [1]", (1,)),
        turn("What did Alipay set up?", 'Alipay established a "class committee system". [2]', (9,)),
    ]
    plan = plan_search("Who leads it?", history)
    assert plan.query.startswith("Who leads it?")
    assert 'Alipay established a "class committee system".' in plan.query
    assert "What did Alipay set up?" in plan.query
    assert "[2]" not in plan.query and "Old answer" not in plan.query
    assert plan.anchors == (9,)
    assert plan.strength == 1.0
    assert not plan.continuation


def test_tell_me_more_asks_for_what_follows() -> None:
    plan = plan_search("Tell me more", [turn("What is the review method called?")])
    assert plan.continuation and plan.anchors == (7,)


def test_a_new_subject_in_a_conversation_only_leans_weakly_on_it() -> None:
    plan = plan_search(
        "Which bank issued a counter-guarantee letter for the products?",
        [turn("Who is Li Zhiguo?")],
    )
    assert plan.query == "Which bank issued a counter-guarantee letter for the products?"
    assert 0 < plan.strength < 1


def test_a_refused_turn_gives_no_context() -> None:
    refused = turn("What was the revenue?", "The article doesn't say. …", ())
    plan = plan_search("And the profit?", [refused])
    assert "doesn't say" not in plan.query
    assert plan.anchors == ()
