"""Word forms the refusal checks once misread as a sign the article does not answer: a
money word inside another word, a change told in words, a verb told by its noun, an event
taken for a place, a step told by its doer's noun, a refusal told as a vote, a verb of
lasting; and the sentence just behind the chosen one, when the chosen tells of something
else."""

from __future__ import annotations

from antqa.questions import AnswerKind, analyse, gives_change


def test_a_money_word_inside_another_word_asks_no_sum() -> None:
    assert analyse("How much payload goes into each segment?").kind is AnswerKind.COUNT
    assert analyse("How much of Europe was flooded?").kind is AnswerKind.COUNT
    assert analyse("How much did the soldiers carry?").kind is AnswerKind.COUNT
    # the word of money itself, in its forms, still asks for a sum
    assert analyse("How much did he pay for the lease?").kind is AnswerKind.AMOUNT
    assert analyse("How much was paid?").kind is AnswerKind.AMOUNT
    assert analyse("How much funding did the line get?").kind is AnswerKind.AMOUNT
    assert analyse("How much were they fined?").kind is AnswerKind.AMOUNT


def test_a_change_told_in_words_tells_by_how_much() -> None:
    assert gives_change("Farmhand wages in the valley roughly doubled.")
    assert gives_change("The toll was halved in 1820.")
    assert gives_change("Output saw a tenfold rise.")
    assert gives_change("Fares fell by a third.")  # a share, as before
    assert not gives_change("Wages were fixed at pre-epidemic levels in 1363.")
