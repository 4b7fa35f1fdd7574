"""Follow-ups searched through earlier turns (the stores' rules: ``tests/test_state.py``)."""

from __future__ import annotations

import pytest

from antqa.conversation import QUESTION_WEIGHT, Turn, is_follow_up, plan_search
from antqa.service import QAService


def turn(question: str, answer: str = "An answer. [1]", ids: tuple[int, ...] = (7,)) -> Turn:
    return Turn(question=question, query=question, answer=answer, sentence_ids=ids)


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
    assert plan.anchors == () and plan.strength == 0 and not plan.follow_up


def test_a_follow_up_is_searched_with_the_previous_answer_not_its_question() -> None:
    history = [
        turn("Who was CEO before?", "Old answer. [1]", (1,)),
        turn("What did Alipay set up?", 'Alipay established a "class committee system". [2]', (9,)),
    ]
    plan = plan_search("Who leads it?", history)
    assert (
        plan.query == 'Who leads it? Who leads it? Alipay established a "class committee system".'
    )
    # the previous question restates what was answered: it would pull the search back there
    assert "What did Alipay set up?" not in plan.query and "What" not in plan.context
    assert plan.anchors == (9,)
    assert plan.strength == 1.0 and plan.follow_up
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
    assert plan.context == "What was the revenue?"  # all there is to go on
    assert plan.anchors == ()


def test_a_follow_up_reads_what_the_answer_chose_not_the_runner_up_it_hedged_with(
    real_service: QAService,
) -> None:
    first = real_service.ask("Which department did Alipay start out as?")
    hedge = "We know that Ant Financial started from Alipay."
    assert "settlement department of Taobao" in first.answer and hedge in first.answer
    turn = real_service.conversations.history(first.conversation_id)[-1]
    assert "settlement department of Taobao" in turn.answer and hedge not in turn.answer
    # so "that company" is Taobao, which the answer chose, not the hedge's Ant Financial
    culture = real_service.ask("What is that company's culture like?", first.conversation_id)
    assert "Taobao’s culture is lively and agile" in culture.answer


def test_a_follow_up_outweighs_a_long_previous_answer_in_its_query() -> None:
    long_answer = "A long answer that tells many other things. " * 8
    plan = plan_search("And who leads it?", [turn("What was set up?", long_answer)])
    assert plan.query.count("And who leads it?") == QUESTION_WEIGHT > 1
    assert plan.query.endswith(plan.context)


def test_a_follow_up_finds_what_it_asks_not_the_last_answer_again(
    real_service: QAService,
) -> None:
    # the previous answer is long and about the committee's members: with the question
    # written once the query matched them again ("Jing Xiandong serves as the squad leader")
    first = real_service.ask("what's the class committee system at alipay?")
    answer = real_service.ask(
        "who came up with it originally, and where else did it work?", first.conversation_id
    )
    assert "first implemented by Yu Yongfu at UC" in answer.answer, answer.answer
