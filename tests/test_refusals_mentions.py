"""What counts as the article mentioning what a question asks for, four readings the
SQuAD-format sets showed too narrow, each a kind: a place written without "in" or "at"
before it; a place named as its people's or language's word ("English" for England); an
age told as "a boy of nine"; a verb of lasting, told by a span."""

from __future__ import annotations

from tests.test_answering import _service_over


def test_a_place_written_without_a_preposition_before_it_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Which state ...?" of "gives Ostria, as the upstream state, ...": no "in Ostria",
    yet the sentence names the state (refused before: "none of its passages on this gives
    a place")."""
    service = _service_over(
        "The accord divides the river between two states.\n\n"
        "Legal commentators have noted that the rule requiring unanimity gives Ostria, as "
        "the upstream state, an effective veto over any reallocation.\n",
        tmp_path,
    )
    answer = service.ask("Which state has an effective veto over reallocation?")
    assert answer.answerable and "Ostria" in answer.answer, answer.answer


def test_an_age_told_as_a_boy_of_nine_answers_how_old(tmp_path) -> None:  # type: ignore[no-untyped-def]
    service = _service_over(
        "The dynasty ruled the plateau from 1187 to 1412.\n\n"
        "The last ruler, Orbelai (r. 1398–1412), was a boy of nine at his accession.\n",
        tmp_path,
    )
    answer = service.ask("How old was Orbelai when he took the throne?")
    assert answer.answerable and "a boy of nine" in answer.answer, answer.answer
    # the reign's dates stay in the sentence: "(r." is no sentence of its own
    assert "Orbelai (r. 1398–1412), was" in answer.answer
