"""Three readings a held-out batch showed wrong, each a kind: a name typed with a doubled
letter once is the name the article writes; a role's holder named in apposition after it
holds it; a text's length in pages tells "how long" it is."""

from __future__ import annotations

from antqa.lexical import LexicalIndex, tokenize
from antqa.questions import AnswerKind, analyse, holds
from antqa.refusals import role_held

ENGINE = [
    "Tobias Harrowgate was born on 4 June 1779 at Selby Marsh, the son of a wheelwright.",
    "The engine was built at Kelsbury from 1821.",
]


def test_a_name_typed_with_a_doubled_letter_once_is_one_the_article_mentions() -> None:
    lexicon = LexicalIndex(ENGINE)
    (typed,) = tokenize("Harowgate")
    assert lexicon.resembles_known(typed)
    assert lexicon.form(typed) == tokenize("Harrowgate")[0]
    # a name the article never writes, in any spelling, is still unknown
    (other,) = tokenize("Marrowby")
    assert not lexicon.resembles_known(other)


def test_a_role_s_holder_named_in_apposition_after_it_holds_it() -> None:
    told = [
        "Aurenne's governor-general at Port Sauveline, Count Émeric de Vaudrelle, regarded "
        "the farms as a threat to the fur trade."
    ]
    asked = set(tokenize("Aurenne Port Sauveline"))
    assert role_held(tokenize("governor-general"), asked, told)
    # the role told only of the people the question names is held by no one else
    alone = ["Aurenne's governor-general at Port Sauveline regarded the farms as a threat."]
    assert not role_held(tokenize("governor-general"), asked, alone)


def test_a_text_s_length_in_pages_tells_how_long_it_is() -> None:
    question = analyse("How long was the first report?")
    assert question.kind is AnswerKind.DURATION
    assert holds(question.kind, "Its three volumes, running to some 1,100 pages, concluded ...")
    assert not holds(question.kind, "Its three volumes concluded that the pH had fallen.")
    # in words, or as the adjective of what it measures
    assert holds(question.kind, "His dissent, only eleven pages long, was later quoted.")
    assert holds(question.kind, "Welk, whose 112-page manuscript argued that ...")
    assert not holds(question.kind, "The page of the manuscript was torn.")
