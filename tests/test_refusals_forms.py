"""Word forms the refusal checks once misread as a sign the article does not answer: a
money word inside another word, a change told in words, a verb told by its noun, an event
taken for a place, a step told by its doer's noun, a refusal told as a vote, a verb of
lasting; and the sentence just behind the chosen one, when the chosen tells of something
else."""

from __future__ import annotations

from antqa.questions import AnswerKind, analyse, gives_change
from antqa.refusals import (
    doer_named,
    event_untold,
    opposite_word,
    placed_elsewhere,
    plain_words,
    step_of_another,
)
from tests.test_refusals import _article_words


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


def test_a_verb_told_by_its_noun_is_no_opposite() -> None:
    told = plain_words(
        "Ferris led it until his death in 2001. The government survived on a vote-by-vote basis."
    )
    assert opposite_word("Who took over when Ferris died?", told) is None
    # the noun counts only as the question's own word told, never as the opposite
    crash = plain_words("Three died in the crash.")
    assert opposite_word("How many survived the crash?", crash) == ("survived", "died")
    deaths = plain_words("The crash caused three deaths.")
    assert opposite_word("How many survived the crash?", deaths) is None


def test_an_event_s_name_is_no_place_the_question_pins() -> None:
    flood = [
        "The worst flood on record, the Great Candlemas Flood of 1682, drowned an estimated "
        "9,000 people in the Nederwold plain."
    ]
    asked = "About how many people drowned in the Great Candlemas Flood?"
    assert placed_elsewhere(asked, flood, ()) is None
    # a place pinned still is
    moved = "About how many people drowned in the Kelby plain?"
    kelby = ["The Great Flood drowned 9,000 people in the Nederwold plain, and Kelby was spared."]
    assert placed_elsewhere(moved, kelby, ()) == ("Kelby", "Nederwold")


def test_a_step_told_by_its_doer_s_noun_is_theirs() -> None:
    painter = "The river is in art: the painter Aurel Vosk produced a cycle of 48 views."
    asked = "How many views did Aurel Vosk paint?"
    assert step_of_another(asked, [(painter, [])]) is None
    other = painter.replace("Aurel Vosk", "Lisbet Harn")
    assert step_of_another(asked, [(other, [])]) == ("Aurel Vosk", "paint")


def test_a_step_after_a_participle_clause_is_the_sentence_subject_s() -> None:
    # "while collecting orchids above the Ychuma gorge and died": the gorge's name is in a
    # clause with no subject of its own, so Kinnaird, the sentence's subject, died
    fell = (
        "On 2 August 1889 Kinnaird fell from a ledge while collecting orchids above the "
        "Ychuma gorge and died of his injuries two days later."
    )
    assert step_of_another("How did Kinnaird die?", [(fell, [])]) is None
    other = fell.replace("Kinnaird", "Lund")
    assert step_of_another("How did Kinnaird die?", [(other, [])]) == ("Kinnaird", "die")


def test_a_step_told_twice_is_theirs_if_either_telling_names_them() -> None:
    told = "Moellendaal lost six warships, two of them sunk, while no Varsennese ship was lost."
    asked = "How many ships did Moellendaal lose at Caldrenne Roads?"
    assert step_of_another(asked, [(told, [])]) is None
    other = "Vannequin lost six warships, while no Varsennese ship was lost."
    assert step_of_another(asked, [(other, [])]) == ("Moellendaal", "lose")


def test_a_vote_against_is_a_refusal_told() -> None:
    voted = ["Of the eleven counties, only Marrow voted against the first question."]
    assert event_untold("Which county rejected the first question?", voted) is None
    approved = ["Of the eleven counties, all approved the first question."]
    assert event_untold("Which county rejected the first question?", approved) == "rejected"


def test_a_verb_of_lasting_is_told_by_its_span() -> None:
    texts = [(0, "The Northern Sarun ruled a rump state on the steppe until 1468."),
             (1, "The old road lasted for centuries.")]  # fmt: skip
    _, words = _article_words(texts)
    asked = "Until what year did the Northern Sarun last?"
    assert words.step_apart(asked, ["northern", "sarun"], 0, asks_time=True) is None


def test_a_step_told_naming_no_one_before_it_leaves_its_doer_unwritten() -> None:
    # "she": the article's subject may have taken it (RefusalChecks._unnamed)
    unnamed = "Because her speed let her outrun submarines, she usually sailed unescorted."
    assert not doer_named("usually", [unnamed])
    # a name before the step says who took it; the first word is no name of a doer
    named = "In 1352 Dunmere agreed to pay Hollin an annual rent of four marks."
    assert doer_named("agree", [named])
    assert not doer_named("agree", ["Later they agreed to pay a rent."])
    assert doer_named("agree", [unnamed, named])


def test_a_doer_is_named_only_before_the_step_told_as_something_done() -> None:
    # the noun of the step's doer ("chairman" of "chair") and an appositive's participle
    # ("a company founded ...") tell no step taken: the name before them took none
    chairman = "The Halvik Company, whose chairman, Oskar Lindqvist, paid the rent."
    assert not doer_named("chair", [chairman])
    founded = "Brannvik Events, a private company founded in 1990, runs the fair."
    assert not doer_named("found", [founded])
    # past them, the step told as done is read: "Brannvik ... founded the fair"
    assert doer_named("found", ["Later Brannvik, a firm founded in 1990, founded the fair."])
