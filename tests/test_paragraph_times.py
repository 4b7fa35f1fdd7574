"""A sentence writing no time is told at the time its paragraph gave last."""

from __future__ import annotations

from pathlib import Path

from antqa.chunking import split_sentences
from antqa.refusals import paragraph_times
from tests.conftest import retriever_over

TUNNEL = (
    "On 12 December 1907 a goods train ran into the rear of a stalled express. "
    "An inquiry chaired by the judge Renato Ilvesi blamed the signals. "
    "Block signalling was installed by 1910. Electrification followed.\n\n"
    "A medical inquiry led in 1886 by the physician Henrietta Solm found hookworm. "
    "The inquiry was published. Two years later Solm found the worm in cattle. "
    "It spread."
)


def test_a_sentence_writing_no_time_takes_the_paragraphs_last_time() -> None:
    found = paragraph_times(split_sentences(TUNNEL))
    # the inquiry writes no time: 1907; one dated itself ("by 1910") keeps its own, and
    # the sentence after it takes that one; a new paragraph starts again from its own; one
    # timed from the one before ("Two years later") is at another time, known to none after
    assert found == ["", "1907", "", "by 1910", "", "1886", "", ""]


def test_the_sentence_told_at_the_year_asked_holds_it(tmp_path: Path) -> None:
    retriever = retriever_over(TUNNEL, tmp_path)
    scores = retriever.score("Who led the inquiry into the 1907 accident?")
    plain = retriever.lexicon.coverage(scores.question.tokens)
    # read alone the 1907 inquiry holds fewer of the question's words than the 1886 one
    # ("led"); read at its paragraph's year it holds "1907" too, as many as that one
    assert plain[1] < plain[4] <= scores.coverage[1]
    assert scores.coverage[4] == plain[4]  # dated itself: read alone


#: A fire told at its paragraph's year, and a later code dated of its own.
FIRE = (
    "The opera house opened in 1781 on the square.\n\n"
    "On the night of 3 February 1823 a chandelier set fire to a painted backdrop. "
    "Seventeen people died, most of them crushed on the narrow staircase. "
    "As a result, the city adopted a theatre fire code in 1825.\n"
)


def test_a_sentence_writing_no_time_is_not_refused_as_dated_elsewhere(tmp_path: Path) -> None:
    from tests.test_answering import _service_over

    service = _service_over(FIRE, tmp_path)
    answer = service.ask("Why did so many people die in the fire of 1823?")
    # the deaths are told at 1823, the paragraph's year, not only at the code's 1825
    assert answer.answerable and "Seventeen people died" in answer.answer
