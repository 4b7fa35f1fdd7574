"""A short answer that fails the kind asked, or only repeats the question's words, is no
clear answer (:meth:`ShortAnswerFinder.fits`): the sentence holding it is chosen as one
holding none, and the answer is neither cut around it nor shows it."""

from __future__ import annotations

import pytest

from antqa.lexical import LexicalIndex
from antqa.models import ShortAnswer
from antqa.questions import analyse
from antqa.short_answers import ShortAnswerFinder, Target
from antqa.short_answers.names import ArticleNames, answers_who, thing_named

ARTICLE = (
    "The economist Irena Solvik's history of the crash, The Grey Thursday Market, won the "
    "Marten Prize. The board's chief engineer, Thomas Aldous Crane, built a landing crane. "
    "The Brennock Dairy Farmers' Cooperative, commonly called the Brennock Co-op, was "
    "founded in 1911. The yard's most celebrated ship was the passenger liner Orinda. "
    "Varnholt sent a naval squadron to Porth Ennis in October 1958. Mediation by the "
    "government of Ostrava led to a ceasefire."
)


@pytest.fixture(scope="module")
def finder() -> ShortAnswerFinder:
    return ShortAnswerFinder(LexicalIndex(ARTICLE.split(". ")), ARTICLE)


def _span(text: str) -> ShortAnswer:
    start = ARTICLE.index(text)
    return ShortAnswer(text=text, start=start, end=start + len(text))


@pytest.mark.parametrize(
    ("question", "short", "fits"),
    [
        # a prize named after someone answers no "who"
        ("Who wrote The Grey Thursday Market?", "Marten Prize", False),
        ("Who wrote The Grey Thursday Market?", "Irena Solvik", True),
        # a vessel the article names so is no one
        ("Who launched the last ship?", "Orinda", False),
        # a surname the article also writes in lower case ("a landing crane"), of a name
        # it describes as a person's: still someone
        ("Who was the chief engineer?", "Thomas Aldous Crane", True),
        # the question's own subject, by its short form ("Co-op" is one word as written)
        ("Which dairy group was older than the Brennock cooperative?", "Brennock Co-op", False),
        # a name of any kind answers "which organisation"; no person is asked
        ("Which organisation was founded in 1911?", "Brennock Co-op", True),
    ],
)
def test_a_short_answer_fits_when_of_the_kind_asked_and_not_the_questions_own(
    finder: ShortAnswerFinder, question: str, short: str, fits: bool
) -> None:
    assert finder.fits(analyse(question), _span(short)) is fits


def test_a_month_is_no_place_even_after_in() -> None:
    """A month after "in" ("in October 1958") is written where a place is ("in Syria"): it
    answers no "which country" (the unseen canal-treaty batch answered "October")."""
    names = ArticleNames(ARTICLE)
    sentence = "Varnholt sent a naval squadron to Porth Ennis in October 1958."
    month = sentence.index("October")
    assert not names.is_name(Target.PLACE, sentence, month, month + len("October"), False)
    ennis = sentence.index("Porth Ennis")
    assert names.is_name(Target.PLACE, sentence, ennis, ennis + len("Porth Ennis"), False)


def test_a_thing_named_after_someone_is_no_one() -> None:
    article = ArticleNames(ARTICLE)
    assert thing_named("Marten Prize") and not answers_who("Marten Prize", article)
    assert thing_named("Treaty of Almsby")
    assert not thing_named("Abbot Gervase of Lenholm")
    assert answers_who("Irena Solvik", article)
    # a body does what a person does: owns, builds, receives, tries a case
    assert answers_who("Royal Astronomical Society", article)
    assert thing_named("Vessenport High Court")  # no "he" for a follow-up ...
    assert answers_who("Vessenport High Court", article)  # ... but it may answer "who"
    assert not answers_who("Health Services Act", article)


def test_a_vessel_named_after_someone_leaves_them_someone() -> None:
    """A ship named after a person the article names in full is no reason to read that
    person's surname as a ship's ("the electric ferry Kemble, named after ... Josiah
    Kemble"): "Kemble" still answers "Who was the first managing director?"."""
    names = ArticleNames(
        "Josiah Kemble founded the line. Kemble was its first managing director. The "
        "company now runs the electric ferry Kemble and the steamer Marrow Queen."
    )
    assert "Kemble" not in names.vessels and "Marrow Queen" in names.vessels
    assert answers_who("Kemble", names) and not answers_who("Marrow Queen", names)
