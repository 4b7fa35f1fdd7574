"""A sentence telling of "it", "he", "she" or "they" is read with the subject it stands for."""

from __future__ import annotations

from pathlib import Path

import pytest

from antqa.chunking import split_sentences
from antqa.lexical import LexicalIndex
from antqa.referents import (
    FOR_A_MAN,
    FOR_A_WOMAN,
    FOR_SOMEONE,
    first_standing_for,
    points_back,
    referents,
    refers_back,
    standing_for,
    subject,
)
from tests.conftest import retriever_over

OPERA = (
    "His first opera, The Miller's Daughter of Kessing, was premiered at Velsberg in 1868. "
    "It was given eleven performances in its first season. "
    "It was revived in 1890.\n\n"
    "It rained that winter. His successor, the organist Paul Ebner, was appointed in 1869. "
    "The theatre closed in 1901."
)


def test_a_subject_is_the_words_before_its_verb() -> None:
    assert subject("Orvane Sky Television was founded in 1988.") == "Orvane Sky Television "
    assert subject("Returning home in early 1865, Obrenthal became organist.").endswith(
        "Obrenthal "
    )
    assert subject("A list of names.") == "A list of names."  # no verb: all of it


def test_a_pronoun_stands_for_the_subject_before_it_in_its_paragraph_only() -> None:
    found = referents(split_sentences(OPERA))
    opera = "His first opera, The Miller's Daughter of Kessing, "
    assert found[:3] == ["", opera, opera]  # a run of "It ..." stands for the same opera
    # a new paragraph, a possessive naming its own subject, "The <noun>": no referent
    assert found[3:] == ["", "", ""]


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("It was revived in 1890.", True),
        # a pronoun subject after a time, a place or a circumstance fronted before it
        ("In 1934, during the depression, it absorbed the Varnhold Thrift Society.", True),
        ("Under Admiral Gerrit Moellendaal it comprised 27 warships.", True),
        # after a participle's phrase, however many participles it holds
        ("Drafted at Vessary and adopted on 14 September 1871, it entered into force.", True),
        # the fronted words have a subject and verb of their own, whom the pronoun stands for
        ("In 1612 the cartographer Aldo Ferrucci drew a channel, although he never went.", False),
        ("On 3 July a mortar bomb fell through the roof while he was holding a council.", False),
        # its subject is before the comma, not a fronted phrase
        ("The council took a cautious line: after a hearing, it deferred its decision.", False),
        ("Founded in 1869 by Tomas Vell, the company was bought in 1931.", False),
        ("In 1963 the airline bought four aircraft.", False),  # no pronoun at all
    ],
)
def test_a_pronoun_subject_after_a_fronted_phrase_refers_back(text: str, back: bool) -> None:
    assert refers_back(text) is back


def test_a_fronted_phrase_before_the_pronoun_borrows_the_subject_before() -> None:
    text = (
        "The Westmere Savings Bank was founded in 1884. "
        "In 1934, during the depression, it absorbed the Varnhold Thrift Society."
    )
    assert referents(split_sentences(text)) == ["", "The Westmere Savings Bank "]


def test_coverage_with_counts_a_word_either_text_holds_once() -> None:
    lexicon = LexicalIndex(["red apples", "green apples", "blue sky"])
    also = LexicalIndex(["apples", "red", ""])
    read = lexicon.coverage(["red", "appl"], also)
    assert read[0] == lexicon.coverage("red apples")[0] == 1.0  # held by both: once
    assert read[1] == 1.0 > lexicon.coverage("red apples")[1]
    assert read[2] == 0.0


def test_a_text_read_with_its_referent_keeps_the_blends_it_holds() -> None:
    # "It is a Techfin" holds "tech" and "financ" in one blended word, and its referent
    # holds "bank": read together in one pass, it holds all three (read apart, the blend
    # counted only without the referent and the referent's word only without the blend)
    lexicon = LexicalIndex(["It is a Techfin.", "The bank grew.", "Tech shares and finance."])
    also = LexicalIndex(["The bank", "", ""])
    read = lexicon.coverage(["tech", "financ", "bank"], also)
    assert read[0] == pytest.approx(1.0)
    assert lexicon.coverage(["tech", "financ", "bank"])[0] < 1.0


def test_the_sentence_saying_it_holds_the_name_of_what_it_stands_for(tmp_path: Path) -> None:
    retriever = retriever_over(OPERA, tmp_path)
    question = "How many times was The Miller's Daughter of Kessing performed in its first season?"
    scores = retriever.score(question)
    plain = retriever.lexicon.coverage(scores.question.tokens)
    # read alone it lacks the opera's name and trails the sentence naming it; read with
    # what "It" stands for, it holds every word of the question the article writes
    assert plain[1] < plain[0]
    assert scores.coverage[1] > scores.coverage[0]
    assert scores.coverage[0] == plain[0] and scores.coverage[3] == plain[3]


@pytest.mark.parametrize(
    ("text", "names", "back"),
    [
        # "his" before the archbishop's name stands for whom the sentence before told of
        ("The crown was placed on his head by the archbishop Anselm Dray.", ["Anselm Dray"], True),
        # "he" after the name stands for that name
        (
            "The audit found that Olav Kruse had approved it, and he was dismissed.",
            ["Olav Kruse"],
            False,
        ),
        ("The bridge was rebuilt by Tomas Vell.", ["Tomas Vell"], False),  # no pronoun at all
    ],
)
def test_a_pronoun_ahead_of_every_name_points_back(text: str, names: list[str], back: bool) -> None:
    assert points_back(text, names) is back


def test_the_first_pronoun_for_someone_tells_whether_a_man_or_a_woman_is_meant() -> None:
    """The first of "he"/"her" decides ("why was her work credited to him?" asks of a
    woman); any "he" makes a succession question's pronouns a man's."""
    assert first_standing_for("why was her work credited to him?") is FOR_A_WOMAN
    assert first_standing_for(", held the post until 1997. His successor was Prade.") is FOR_A_MAN
    assert first_standing_for("The theatre closed in 1901.") is None
    assert first_standing_for("Where was the hotel?") is None  # "the" is no "he"
    assert standing_for("why was her work credited to him?") is FOR_A_MAN
    assert standing_for("Who came next?") is FOR_SOMEONE
