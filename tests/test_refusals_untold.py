"""Refusals of a question about a detail the article never states: who did what it tells
without a doer (:func:`antqa.refusals.no_one_told`), and the event a kind question asks
about (:func:`antqa.refusals.event_word`), each next to a question that is kept."""

from __future__ import annotations

import pytest

from antqa.lexical import tokenize
from antqa.refusals import event_without_figure, event_word, no_one_told

#: Words the article of these sentences writes in lower case (capitalised only when
#: opening a sentence): "The", "After", "Highlights".
COMMON = frozenset({"the", "after", "highlights", "its", "a"})


@pytest.mark.parametrize(
    ("question", "told"),
    [
        (
            "Who designed the restoration completed in 2011?",
            "Its shoebox shape gave it a warm acoustic, and it remains the orchestra's home "
            "after a restoration completed in 2011.",
        ),
        (
            "Who managed the Millbrook treatment works?",
            "The source was traced to a broken filter bed at the Millbrook treatment works.",
        ),
        (
            "Who produced the Kanal 4 highlights?",
            "Highlights were shown the same evening on the rival channel Kanal 4.",
        ),
    ],
)
def test_a_who_question_of_an_event_told_without_anyone_is_refused(
    question: str, told: str
) -> None:
    assert no_one_told(question, [told], COMMON)


@pytest.mark.parametrize(
    ("question", "told"),
    [
        # a name the question does not give
        ("Who managed the treatment works?", "The works were run by the engineer Ada Voss."),
        # "she", a doer after "by", the asked step with its doer in lower case
        ("Who convened the management team?", "At the same time, she convened 22 members."),
        ("Who decided the price?", "Tenants paid a price fixed by district valuation boards."),
        (
            "Who cannot bring claims before the Tribunal?",
            "Private individuals and companies have no standing to bring claims before the "
            "Tribunal.",
        ),
        # a name opening the sentence, which the article never writes in lower case
        ("Who led the raiders?", "Rollo was their leader."),
    ],
)
def test_a_who_question_whose_sentence_tells_of_someone_is_kept(question: str, told: str) -> None:
    assert not no_one_told(question, [told], COMMON)


def test_the_event_word_is_the_rarest_word_written_that_is_no_name_nor_a_kind_word() -> None:
    tokens = tokenize("How many Ant Financial employees cried during the review in 2016?")
    rarity = {t: 1.0 for t in tokens}
    cried = tokenize("cried")[0]
    rarity[cried] = 3.0
    rarity[tokenize("Financial")[0]] = 5.0  # a name: never the event
    assert event_word(tokens, tokenize("Ant Financial"), rarity) == cried
    # "year" asks for the kind of answer, not about an event
    tokens = tokenize("In what year was the dock closed?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("year")[0]: 4.0, tokenize("dock")[0]: 2.0}
    assert event_word(tokens, (), rarity) == tokenize("dock")[0]
    # a word the article never writes (no rarity) singles out nothing
    assert event_word(tokenize("When was it repealed?"), (), {}) is None
    # a preposition or a light verb tells no event, however rarely the article writes it
    tokens = tokenize("How long does Ebbe take to go around Halvard?")
    rarity = {t: 1.0 for t in tokens} | {tokenize("around")[0]: 6.0, tokenize("take")[0]: 5.0}
    assert event_word(tokens, tokenize("Ebbe Halvard"), rarity) is None


def test_a_month_names_no_one() -> None:
    question = "Who was fired over the circle incident?"
    told = "In November 2016, a circle incident occurred in the life circles."
    assert no_one_told(question, [told], COMMON | {"in"})


def _told(text: str, holds: bool = False) -> tuple[frozenset[str], str, bool]:
    return frozenset(tokenize(text)), text, holds


CRIED = "How many Ant Financial employees cried during the strategy review?"
OLD_HANDS = _told("Old employees recall when there were hundreds of people.", holds=True)


def test_an_event_told_without_a_figure_while_the_figure_is_of_something_else() -> None:
    topic = tokenize(CRIED)
    cried = tokenize("cried")[0]
    telling = [_told("Many people cried during the review."), OLD_HANDS]
    assert event_without_figure(cried, topic, telling, [OLD_HANDS[0]])


@pytest.mark.parametrize(
    "told",
    [
        # the sentence telling the event gives a figure, of any kind
        _told("Many people cried during the review, 22 of them managers."),
        # it tells the event, and the sentence that would answer is beside it
        _told("Many people cried during the review.", holds=True),
        # one word of the question in passing is no telling of the event
        _told("Nobody cried."),
    ],
)
def test_an_event_told_with_a_figure_or_only_in_passing_is_kept(
    told: tuple[frozenset[str], str, bool],
) -> None:
    topic = tokenize(CRIED)
    cried = tokenize("cried")[0]
    assert not event_without_figure(cried, topic, [told, OLD_HANDS], [OLD_HANDS[0]])
    # and whatever the others say, the sentences that would answer tell of it themselves
    quoted = frozenset(tokenize("Employees cried as 200 people watched."))
    assert not event_without_figure(cried, topic, [_told("Many cried in review.")], [quoted])


def test_an_answer_holding_more_of_the_question_tells_the_event_in_other_words() -> None:
    question = "How many prefab houses were put up under the Rapid Dwelling Programme?"
    topic = tokenize(question)
    house = tokenize("houses")[0]
    studies = _told("He produced studies for prefabricated emergency housing.")
    homes = frozenset(
        tokenize("Under the Rapid Dwelling Programme 6,800 prefabricated homes were put up.")
    )
    assert not event_without_figure(house, topic, [studies], [homes])
    # an answer holding no more of the question than the event's sentence is of another fact
    other = frozenset(tokenize("The prefabricated panel stayed in production until 1958."))
    assert event_without_figure(house, topic, [studies], [other])
    # and so is one giving no figure in digits, however many of its words it holds
    vague = frozenset(tokenize("Under the Rapid Dwelling Programme hundreds of homes went up."))
    assert event_without_figure(house, topic, [studies], [vague])
