"""What a question asks for: the kind of answer, the thing counted, the names it uses."""

from __future__ import annotations

import pytest

from antqa.questions import AnswerKind, analyse, holds


@pytest.mark.parametrize(
    ("question", "kind", "counted"),
    [
        ("How many members did she convene?", AnswerKind.COUNT, "member"),
        ("How many of the staff cried?", AnswerKind.COUNT, "staff"),
        ("What was the company's total revenue in 2016?", AnswerKind.AMOUNT, None),
        ("How much money did investors lose?", AnswerKind.AMOUNT, None),
        ("What exact share of the market did it claim?", AnswerKind.SHARE, None),
        ("What interest rate did the products pay?", AnswerKind.SHARE, None),
        ("How long did the repayment take?", AnswerKind.DURATION, None),
        ("How old is the chairman?", AnswerKind.AGE, None),
        ("When did she step down?", AnswerKind.TIME, None),
        ("On what date was the default disclosed?", AnswerKind.TIME, None),
        ("Which city is the company based in?", AnswerKind.PLACE, None),
        ("Who became the new CEO when she stepped down?", AnswerKind.ANY, None),
        ("When an employee fails, what does a review look at?", AnswerKind.ANY, None),
        ("Why did the head of the company apologize?", AnswerKind.ANY, None),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(
    question: str, kind: AnswerKind, counted: str | None
) -> None:
    asked = analyse(question)
    assert asked.kind is kind
    assert asked.counted == counted


@pytest.mark.parametrize(
    ("kind", "sentence", "counted", "expected"),
    [
        (AnswerKind.COUNT, "she convened 22 members of the team", "member", True),
        (AnswerKind.COUNT, "During the six years she came to the company", "year", True),
        (AnswerKind.COUNT, "she convened 22 members of the team", "user", False),
        (AnswerKind.COUNT, "In October 2016 the chairman stepped down", None, False),
        (AnswerKind.COUNT, "On December 15 the default was disclosed", None, False),
        (AnswerKind.AMOUNT, "Revenue reached 12 billion yuan", None, True),
        (AnswerKind.AMOUNT, "more than 7,000 employees watched", None, False),
        (AnswerKind.SHARE, "its share rose to 40%", None, True),
        (AnswerKind.SHARE, "its share exceeded its rival's", None, False),
        (AnswerKind.DURATION, "more than a week later on December 27", None, True),
        (AnswerKind.TIME, "In October 2016, the management changed", None, True),
        (AnswerKind.TIME, "This signifies a generational change.", None, False),
        (AnswerKind.AGE, "she was 44 years old", None, True),
        (AnswerKind.PLACE, "the event at the Huanglong Sports Center", None, True),
        (AnswerKind.PLACE, "the CEO of a web company", None, False),
        (AnswerKind.ANY, "anything at all", None, True),
    ],
)
def test_whether_a_sentence_holds_that_kind_of_thing(
    kind: AnswerKind, sentence: str, counted: str | None, expected: bool
) -> None:
    assert holds(kind, sentence, counted) is expected


def test_names_are_capitalised_words_after_the_first() -> None:
    assert analyse("What did Jack Ma say about the incident?").names == ("jack",)
    assert analyse("Who is Li Zhiguo?").names == ("li", "zhiguo")
    assert analyse("Who leads it?").names == ()


def test_a_title_case_question_has_no_names() -> None:
    assert analyse("How Did The Company Respond To Criticism?").names == ()


def test_two_questions_in_one_are_noticed() -> None:
    assert analyse("Who took on the guarantee, and how long did that take?").compound
    assert analyse("What three events does the article cover?").compound
    assert not analyse("Who took on the guarantee?").compound
